// Issue 41, defect 14: a group named `__proto__` (or `constructor`, `toString`…) gave a wrong
// group_modularity (and the weighted one): graphology's modularity tallies communities in plain
// objects, where such a name is already a key. NetworkX gives the value below.
import assert from 'node:assert/strict';
import { graphFromTies, type Tie, type TieNode } from '../../../src/core/analysis/metrics/graphFromTies';
import { computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';

const tie = (from: string, to: string, strength = 1): Tie => ({ from, to, strength });

/** Two triangles (a b c, d e f) joined by c–d, each its own group. */
function twoTriangles(groups: [string, string]): ReturnType<typeof computeNetworkMetrics> {
  const nodes: TieNode[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({
    id,
    attrs: { group: groups[i < 3 ? 0 : 1] },
  }));
  const ties = [
    tie('a', 'b'),
    tie('b', 'c'),
    tie('c', 'a'),
    tie('d', 'e'),
    tie('e', 'f'),
    tie('f', 'd'),
    tie('c', 'd'),
  ];
  return computeNetworkMetrics(graphFromTies(nodes, ties, 0.5));
}

describe('groups named like built-in properties (issue 41: 14)', () => {
  // m = 7 edges; each group holds 3 of them and degree 7: Q = 2 (3/7 - (7/14)^2) = 5/14.
  const handComputed = 5 / 14;

  for (const names of [
    ['__proto__', 'x'],
    ['constructor', 'toString'],
    ['x', '__proto__'],
    ['hasOwnProperty', 'valueOf'],
  ] as [string, string][]) {
    it(`gives the hand-computed modularity with groups ${names.join(' and ')}`, () => {
      const m = twoTriangles(names);
      assert.ok(Math.abs((m.group_modularity as number) - handComputed) < 1e-12, String(m.group_modularity));
      // Every tie has strength 1: the weighted modularity is the same.
      assert.ok(
        Math.abs((m.group_modularity_weighted as number) - handComputed) < 1e-12,
        String(m.group_modularity_weighted),
      );
    });
  }
});
