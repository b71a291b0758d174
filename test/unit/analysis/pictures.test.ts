// The report's static pictures: deterministic layout, well-formed and escaped SVG.
import assert from 'node:assert/strict';
import path from 'node:path';
import { graphFromFixture, readGraphFixture } from '../../../src/core/analysis/graphFixture';
import { graphFromTies } from '../../../src/core/analysis/graphFromTies';
import { lineChartSvg, niceTicks } from '../../../src/core/analysis/lineChartSvg';
import { layoutNetwork } from '../../../src/core/analysis/networkLayout';
import { networkSvg } from '../../../src/core/analysis/networkSvg';
import { graphFixturesDir } from './sharedFixtures';
import { parseStrictXml } from './xml';

const fixtureGraph = () => graphFromFixture(readGraphFixture(path.join(graphFixturesDir(), 'graph-102.json')));

describe('layoutNetwork', () => {
  it('is deterministic for a seed and changes with it', () => {
    const a = layoutNetwork(fixtureGraph(), { seed: 1 });
    assert.deepEqual(a, layoutNetwork(fixtureGraph(), { seed: 1 }));
    assert.notDeepEqual(a, layoutNetwork(fixtureGraph(), { seed: 2 }));
  });

  it('places every node inside the box and keeps them apart', () => {
    const graph = fixtureGraph();
    const positions = layoutNetwork(graph, { width: 500, height: 300, margin: 20 });
    assert.equal(positions.size, graph.order);
    const points = [...positions.values()];
    for (const p of points) {
      assert.ok(p.x >= 20 - 1e-9 && p.x <= 480 + 1e-9 && p.y >= 20 - 1e-9 && p.y <= 280 + 1e-9, JSON.stringify(p));
    }
    const distinct = new Set(points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    assert.ok(distinct.size > graph.order * 0.9, 'nodes collapse onto each other');
  });

  it('draws tied agents closer than untied ones on average', () => {
    const graph = fixtureGraph();
    const positions = layoutNetwork(graph);
    const dist = (a: string, b: string) => Math.hypot(positions.get(a)!.x - positions.get(b)!.x, positions.get(a)!.y - positions.get(b)!.y);
    const tied = graph.mapEdges((_e, _a, s, t) => dist(s, t));
    const nodes = graph.nodes();
    const all: number[] = [];
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) all.push(dist(nodes[i], nodes[j]));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(mean(tied) < 0.6 * mean(all), `${mean(tied)} vs ${mean(all)}`);
  });

  it('handles empty and single-node graphs', () => {
    assert.equal(layoutNetwork(graphFromTies([], [], 0.5)).size, 0);
    const one = layoutNetwork(graphFromTies([{ id: 'a' }], [], 0.5), { width: 100, height: 100 });
    assert.deepEqual(one.get('a'), { x: 50, y: 50 });
  });
});

describe('networkSvg', () => {
  const graph = graphFromTies([
    { id: 'x', attrs: { name: '<script>alert(1)</script>', group: '<b>g</b>' } },
    { id: 'y', attrs: { name: 'Yara', group: 'h' } },
    { id: 'z', attrs: {} },
  ], [{ from: 'x', to: 'y', strength: 0.9 }, { from: 'y', to: 'x', strength: 0.7 }, { from: 'z', to: 'x', strength: 0.8 }], 0.5);

  it('is well-formed SVG with one circle per agent and one line per tied pair', () => {
    const doc = parseStrictXml(networkSvg(graph), 'image/svg+xml');
    assert.equal(doc.getElementsByTagName('g').length >= 3, true);
    const agents = Array.from(doc.getElementsByTagName('g')).find((g) => g.getAttribute('class') === 'agents')!;
    assert.equal(agents.getElementsByTagName('circle').length, 3);
    const lines = doc.getElementsByTagName('line');
    assert.equal(lines.length, 2);
    assert.equal(Array.from(lines).filter((l) => l.getAttribute('marker-start')).length, 1, 'the mutual pair has two heads');
  });

  it('keeps persona strings inert', () => {
    const svg = networkSvg(graph);
    assert.ok(!svg.includes('<script>'));
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    const doc = parseStrictXml(svg, 'image/svg+xml');
    assert.equal(doc.getElementsByTagName('script').length, 0);
    assert.equal(doc.getElementsByTagName('b').length, 0);
    const labels = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
    assert.ok(labels.includes('<script>alert(1)</script>'));
    assert.ok(labels.includes('z'), 'falls back to the id without a name');
  });

  it('colours a numeric attribute on a sequential scale from its lowest to its highest value', () => {
    // QA follow-up: coloured by age, every distinct age took its own colour from the categorical palette.
    const aged = graphFromTies([
      { id: 'a', attrs: { name: 'A', age: 20 } }, { id: 'b', attrs: { name: 'B', age: 40 } },
      { id: 'c', attrs: { name: 'C', age: 60 } }, { id: 'd', attrs: { name: 'D' } },
    ], [{ from: 'a', to: 'b', strength: 1 }], 0.5);
    const doc = parseStrictXml(networkSvg(aged, { colorBy: 'age' }), 'image/svg+xml');
    const fill = (name: string) => Array.from(doc.getElementsByTagName('circle')).find((c) => c.textContent!.startsWith(`${name} `))!.getAttribute('fill');
    assert.deepEqual(['A', 'B', 'C', 'D'].map(fill), ['#440154', '#21918c', '#fde725', '#bab0ac'], 'lowest, middle, highest, no value');
    const legend = Array.from(doc.getElementsByTagName('g')).find((g) => g.getAttribute('class') === 'legend')!;
    assert.deepEqual(Array.from(legend.getElementsByTagName('text')).map((t) => t.textContent), ['age', '20', '60', '(no value)']);
    // Text values stay categories.
    const grouped = graphFromTies([{ id: 'a', attrs: { group: 'x' } }, { id: 'b', attrs: { group: 'y' } }], [], 0.5);
    const legendOf = parseStrictXml(networkSvg(grouped), 'image/svg+xml');
    assert.deepEqual(Array.from(legendOf.getElementsByTagName('text')).map((t) => t.textContent).slice(-2), ['x', 'y']);
  });

  it('draws a crowd as small unlabelled dots, each still with its tooltip', () => {
    const agentsOf = (doc: ReturnType<typeof parseStrictXml>) => Array.from(Array.from(doc.getElementsByTagName('g')).find((g) => g.getAttribute('class') === 'agents')!.getElementsByTagName('circle'));
    const small = parseStrictXml(networkSvg(graph), 'image/svg+xml');
    // An agent with no ties is 5 across the board up to a few hundred agents.
    assert.equal(agentsOf(small).find((c) => c.textContent!.startsWith('z '))!.getAttribute('r'), '5');
    const n = 3000;
    const crowd = graphFromTies(Array.from({ length: n }, (_, i) => ({ id: `a${i}`, attrs: { name: `A${i}` } })), [{ from: 'a0', to: 'a1', strength: 1 }], 0.5);
    const doc = parseStrictXml(networkSvg(crowd, { ticks: 1 }), 'image/svg+xml');
    assert.equal(doc.getElementsByTagName('text').length, 0, 'no names');
    const circles = agentsOf(doc);
    assert.equal(circles.length, n);
    const r = Number(circles[5].getAttribute('r'));
    assert.ok(r < 5 && r >= 1.2, `radius ${r}`);
    assert.ok(Number(circles[1].getAttribute('r')) > r, 'ties received still make a dot larger');
    assert.equal(circles[5].getElementsByTagName('title')[0].textContent, 'A5 (a5); in 0, out 0');
  });
});

describe('lineChartSvg', () => {
  it('draws one polyline per series run and breaks at gaps', () => {
    const svg = lineChartSvg([
      { label: 'SOC', color: '#111', points: [[1, 0.2], [2, 0.4], [3, 0.5]] },
      { label: '<i>INF</i>', color: '#222', points: [[1, 0.1], [2, null], [3, 0.3], [4, 0.35]] },
    ], { title: 'Rewards', xLabel: 'round', yLabel: 'reward', yDomain: [0, 1] });
    const doc = parseStrictXml(svg, 'image/svg+xml');
    assert.equal(doc.getElementsByTagName('polyline').length, 2);
    assert.equal(doc.getElementsByTagName('circle').length, 1, 'an isolated point is a dot');
    assert.equal(doc.getElementsByTagName('i').length, 0);
    assert.ok(svg.includes('&lt;i&gt;INF&lt;/i&gt;'));
  });

  it('maps values onto the plot area (higher is up)', () => {
    const svg = lineChartSvg([{ label: 's', color: '#000', points: [[0, 0], [10, 1]] }], { title: 't', xLabel: 'x', yLabel: 'y', yDomain: [0, 1] });
    const points = /points="([^"]+)"/.exec(svg)![1].split(' ').map((p) => p.split(',').map(Number));
    assert.ok(points[0][0] < points[1][0]);
    assert.ok(points[0][1] > points[1][1]);
  });

  it('chooses round tick values', () => {
    assert.deepEqual(niceTicks(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(niceTicks(1, 20), [5, 10, 15, 20]);
    assert.deepEqual(niceTicks(3, 3), [3]);
  });
});
