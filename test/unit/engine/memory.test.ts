import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  appendMemory,
  makeQuery,
  MEMORY_CAP,
  retrieve,
  scoreMemories,
  scoreMemory,
  shouldReflect,
  tokenize,
} from '../../../src/core/engine/memory/memory';
import type { MemoryRecord } from '../../../src/core/trace/events';

const cfg = { recency: 1, importance: 1, relevance: 1, top_k: 8, reflect_at: 150, decay: 0.9 };
const WORDS = ['climbing', 'jazz', 'maya', 'coach', 'plan', 'chess', 'garden', 'storm'];
const memArb = fc.record({
  round: fc.integer({ min: 0, max: 20 }),
  importance: fc.integer({ min: 1, max: 10 }),
  words: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
});

describe('memory stream', () => {
  it('scores recency, importance and relevance with the documented formula', () => {
    const m: MemoryRecord = {
      id: 0,
      round: 3,
      kind: 'conversation',
      text: 'Talked with Maya about climbing',
      importance: 6,
    };
    const s = scoreMemory(m, makeQuery('climbing', 'jazz'), 5, cfg);
    assert.equal(s.recency, 0.9 ** 2);
    assert.equal(s.importance, 0.6);
    // tokens: talked, maya, climbing (3); query: climbing, jazz (2); overlap 1
    assert.equal(s.relevance, 1 / Math.sqrt(2 * 3));
    assert.equal(s.score, s.recency + s.importance + s.relevance);
  });

  it('retrieve returns exactly the top k of the full ranking (what the retrieval preview shows)', () => {
    fc.assert(
      fc.property(
        fc.array(memArb, { maxLength: 40 }),
        fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
        fc.integer({ min: 1, max: 10 }),
        (ms, q, k) => {
          const stream: MemoryRecord[] = ms.map((m, id) => ({
            id,
            round: m.round,
            kind: 'observation',
            text: m.words.join(' '),
            importance: m.importance,
          }));
          const query = makeQuery(...q);
          const top = retrieve(stream, query, 20, cfg, k).map((s) => s.memory.id);
          assert.deepEqual(
            top,
            scoreMemories(stream, query, 20, cfg)
              .slice(0, k)
              .map((s) => s.memory.id),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('retrieval stays exact while memories are appended and forgotten between queries', () => {
    fc.assert(
      fc.property(
        fc.array(memArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
        (ms, q) => {
          const stream: MemoryRecord[] = [];
          const query = makeQuery(...q);
          ms.forEach((m, id) => {
            appendMemory(
              stream,
              {
                id,
                round: m.round,
                kind: id % 7 === 0 ? 'reflection' : 'observation',
                text: m.words.join(' '),
                importance: m.importance,
              },
              12,
            );
            const top = retrieve(stream, query, 20, cfg, 5).map((s) => [s.memory.id, s.score]);
            assert.deepEqual(
              top,
              scoreMemories(stream, query, 20, cfg)
                .slice(0, 5)
                .map((s) => [s.memory.id, s.score]),
            );
          });
          // A stream changed behind appendMemory's back is re-indexed, not misread.
          stream.splice(0, 2);
          assert.deepEqual(
            retrieve(stream, query, 20, cfg, 5).map((s) => s.memory.id),
            scoreMemories(stream, query, 20, cfg)
              .slice(0, 5)
              .map((s) => s.memory.id),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('forgets the oldest ordinary memory beyond the cap, keeping seeds and reflections', () => {
    const stream: MemoryRecord[] = [];
    appendMemory(stream, { id: 0, round: 0, kind: 'seed', text: 'seed', importance: 5 });
    appendMemory(stream, { id: 1, round: 0, kind: 'reflection', text: 'insight', importance: 8 });
    for (let i = 2; i < MEMORY_CAP + 10; i++) {
      appendMemory(stream, { id: i, round: 1, kind: 'conversation', text: `c${i}`, importance: 3 });
    }
    assert.equal(stream.length, MEMORY_CAP);
    assert.deepEqual(
      stream.slice(0, 3).map((m) => m.id),
      [0, 1, 12],
    );
  });

  it('matches forms of one word: "weekend plans" finds "we made a plan for the weekend"', () => {
    const m: MemoryRecord = {
      id: 0,
      round: 1,
      kind: 'evaluation',
      text: 'We made a plan for the weekend; climbing again.',
      importance: 5,
    };
    // memory: made, plan, weekend, climbing, again (5); query: weekend, plans, climb (3); overlap 3
    assert.equal(scoreMemory(m, makeQuery('weekend plans', 'climb'), 1, cfg).relevance, 3 / Math.sqrt(3 * 5));
    assert.equal(scoreMemory(m, makeQuery('planets'), 1, cfg).relevance, 0, 'a different word stays different');
    assert.deepEqual(tokenize('Plans, planning and a plan'), ['plans'], 'one word per stem, as first written');
    assert.deepEqual([...makeQuery('plan', 'plans')], ['plan', 'plans'], 'the query keeps what was typed');
    assert.equal(
      scoreMemory(m, makeQuery('plan', 'plans'), 1, cfg).relevance,
      1 / Math.sqrt(1 * 5),
      'and counts one stem once',
    );
  });

  it('tokenizes content words and triggers reflection at the threshold', () => {
    assert.deepEqual(tokenize('I talked with Maya about the Jazz, jazz and café!'), ['talked', 'maya', 'jazz', 'café']);
    assert.equal(shouldReflect(149, cfg), false);
    assert.equal(shouldReflect(150, cfg), true);
  });
});
