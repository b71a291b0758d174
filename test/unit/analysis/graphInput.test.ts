// Building tie networks from simulation ties and from the fixture JSON format.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isTraceFile } from '../../../src/core/analysis/metrics/tieNetworkFile';
import { graphFromFixture, parseGraphFixture } from '../../../src/core/analysis/metrics/graphFixture';
import { graphFromTies } from '../../../src/core/analysis/metrics/graphFromTies';

describe('graphFromTies', () => {
  const nodes = [
    { id: 'maya', attrs: { group: 'new', name: 'Maya' } },
    { id: 'li', attrs: { group: 'old' } },
    { id: 'sam' },
  ];

  it('keeps ties at or above the threshold, with their strength as weight', () => {
    const g = graphFromTies(
      nodes,
      [
        { from: 'maya', to: 'li', strength: 0.6 },
        { from: 'li', to: 'maya', strength: 0.59 },
        { from: 'sam', to: 'li', strength: 0.9 },
      ],
      0.6,
    );
    assert.deepEqual(
      g.mapEdges((_e, a, s, t) => [s, t, a.weight]),
      [
        ['maya', 'li', 0.6],
        ['sam', 'li', 0.9],
      ],
    );
    assert.equal(g.type, 'directed');
    assert.deepEqual(g.getNodeAttributes('maya'), { group: 'new', name: 'Maya' });
  });

  it('skips ties to oneself and rejects unknown or repeated ties', () => {
    assert.equal(graphFromTies(nodes, [{ from: 'sam', to: 'sam', strength: 1 }], 0.5).size, 0);
    assert.throws(() => graphFromTies(nodes, [{ from: 'maya', to: 'zoe', strength: 1 }], 0.5), /unknown node 'zoe'/);
    assert.throws(
      () =>
        graphFromTies(
          nodes,
          [
            { from: 'maya', to: 'li', strength: 1 },
            { from: 'maya', to: 'li', strength: 0.7 },
          ],
          0.5,
        ),
      /duplicate tie/,
    );
    assert.throws(() => graphFromTies([{ id: 'a' }, { id: 'a' }], [], 0.5), /duplicate node/);
  });
});

describe('graph fixture format', () => {
  it('reads nodes with attributes and weighted edges', () => {
    const f = parseGraphFixture({
      nodes: [{ id: 'a', group: 'g1' }, { id: 2 }],
      edges: [
        { source: 'a', target: 2, weight: 0.5 },
        { source: 2, target: 'a' },
      ],
    });
    const g = graphFromFixture(f);
    assert.deepEqual(g.nodes(), ['a', '2']);
    assert.equal(g.getNodeAttribute('a', 'group'), 'g1');
    assert.equal(g.getEdgeAttribute(g.directedEdge('a', '2')!, 'weight'), 0.5);
    assert.equal(g.getEdgeAttribute(g.directedEdge('2', 'a')!, 'weight'), 1);
    assert.equal(f.expected, undefined);
  });

  it('names the source and the problem in errors', () => {
    assert.throws(() => parseGraphFixture([], 'g.json'), /^Error: g\.json: expected a JSON object/);
    assert.throws(() => parseGraphFixture({ nodes: [{}], edges: [] }, 'g.json'), /nodes\[0\]/);
    assert.throws(() => parseGraphFixture({ nodes: [], edges: [{ source: 'a' }] }, 'g.json'), /edges\[0\]/);
    assert.throws(
      () => parseGraphFixture({ nodes: [], edges: [], expected: { density: 'high' } }, 'g.json'),
      /expected\.density/,
    );
    const f = parseGraphFixture({ nodes: [{ id: 'a' }], edges: [{ source: 'a', target: 'b' }] });
    assert.throws(() => graphFromFixture(f, 'g.json'), /g\.json: edge a -> b names an unknown node/);
    const loop = parseGraphFixture({ nodes: [{ id: 'a' }], edges: [{ source: 'a', target: 'a' }] });
    assert.throws(() => graphFromFixture(loop), /self-loop/);
  });
});

describe('isTraceFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-istrace-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string | Buffer): string => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };

  it('knows a trace by its header line, whatever the file is called', () => {
    assert.equal(
      isTraceFile(file('run.log', '{"type":"header","format":"society-trace"}\n{"type":"round_start","round":1}\n')),
      true,
    );
    assert.equal(isTraceFile(file('any.jsonl', 'not even json')), true, '.jsonl is taken at its word');
  });

  it('reads graph JSON as graph JSON, also a large one on a single line', () => {
    assert.equal(isTraceFile(file('g.json', '{"nodes":[],"edges":[]}')), false);
    const big = JSON.stringify({ nodes: Array.from({ length: 50_000 }, (_, i) => ({ id: `n${i}` })), edges: [] });
    assert.ok(big.length > 64 << 10 && !big.includes('\n'));
    assert.equal(isTraceFile(file('big.json', big)), false);
    // A header longer than one read piece is still found.
    const longHeader = JSON.stringify({ type: 'header', pad: 'x'.repeat(200_000) });
    assert.equal(isTraceFile(file('long.trace', `${longHeader}\n{}\n`)), true);
  });

  it('says no, without throwing, for a file it cannot read', () => {
    assert.equal(isTraceFile(path.join(dir, 'missing.json')), false);
  });
});
