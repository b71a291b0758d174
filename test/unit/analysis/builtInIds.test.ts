// Issue 33, defect 6: node ids named like built-in properties (`constructor`, `toString`,
// `__proto__`, …) broke `society metrics` (a false "edge already exists"; with `__proto__`, a
// crash): graphology keeps neighbours in plain objects. Fuzzed over every such name.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { graphFromFixture, parseGraphFixture } from '../../../src/core/analysis/metrics/graphFixture';
import { computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';
import { graphFromTies } from '../../../src/core/analysis/metrics/graphFromTies';
import { toGexf } from '../../../src/core/analysis/export/gexf';
import { nodeId, nodeKey } from '../../../src/core/analysis/metrics/nodeKeys';
import { seededRandom } from '../../../src/core/random/seededRandom';
import { scratchDir } from '../../support/scratch';

const BUILT_IN = [
  ...new Set([
    ...Object.getOwnPropertyNames(Object.prototype),
    '__proto__',
    'prototype',
    'length',
    'name',
    'then',
    '\u0000x',
  ]),
];
const repo = path.resolve(__dirname, '../../..');

describe('node ids named like built-in properties (issue 33: 6)', () => {
  it('are keys one to one: nodeId(nodeKey(id)) is id, and ordinary ids are their own keys', () => {
    for (const id of [...BUILT_IN, 'maya', 'a b', '']) assert.equal(nodeId(nodeKey(id)), id);
    assert.equal(nodeKey('maya'), 'maya');
    assert.equal(new Set(BUILT_IN.map(nodeKey)).size, BUILT_IN.length);
  });

  it('give the same metrics as the same graph with plain ids, over seeded random graphs', () => {
    const rng = seededRandom(33);
    for (let trial = 0; trial < 20; trial++) {
      const ids = [...BUILT_IN].sort(() => rng() - 0.5).slice(0, 8);
      const plain = ids.map((_, i) => `n${i}`);
      const edges: [number, number][] = [];
      for (let i = 0; i < ids.length; i++) {
        for (let j = 0; j < ids.length; j++) if (i !== j && rng() < 0.3) edges.push([i, j]);
      }
      const as = (names: string[]) =>
        graphFromFixture(
          parseGraphFixture({
            nodes: names.map((id, i) => ({ id, group: i % 2 ? 'x' : 'y' })),
            edges: edges.map(([s, t]) => ({ source: names[s], target: names[t] })),
          }),
        );
      assert.deepEqual(
        computeNetworkMetrics(as(ids)),
        computeNetworkMetrics(as(plain)),
        `trial ${trial}: ${ids.join(', ')}`,
      );
      const ties = edges.map(([s, t]) => ({ from: ids[s], to: ids[t], strength: 1 }));
      assert.equal(
        graphFromTies(
          ids.map((id) => ({ id })),
          ties,
          0.5,
        ).size,
        edges.length,
      );
    }
  });

  it('are written back as themselves in exports', () => {
    const graph = graphFromTies(
      [{ id: 'constructor' }, { id: '__proto__' }],
      [{ from: 'constructor', to: '__proto__', strength: 1 }],
      0.5,
    );
    const gexf = toGexf(graph);
    assert.match(gexf, /<node id="constructor"/);
    assert.match(gexf, /source="constructor" target="__proto__"/);
    assert.doesNotMatch(gexf, /\u0000/);
  });

  it('society metrics answers for them, exit 0', () => {
    const dir = scratchDir('society-ids-');
    const file = path.join(dir, 'g.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        nodes: BUILT_IN.filter((x) => !x.startsWith('\u0000')).map((id) => ({ id })),
        edges: [
          { source: 'constructor', target: 'toString' },
          { source: '__proto__', target: 'constructor' },
          { source: 'toString', target: '__proto__' },
        ],
      }),
    );
    const r = spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), 'metrics', file, '--json'], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).edges, 3);
  });
});
