import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SmallMap } from '../../../src/core/engine/flow/smallMap';

// SmallMap stands in for Map (a conversation's recalled memories per member): what iterates it
// depends on its order, so it must behave as Map does under any sequence of changes,
// below and above the size where it starts keeping an index.
type Op =
  { kind: 'set'; key: string; value: number } | { kind: 'delete'; key: string } | { kind: 'retain'; below: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      key: fc.integer({ min: 0, max: 30 }).map((i) => `a${i}`),
      value: fc.integer({ min: 0, max: 9 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      key: fc.integer({ min: 0, max: 30 }).map((i) => `a${i}`),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retain' as const), below: fc.integer({ min: 0, max: 9 }) }) },
);

describe('SmallMap', () => {
  it('iterates, looks up and deletes as Map does, whatever the changes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const small = new SmallMap<number>(),
          map = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'set') {
            small.set(o.key, o.value);
            map.set(o.key, o.value);
          } else if (o.kind === 'delete') {
            assert.equal(small.delete(o.key), map.delete(o.key));
          } else {
            small.retain((v) => v < o.below);
            for (const [k, v] of map) if (!(v < o.below)) map.delete(k);
          }
          assert.equal(small.size, map.size);
        }
        assert.deepEqual([...small], [...map]);
        assert.deepEqual([...small.keys()], [...map.keys()]);
        assert.deepEqual([...small.values()], [...map.values()]);
        const seen: [string, number][] = [];
        small.forEach((v, k) => seen.push([k, v]));
        assert.deepEqual(seen, [...map]);
        for (let i = 0; i <= 30; i++) {
          assert.equal(small.get(`a${i}`), map.get(`a${i}`));
          assert.equal(small.has(`a${i}`), map.has(`a${i}`));
        }
        assert.deepEqual([...SmallMap.from(map)], [...map]);
      }),
      { numRuns: 400, seed: 35 },
    );
  });

  it('lets retain change the values it keeps, in order, and reports what it drops', () => {
    const m = SmallMap.from<{ s: number }>([
      ['x', { s: 1 }],
      ['y', { s: 0.2 }],
      ['z', { s: 3 }],
    ]);
    const seen: string[] = [];
    m.retain((t, k) => {
      seen.push(k);
      t.s /= 2;
      return t.s >= 0.5;
    });
    assert.deepEqual(seen, ['x', 'y', 'z']);
    assert.deepEqual(
      [...m].map(([k, t]) => [k, t.s]),
      [
        ['x', 0.5],
        ['z', 1.5],
      ],
    );
  });

  it('keeps JSON and Object.fromEntries forms as a Map gives them', () => {
    const m = SmallMap.from([
      ['b', 2],
      ['a', 1],
    ]);
    assert.deepEqual(
      [...m],
      [
        ['b', 2],
        ['a', 1],
      ],
    );
    assert.deepEqual(Object.fromEntries(m), { b: 2, a: 1 });
  });
});
