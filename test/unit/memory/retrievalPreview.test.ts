import * as assert from 'node:assert/strict';
import { makeQuery, scoreMemory } from '../../../src/core/engine/memory/memory';
import { previewRetrieval, rankMemories } from '../../../src/core/memory/retrievalPreview';
import { TraceMemorySource } from '../../../src/core/memory/traceMemorySource';
import type { MemoryRecord } from '../../../src/core/trace/events';
import { recordRun, societyScenario, type RecordedRun } from './memoryFixture';

describe('retrieval preview', () => {
  let run: RecordedRun;
  before(async () => {
    run = await recordRun();
  });

  /** Every reply's retrieval, redone by the preview from the trace: same memories, same order, same bits. */
  function sameAsEngine(r: RecordedRun): void {
    const source = TraceMemorySource.of('trace', 'fixture', r.header, r.events);
    assert.ok(r.replies.length > 100);
    const rounds = new Set<number>();
    for (const req of r.replies) {
      const initiator = req.others[0];
      const situation = [...req.persona.interests, initiator.name, ...initiator.interests].join(' ');
      const preview = previewRetrieval(source, req.persona.id, situation, req.round, r.scenario.memory.top_k)!;
      assert.deepEqual(
        preview.rows.map((row) => row.memory.id),
        req.memories.map((m) => m.id),
        `${req.key}: the same memories in the same order`,
      );
      preview.rows.forEach((row, i) =>
        assert.equal(row.score, req.memories[i].score, `${req.key}: score of memory ${row.memory.id}`),
      );
      rounds.add(req.round);
    }
    assert.equal(rounds.size, r.header.rounds, 'every round was compared');
  }

  it('ranks exactly the memories the engine retrieved, with bit-identical scores, in every round', () =>
    sameAsEngine(run));

  it('does so with per-query min–max normalisation too (memory.normalize: minmax)', async () => {
    const scenario = societyScenario();
    const minmax = await recordRun({ ...scenario, memory: { ...scenario.memory, normalize: 'minmax' } });
    assert.equal(minmax.header.settings.memory.normalize, 'minmax', 'the setting is in the trace header');
    sameAsEngine(minmax);
    const differs = minmax.replies.some(
      (req, i) => req.memories.map((m) => m.id).join() !== run.replies[i]?.memories.map((m) => m.id).join(),
    );
    assert.ok(differs, 'normalising changes what some agents retrieve');
  });

  it('agrees with the partner choices too (interests and candidates; remembered people join the list after retrieval)', () => {
    const source = TraceMemorySource.of('trace', 'fixture', run.header, run.events);
    const first = run.choices.filter((r) => r.key.endsWith(':0'));
    assert.ok(first.length > 100);
    for (const req of first) {
      // Up to three people named in the retrieved memories are appended to the offered candidates.
      const matched = [0, 1, 2, 3].some((extra) => {
        const offered = req.candidates.slice(0, req.candidates.length - extra);
        const situation = [...req.persona.interests, ...offered.map((c) => c.name)].join(' ');
        const rows = previewRetrieval(source, req.persona.id, situation, req.round)!.rows;
        return (
          rows.length === req.memories.length &&
          rows.every((r, i) => r.memory.id === req.memories[i].id && r.score === req.memories[i].score)
        );
      });
      assert.ok(matched, `${req.key}: no candidate list reproduces the engine's retrieval`);
    }
  });

  it("uses the settings and memories of the round's setup (timed events fire before anyone retrieves)", () => {
    const source = TraceMemorySource.of('trace', 'fixture', run.header, run.events);
    const before = previewRetrieval(source, 'p0', 'storm classes climbing', 5)!;
    assert.equal(before.settings.relevance, 1);
    assert.ok(
      before.rows.some((r) => r.memory.text.startsWith('News for everyone: A storm')),
      'the round-4 broadcast is remembered by round 5',
    );
    const atBroadcast = previewRetrieval(source, 'p0', 'storm classes', 4)!;
    assert.equal(
      atBroadcast.rows[0].memory.text,
      'News for everyone: A storm cancels all classes today; the climbing gym is open.',
    );
    const changed = previewRetrieval(source, 'p0', 'storm', 6)!;
    assert.deepEqual(
      [changed.settings.relevance, changed.settings.decay],
      [2, 0.9],
      'the round-6 `set` applies to round 6',
    );
    assert.equal(source.stateAt()!.settings.memory.relevance, 2);
  });

  it('shows each component as the engine defines it and clamps the round to the run', () => {
    const cfg = { recency: 1, importance: 2, relevance: 3, top_k: 2, reflect_at: 100, decay: 0.5 };
    const stream: MemoryRecord[] = [
      { id: 0, round: 0, kind: 'seed', text: 'I want to plan a weekend climbing trip', importance: 8 },
      { id: 1, round: 3, kind: 'conversation', text: 'Talked with Leo about jazz', importance: 3 },
      { id: 2, round: 4, kind: 'advice', text: 'Ask people about their weekend plans', importance: 6 },
    ];
    const ranked = rankMemories(stream, 'weekend plans?', 4, cfg);
    assert.deepEqual(ranked.tokens, ['weekend', 'plans']);
    assert.equal(ranked.considered, 3);
    assert.deepEqual(
      ranked.rows.map((r) => [r.rank, r.memory.id]),
      [
        [1, 2],
        [2, 0],
      ],
    );
    const top = ranked.rows[0];
    assert.equal(top.recency, 1);
    assert.equal(top.importance, 0.6);
    assert.equal(top.relevance, 2 / Math.sqrt(2 * 4)); // {ask, people, weekend, plans} ∩ {weekend, plans}
    assert.equal(top.score, scoreMemory(stream[2], makeQuery('weekend plans?'), 4, cfg).score);
    assert.equal(ranked.rows[1].recency, 0.5 ** 4);

    const source = TraceMemorySource.of('trace', 'fixture', run.header, run.events);
    assert.equal(previewRetrieval(source, 'p0', 'x', 999)!.round, run.header.rounds + 1);
    assert.equal(previewRetrieval(source, 'p0', 'x', -3)!.round, 1);
    assert.equal(previewRetrieval(source, 'nobody', 'x', 3), undefined);
  });

  it('says so when the run ranked by embeddings, which the preview cannot redo offline', () => {
    const plain = TraceMemorySource.of('trace', 'fixture', run.header, run.events);
    assert.equal(previewRetrieval(plain, 'p0', 'storm', 3)!.note, undefined);
    const models = Object.fromEntries(
      Object.entries(run.header.models).map(([k, m]) => [k, { ...m, embeddings: { model: 'text-embedding-3-small' } }]),
    );
    const embedded = TraceMemorySource.of('trace', 'fixture', { ...run.header, models }, run.events);
    assert.match(
      previewRetrieval(embedded, 'p0', 'storm', 3)!.note ?? '',
      /embedding similarity \(text-embedding-3-small\).*lexical relevance/,
    );
  });
});
