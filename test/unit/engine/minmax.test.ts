// `memory.normalize: minmax` (engine/memory/minmax.ts): each retrieval component rescaled to 0..1 over
// the memories ranked, per query, as Generative Agents does; the engine's packed-index retrieval
// must rank and score exactly as the full scoring the preview and console use.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  appendMemory,
  makeQuery,
  retrieveByRelevance,
  retrieveFor,
  scoreMemories,
} from '../../../src/core/engine/memory/memory';
import type { MemoryConfig } from '../../../src/core/format/model/model';
import type { MemoryRecord } from '../../../src/core/trace/events';
import { previewFormula } from '../../../src/core/memory/previewFormula';

const fixed: MemoryConfig = { recency: 1, importance: 2, relevance: 1.5, top_k: 8, reflect_at: 150, decay: 0.9 };
const minmax: MemoryConfig = { ...fixed, normalize: 'minmax' };
const WORDS = ['climbing', 'jazz', 'maya', 'coach', 'plan', 'chess', 'garden', 'storm'];
const memArb = fc.record({
  round: fc.integer({ min: 0, max: 20 }),
  importance: fc.integer({ min: 1, max: 10 }),
  words: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
});
const streamOf = (ms: { round: number; importance: number; words: string[] }[]): MemoryRecord[] =>
  ms.map((m, id) => ({ id, round: m.round, kind: 'observation', text: m.words.join(' '), importance: m.importance }));

describe('min–max normalised retrieval', () => {
  it('rescales each component over the stream to 0..1 (0.5 when it is the same for all) and weights the rescaled values', () => {
    fc.assert(
      fc.property(
        fc.array(memArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
        (ms, q) => {
          const stream = streamOf(ms),
            query = makeQuery(...q);
          const raw = new Map(scoreMemories(stream, query, 20, fixed).map((s) => [s.memory.id, s]));
          const scaled = scoreMemories(stream, query, 20, minmax);
          for (const c of ['recency', 'importance', 'relevance'] as const) {
            const values = [...raw.values()].map((s) => s[c]);
            const lo = Math.min(...values),
              hi = Math.max(...values);
            for (const s of scaled) {
              assert.equal(
                s[c],
                hi > lo ? (raw.get(s.memory.id)![c] - lo) / (hi - lo) : 0.5,
                `${c} of #${s.memory.id}`,
              );
            }
          }
          for (const s of scaled) {
            assert.equal(
              s.score,
              minmax.recency * s.recency + minmax.importance * s.importance + minmax.relevance * s.relevance,
            );
          }
          for (let i = 1; i < scaled.length; i++) {
            const [a, b] = [scaled[i - 1], scaled[i]];
            assert.ok(
              a.score > b.score || (a.score === b.score && a.memory.id > b.memory.id),
              'best first, ties newer first',
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the engine's retrieval ranks and scores exactly as the full scoring, as memories come and go", () => {
    fc.assert(
      fc.property(
        fc.array(memArb, { maxLength: 60 }),
        fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 5, max: 40 }),
        (ms, q, k, cap) => {
          const stream: MemoryRecord[] = [];
          streamOf(ms).forEach((m, i) => {
            appendMemory(stream, m, cap);
            if (i % 7 !== 0) return;
            const engine = retrieveFor(stream, q, 20, minmax, k);
            const full = scoreMemories(stream, makeQuery(...q), 20, minmax).slice(0, k);
            assert.deepEqual(
              engine.map((s) => s.memory.id),
              full.map((s) => s.memory.id),
            );
            engine.forEach((s, j) => assert.equal(s.score, full[j].score));
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('changes the ranking where the fixed scales let one component dominate', () => {
    // Importances of 2 and 3 differ little on the fixed scale (0.2, 0.3) but span the whole range
    // once rescaled, against a recency spread that was already wide.
    const stream: MemoryRecord[] = [
      { id: 0, round: 20, kind: 'observation', text: 'storm', importance: 2 },
      { id: 1, round: 18, kind: 'observation', text: 'storm', importance: 3 },
      { id: 2, round: 10, kind: 'observation', text: 'storm', importance: 3 },
    ];
    const cfg: MemoryConfig = { ...fixed, importance: 1, relevance: 1 };
    assert.deepEqual(
      scoreMemories(stream, makeQuery('jazz'), 20, cfg).map((s) => s.memory.id),
      [0, 1, 2],
    );
    const scaled = scoreMemories(stream, makeQuery('jazz'), 20, { ...cfg, normalize: 'minmax' });
    // #1: 0.708 + 1 + 0.5; #0 and #2 tie at 1 + 0 + 0.5 and 0 + 1 + 0.5 (newer first).
    assert.deepEqual(
      scaled.map((s) => s.memory.id),
      [1, 2, 0],
    );
    const low = 0.9 ** 10;
    const [m1, m2, m0] = scaled;
    assert.deepEqual([m1.recency, m1.importance, m1.relevance], [(0.9 ** 2 - low) / (1 - low), 1, 0.5]);
    assert.deepEqual([m2.recency, m2.importance, m0.recency, m0.importance], [0, 1, 1, 0]);
    assert.equal(m2.score, m0.score);
  });

  it('rescales endpoint relevance the same way, and a lone memory scores 0.5 on every component', () => {
    const stream: MemoryRecord[] = [
      { id: 0, round: 5, kind: 'observation', text: 'a', importance: 4 },
      { id: 1, round: 5, kind: 'observation', text: 'b', importance: 4 },
    ];
    const [top, next] = retrieveByRelevance(stream, [0.2, 0.3], 5, minmax);
    assert.deepEqual([top.memory.id, top.recency, top.importance, top.relevance, next.relevance], [1, 0.5, 0.5, 1, 0]);
    const [only] = retrieveFor([stream[0]], ['a'], 5, minmax);
    assert.equal(only.score, 0.5 * (minmax.recency + minmax.importance + minmax.relevance));
  });

  it('is named in the preview formula only when it is on', () => {
    assert.match(
      previewFormula(minmax, 12),
      /^score = 1·recency \+ 2·importance \+ 1\.5·relevance, each rescaled to 0\.\.1 over the stream \(min–max, per query\)/,
    );
    assert.doesNotMatch(previewFormula(fixed, 12), /min–max/);
    assert.match(previewFormula(fixed, 12), /recency = 0\.9\^\(12 − round\)/);
  });
});
