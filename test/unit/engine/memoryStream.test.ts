import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { appendMemory, makeQuery, retrieveFor, scoreMemories } from '../../../src/core/engine/memory/memory';
import { MemoryStream } from '../../../src/core/engine/memory/memoryStream';
import { DRIVERS } from '../../../src/core/format/model/model';
import { ADVICE_ACTIONS, MEMORY_KINDS, type MemoryCues, type MemoryRecord } from '../../../src/core/trace/events';

const WORDS = ['climbing', 'jazz', 'maya', 'coach', 'plan', 'chess', 'garden', 'storm'];
/** Doubles the columns must keep to the bit, besides any fc.double gives. */
const ODD = [-0, 0.1, 1 / 3, 5e-324, Number.MAX_VALUE, -1e-300, 2 ** 31, -(2 ** 31) - 0.5, 6.000000000000001, NaN];
const doubleArb = fc.oneof(fc.constantFrom(...ODD), fc.double());

/** Cues as the engine writes them: any subset of the five keys in any order, each of its type. */
const cuesArb: fc.Arbitrary<MemoryCues> = fc
  .shuffledSubarray(['partner', 'action', 'driver', 'topic', 'valence'] as const)
  .chain((keys) =>
    fc
      .tuple(
        fc.constantFrom('a1', 'maya', 'Eli 271'),
        fc.constantFrom(...ADVICE_ACTIONS),
        fc.constantFrom(...DRIVERS),
        fc.constantFrom('jazz', 'topic38', ''),
        doubleArb,
      )
      .map(([partner, action, driver, topic, valence]) => {
        const values: Record<string, unknown> = { partner, action, driver, topic, valence };
        const c: Record<string, unknown> = {};
        for (const k of keys) c[k] = values[k];
        return c as MemoryCues;
      }),
  );

const recordArb = (id: number): fc.Arbitrary<MemoryRecord> =>
  fc
    .record({
      round: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      kind: fc.constantFrom(...MEMORY_KINDS),
      words: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
      importance: fc.oneof(fc.integer({ min: 1, max: 10 }), doubleArb),
      cues: fc.option(cuesArb, { nil: undefined }),
    })
    .map(({ round, kind, words, importance, cues }) => {
      const text = words.join(' ');
      return cues ? { id, round, kind, text, importance, cues } : { id, round, kind, text, importance };
    });

const streamArb = fc
  .array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 40 })
  .chain((ids) => fc.tuple(...ids.map((id) => recordArb(id))));

/** Deep equality with SameValue numbers (−0 ≠ 0, NaN = NaN) and the same key order at every level. */
function sameRecords(got: readonly MemoryRecord[], want: readonly MemoryRecord[]): void {
  // Copies: a record array carries its retrieval index under a symbol key (memoryIndex.ts).
  assert.deepStrictEqual([...got], [...want]);
  const order = (x: unknown): unknown =>
    x && typeof x === 'object' ? Object.entries(x).map(([k, v]) => [k, order(v)]) : Object.is(x, -0) ? '-0' : x;
  assert.deepEqual(order(got), order(want));
  assert.equal(JSON.stringify(got), JSON.stringify(want));
}

/** The same memories, in the same order, with the same scores to the bit. */
function sameRanking(
  got: readonly { memory: MemoryRecord; score: number }[],
  want: readonly { memory: MemoryRecord; score: number }[],
): void {
  sameRecords(
    got.map((x) => x.memory),
    want.map((x) => x.memory),
  );
  assert.deepStrictEqual(
    got.map((x) => x.score),
    want.map((x) => x.score),
  );
}

describe('memory stream columns', () => {
  it('gives back every record with the same keys in the same order and every float to the bit', () => {
    fc.assert(
      fc.property(streamArb, (records) => {
        const s = MemoryStream.of(records);
        assert.equal(s.length, records.length);
        sameRecords(s.records(), records);
        records.forEach((m, i) => sameRecords([s.at(i)], [m]));
        assert.equal(JSON.stringify(s), JSON.stringify(records));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps as given a record or cues object the columns cannot say', () => {
    const odd: MemoryRecord[] = [
      { round: 1, id: 0, kind: 'seed', text: 'key order', importance: 5 },
      { id: 1.5, round: 1, kind: 'seed', text: 'a fractional id', importance: 5 },
      { id: 2, round: 1, kind: 'dream' as MemoryRecord['kind'], text: 'an unknown kind', importance: 5 },
      { id: 3, round: 1, kind: 'seed', text: 'an extra key', importance: 5, extra: 1 } as MemoryRecord,
      { id: 4, round: 1, kind: 'seed', text: 'cues of no object', importance: 5, cues: null as unknown as MemoryCues },
      { id: 5, round: 1, kind: 'advice', text: 'an unknown cue', importance: 5, cues: { mood: 'x' } as MemoryCues },
      { id: 6, round: 1, kind: 'advice', text: 'a numeric partner', importance: 5, cues: { partner: 7 as never } },
      { id: 7, round: 1, kind: 'advice', text: 'an unknown action', importance: 5, cues: { action: 'dance' as never } },
      { id: 8, round: 1, kind: 'advice', text: 'a string valence', importance: 5, cues: { valence: '1' as never } },
      { id: 9, round: 1, kind: 'advice', text: 'empty cues', importance: 5, cues: {} },
      { id: 10, round: 1, kind: 'seed', text: 'a fractional importance', importance: 4.5 },
      { id: 11, round: 1, kind: 'seed', text: 'a negative zero importance', importance: -0 },
    ];
    const s = MemoryStream.of(odd);
    sameRecords(s.records(), odd);
    // A cue key present with no value is what JSON and every read see: absent.
    const absent = MemoryStream.of([
      { id: 0, round: 0, kind: 'seed', text: 't', importance: 1, cues: { topic: undefined } },
    ]);
    assert.equal(
      JSON.stringify(absent.records()),
      '[{"id":0,"round":0,"kind":"seed","text":"t","importance":1,"cues":{}}]',
    );
  });

  it('forgets beyond the cap as appendMemory does, and retrieves what the record array retrieves', () => {
    const cfg = { recency: 1, importance: 1, relevance: 1, top_k: 5, reflect_at: 150, decay: 0.9 };
    fc.assert(
      fc.property(streamArb, fc.integer({ min: 1, max: 12 }), fc.boolean(), (records, cap, minmax) => {
        const memory = minmax ? { ...cfg, normalize: 'minmax' as const } : cfg;
        const s = new MemoryStream(),
          array: MemoryRecord[] = [];
        records.forEach((m, i) => {
          const r = { ...m, id: i };
          s.append(r, cap);
          appendMemory(array, r, cap);
          sameRecords(s.records(), array);
          const situation = ['climbing jazz', 'plan'];
          sameRanking(retrieveFor(s, situation, 40, memory), retrieveFor(array, situation, 40, memory));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('ranks records of any importance as the retrieval preview does (a hand-made trace says 7.5)', () => {
    // The packed entry holds importance as an Int32: a stream with one it cannot say must not rank by 7.
    const cfg = { recency: 1, importance: 1, relevance: 1, top_k: 5, reflect_at: 150, decay: 0.9 };
    const finite = fc.oneof(fc.integer({ min: 1, max: 10 }), fc.double({ min: -20, max: 20, noNaN: true }));
    const recordsArb = fc.array(
      fc.record({
        round: fc.integer({ min: 0, max: 30 }),
        importance: finite,
        words: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(recordsArb, fc.integer({ min: 1, max: 8 }), fc.boolean(), (ms, k, minmax) => {
        const memory = minmax ? { ...cfg, normalize: 'minmax' as const } : cfg;
        const records: MemoryRecord[] = ms.map((m, id) => ({
          id,
          round: m.round,
          kind: 'observation',
          text: m.words.join(' '),
          importance: m.importance,
        }));
        const situation = ['climbing jazz', 'plan'];
        const preview = scoreMemories(records, makeQuery(...situation), 40, memory).slice(0, k);
        for (const stream of [MemoryStream.of(records), [...records]]) {
          sameRanking(retrieveFor(stream, situation, 40, memory, k), preview);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('removes a memory by id, as a forget edit does', () => {
    const records: MemoryRecord[] = [0, 1, 2, 3].map((id) => ({
      id,
      round: id,
      kind: 'observation',
      text: `note ${id} garden`,
      importance: id + 1,
      cues: { topic: 'garden', valence: id / 3 },
    }));
    const s = MemoryStream.of(records);
    assert.equal(s.indexOfId(9), -1);
    s.removeAt(s.indexOfId(2));
    sameRecords(
      s.records(),
      records.filter((m) => m.id !== 2),
    );
    assert.deepEqual(
      retrieveFor(s, ['garden'], 4, {
        recency: 1,
        importance: 1,
        relevance: 1,
        top_k: 5,
        reflect_at: 1,
        decay: 0.9,
      }).map((x) => x.memory.id),
      [3, 1, 0],
    );
  });
});
