import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AgentIndex, PairNumbers } from '../../../src/core/engine/society/pairTable';
import { TieTable, type TieTriple } from '../../../src/core/engine/society/ties';

// Ties, meetings and ratings live in pair tables whose iteration order the trace depends on
// (proposals, introductions, coaching, tie decay): it must be that of the nested Maps they replaced,
// emptied inner maps deleted, under any sequence of sets, deletes, decays and departures.

/** The tie table as it was: a Map of holders, each a Map of its ties. */
class ReferenceTies {
  readonly out = new Map<string, Map<string, { strength: number; round: number }>>();

  set(from: string, to: string, strength: number, round: number): number {
    let m = this.out.get(from);
    if (!m) this.out.set(from, (m = new Map()));
    const prev = m.get(to);
    m.set(to, { strength, round });
    return prev?.strength ?? 0;
  }

  decay(round: number, rate: number, threshold: number, floor: number): [string, string][] {
    const dissolved: [string, string][] = [];
    for (const [from, m] of this.out) {
      for (const [to, t] of m) {
        if (t.round >= round) continue;
        const before = t.strength;
        t.strength = before * (1 - rate);
        if (before >= threshold && t.strength < threshold) dissolved.push([from, to]);
        if (!(t.strength >= floor)) m.delete(to);
      }
      if (m.size === 0) this.out.delete(from);
    }
    return dissolved;
  }

  removeAgent(id: string): void {
    this.out.delete(id);
    for (const [from, m] of this.out) {
      m.delete(id);
      if (m.size === 0) this.out.delete(from);
    }
  }

  entries(): TieTriple[] {
    const r: TieTriple[] = [];
    for (const [from, m] of this.out) for (const [to, t] of m) r.push([from, to, t.strength, t.round]);
    return r;
  }
}

const AGENTS = 12;
const agent = fc.integer({ min: 0, max: AGENTS - 1 }).map((i) => `p${i}`);

type TieOp =
  | { kind: 'set'; from: string; to: string; strength: number; round: number }
  | { kind: 'decay'; round: number; rate: number }
  | { kind: 'remove'; id: string };

const tieOp: fc.Arbitrary<TieOp> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      from: agent,
      to: agent,
      strength: fc.integer({ min: 0, max: 100 }).map((s) => s / 100),
      round: fc.integer({ min: 0, max: 6 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('decay' as const),
      round: fc.integer({ min: 0, max: 7 }),
      rate: fc.constantFrom(0.1, 0.5, 0.9),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: agent }) },
);

describe('pair tables', () => {
  it('ties iterate, look up, decay and forget departures as the nested Maps did', () => {
    fc.assert(
      fc.property(fc.array(tieOp, { maxLength: 250 }), (ops) => {
        const ties = new TieTable(),
          ref = new ReferenceTies();
        for (const o of ops) {
          if (o.kind === 'set') {
            assert.equal(ties.set(o.from, o.to, o.strength, o.round), ref.set(o.from, o.to, o.strength, o.round));
          } else if (o.kind === 'decay') {
            assert.deepEqual(ties.decay(o.round, o.rate, 0.3, 0.05), ref.decay(o.round, o.rate, 0.3, 0.05));
          } else {
            ties.removeAgent(o.id);
            ref.removeAgent(o.id);
          }
        }
        const expected = ref.entries();
        assert.deepEqual([...ties.entries()], expected);
        assert.equal(ties.size(), expected.length);
        const seen: TieTriple[] = [];
        ties.forEach((f, t, s, r) => seen.push([f, t, s, r]));
        assert.deepEqual(seen, expected);
        for (let i = 0; i < AGENTS; i++) {
          const from = `p${i}`;
          assert.deepEqual([...ties.outgoing(from)], [...(ref.out.get(from) ?? new Map())]);
          for (let j = 0; j < AGENTS; j++) {
            assert.equal(ties.get(from, `p${j}`), ref.out.get(from)?.get(`p${j}`)?.strength ?? 0);
          }
        }
        assert.deepEqual(TieTable.fromJSON(ties.toJSON()).toJSON(), expected);
      }),
      { numRuns: 300, seed: 60 },
    );
  });

  it('numbers per pair keep each holder’s insertion order through sets, deletes and re-adds', () => {
    type Op = { kind: 'set' | 'delete' | 'forget' | 'remove'; a: string; b: string; v: number };
    const op: fc.Arbitrary<Op> = fc.record({
      kind: fc.constantFrom('set', 'set', 'set', 'delete', 'forget', 'remove'),
      a: agent,
      b: agent,
      v: fc.integer({ min: -5, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 250 }), (ops) => {
        const table = new PairNumbers('int'),
          ref = new Map<string, Map<string, number>>();
        for (const o of ops) {
          if (o.kind === 'set') {
            table.set(o.a, o.b, o.v);
            if (!ref.has(o.a)) ref.set(o.a, new Map());
            ref.get(o.a)!.set(o.b, o.v);
          } else if (o.kind === 'delete') {
            assert.equal(table.delete(o.a, o.b), ref.get(o.a)?.delete(o.b) ?? false);
          } else if (o.kind === 'forget') {
            table.forget(o.a);
            ref.delete(o.a);
          } else {
            table.removeAgentId(o.a);
            ref.delete(o.a);
            for (const m of ref.values()) m.delete(o.a);
          }
        }
        for (let i = 0; i < AGENTS; i++) {
          const h = `p${i}`,
            m = ref.get(h) ?? new Map<string, number>();
          assert.deepEqual(table.entriesOf(h), [...m]);
          assert.equal(table.sizeOf(h), m.size);
          for (let j = 0; j < AGENTS; j++) {
            assert.equal(table.get(h, `p${j}`), m.get(`p${j}`));
            assert.equal(table.has(h, `p${j}`), m.has(`p${j}`));
          }
        }
      }),
      { numRuns: 300, seed: 61 },
    );
  });

  it('grows past many doublings, reuses freed entries and keeps lookups right', () => {
    const agents = new AgentIndex();
    const ratings = new PairNumbers('float', agents),
      ref = new Map<string, number>();
    const n = 300;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < 40; j++) {
        const k = (i * 7 + j * 13) % n;
        ratings.set(`a${i}`, `a${k}`, i + j / 64);
        ref.set(`a${i}>a${k}`, i + j / 64);
      }
    }
    assert.equal(ratings.size, ref.size);
    // Every third agent leaves: its pairs and the pairs others hold to it go; the rest remain.
    for (let i = 0; i < n; i += 3) {
      ratings.removeAgentId(`a${i}`);
      for (const key of [...ref.keys()]) {
        const [h, o] = key.split('>');
        if (h === `a${i}` || o === `a${i}`) ref.delete(key);
      }
    }
    assert.equal(ratings.size, ref.size);
    for (const [key, v] of ref) {
      const [h, o] = key.split('>');
      assert.equal(ratings.get(h, o), v);
    }
    assert.equal(ratings.get('a0', 'a13'), undefined);
    // Freed entries are reused: re-adding as many pairs as were removed needs no more capacity.
    const removed = n * 40 - ratings.size,
      capacity = ratings.capacity;
    for (let i = 0; i < removed; i++) ratings.set(`b${i % 50}`, `c${i}`, i);
    assert.equal(ratings.size, n * 40);
    assert.equal(ratings.capacity, capacity);
    assert.equal(ratings.get('b7', 'c57'), 57);
    assert.equal(agents.size, n + 50 + removed);
  });
});
