// The report's static pictures: deterministic layout, well-formed and escaped SVG.
import assert from 'node:assert/strict';
import path from 'node:path';
import { graphFromFixture, readGraphFixture } from '../../../src/core/analysis/metrics/graphFixture';
import { graphFromTies } from '../../../src/core/analysis/metrics/graphFromTies';
import { seededRandom } from '../../../src/core/random/seededRandom';
import { lineChartSvg, niceTicks } from '../../../src/core/analysis/report/lineChartSvg';
import { layoutNetwork } from '../../../src/core/analysis/report/networkLayout';
import { networkSvg } from '../../../src/core/analysis/report/networkSvg';
import { categoryKey } from '../../../src/core/analysis/report/categoryKey';
import { LEGEND_CHAR_WIDTH, LEGEND_MAX_CHARS } from '../../../src/core/analysis/report/networkLegend';
import { CATEGORY_COLORS, OTHER_COLOR } from '../../../src/core/analysis/report/palette';
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
    const dist = (a: string, b: string) =>
      Math.hypot(positions.get(a)!.x - positions.get(b)!.x, positions.get(a)!.y - positions.get(b)!.y);
    const tied = graph.mapEdges((_e, _a, s, t) => dist(s, t));
    const nodes = graph.nodes();
    const all: number[] = [];
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) all.push(dist(nodes[i], nodes[j]));
    }
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
  const graph = graphFromTies(
    [
      { id: 'x', attrs: { name: '<script>alert(1)</script>', group: '<b>g</b>' } },
      { id: 'y', attrs: { name: 'Yara', group: 'h' } },
      { id: 'z', attrs: {} },
    ],
    [
      { from: 'x', to: 'y', strength: 0.9 },
      { from: 'y', to: 'x', strength: 0.7 },
      { from: 'z', to: 'x', strength: 0.8 },
    ],
    0.5,
  );

  it('is well-formed SVG with one circle per agent and one line per tied pair', () => {
    const doc = parseStrictXml(networkSvg(graph), 'image/svg+xml');
    assert.equal(doc.getElementsByTagName('g').length >= 3, true);
    const agents = Array.from(doc.getElementsByTagName('g')).find((g) =>
      (g.getAttribute('class') ?? '').split(' ').includes('agents'),
    )!;
    assert.equal(agents.getElementsByTagName('circle').length, 3);
    const lines = doc.getElementsByTagName('line');
    assert.equal(lines.length, 2);
    assert.equal(
      Array.from(lines).filter((l) => l.getAttribute('marker-start')).length,
      1,
      'the mutual pair has two heads',
    );
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
    const aged = graphFromTies(
      [
        { id: 'a', attrs: { name: 'A', age: 20 } },
        { id: 'b', attrs: { name: 'B', age: 40 } },
        { id: 'c', attrs: { name: 'C', age: 60 } },
        { id: 'd', attrs: { name: 'D' } },
      ],
      [{ from: 'a', to: 'b', strength: 1 }],
      0.5,
    );
    const doc = parseStrictXml(networkSvg(aged, { colorBy: 'age' }), 'image/svg+xml');
    const fill = (name: string) =>
      Array.from(doc.getElementsByTagName('circle'))
        .find((c) => c.textContent!.startsWith(`${name} `))!
        .getAttribute('fill');
    assert.deepEqual(
      ['A', 'B', 'C', 'D'].map(fill),
      ['#440154', '#21918c', '#fde725', '#bab0ac'],
      'lowest, middle, highest, no value',
    );
    const legend = Array.from(doc.getElementsByTagName('g')).find((g) =>
      (g.getAttribute('class') ?? '').split(' ').includes('legend'),
    )!;
    assert.deepEqual(
      Array.from(legend.getElementsByTagName('text')).map((t) => t.textContent),
      ['age', '20', '60', '(no value)'],
    );
    // Text values stay categories.
    const grouped = graphFromTies(
      [
        { id: 'a', attrs: { group: 'x' } },
        { id: 'b', attrs: { group: 'y' } },
      ],
      [],
      0.5,
    );
    const legendOf = parseStrictXml(networkSvg(grouped), 'image/svg+xml');
    assert.deepEqual(
      Array.from(legendOf.getElementsByTagName('text'))
        .map((t) => t.textContent)
        .slice(-2),
      ['x', 'y'],
    );
  });

  it('draws a crowd as small unlabelled dots, each still with its tooltip', () => {
    const agentsOf = (doc: ReturnType<typeof parseStrictXml>) =>
      Array.from(
        Array.from(doc.getElementsByTagName('g'))
          .find((g) => (g.getAttribute('class') ?? '').split(' ').includes('agents'))!
          .getElementsByTagName('circle'),
      );
    const small = parseStrictXml(networkSvg(graph), 'image/svg+xml');
    // An agent with no ties is 5 across the board up to a few hundred agents.
    assert.equal(
      agentsOf(small)
        .find((c) => c.textContent!.startsWith('z '))!
        .getAttribute('r'),
      '5',
    );
    const n = 3000;
    const crowd = graphFromTies(
      Array.from({ length: n }, (_, i) => ({ id: `a${i}`, attrs: { name: `A${i}` } })),
      [{ from: 'a0', to: 'a1', strength: 1 }],
      0.5,
    );
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

/** A box on the picture: left, top, right, bottom. */
interface Box {
  what: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const intersects = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
type Doc = ReturnType<typeof parseStrictXml>;
type El = ReturnType<Doc['getElementsByTagName']>[number];
const groupOf = (doc: Doc, cls: string) =>
  Array.from(doc.getElementsByTagName('g')).find((g) => (g.getAttribute('class') ?? '').split(' ').includes(cls));
const num = (el: El, attr: string) => Number(el.getAttribute(attr));
const circleBox = (c: El, what: string): Box => ({
  what,
  x0: num(c, 'cx') - num(c, 'r'),
  y0: num(c, 'cy') - num(c, 'r'),
  x1: num(c, 'cx') + num(c, 'r'),
  y1: num(c, 'cy') + num(c, 'r'),
});
/** A text's box from its anchor, font size and a generous width per character. */
function textBox(t: El, size: number, what: string): Box {
  const w = [...t.textContent!].length * 0.6 * size,
    x = num(t, 'x'),
    y = num(t, 'y');
  const anchor = t.getAttribute('text-anchor') ?? (t.parentNode as El | null)?.getAttribute?.('text-anchor') ?? 'start';
  const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
  return { what, x0, y0: y - size, x1: x0 + w, y1: y + 0.3 * size };
}
/** Every agent's circle and every name written, and every mark of the legend. */
function boxesOf(svg: string): { drawing: Box[]; legend: Box[]; width: number; height: number } {
  const doc = parseStrictXml(svg, 'image/svg+xml');
  const [, , width, height] = doc.documentElement!.getAttribute('viewBox')!.split(' ').map(Number);
  const drawing = [
    ...Array.from(groupOf(doc, 'agents')!.getElementsByTagName('circle')).map((c) =>
      circleBox(c, `agent ${c.textContent}`),
    ),
    ...Array.from(groupOf(doc, 'labels')?.getElementsByTagName('text') ?? []).map((t) =>
      textBox(t, 10, `name ${t.textContent}`),
    ),
  ];
  const legendGroup = groupOf(doc, 'legend')!;
  const legend = [
    ...Array.from(legendGroup.getElementsByTagName('circle')).map((c) => circleBox(c, 'legend swatch')),
    ...Array.from(legendGroup.getElementsByTagName('rect')).map((r): Box => ({
      what: 'legend bar',
      x0: num(r, 'x'),
      y0: num(r, 'y'),
      x1: num(r, 'x') + num(r, 'width'),
      y1: num(r, 'y') + num(r, 'height'),
    })),
    ...Array.from(legendGroup.getElementsByTagName('text')).map((t) => textBox(t, 12, `legend text ${t.textContent}`)),
  ];
  return { drawing, legend, width, height };
}

/** The legend's entries in order: swatch colour, text, and the tooltip of the entry ('' without one). */
function legendEntries(doc: Doc): { color: string; text: string; title: string }[] {
  const legend = groupOf(doc, 'legend')!;
  const swatches = Array.from(legend.getElementsByTagName('circle')),
    texts = Array.from(legend.getElementsByTagName('text'));
  assert.equal(swatches.length, texts.length);
  return swatches.map((c, i) => {
    const title = Array.from((c.parentNode as El).childNodes).find((n) => n.nodeName === 'title');
    return { color: c.getAttribute('fill')!, text: texts[i].textContent!, title: title?.textContent ?? '' };
  });
}

/** The forum example's occupations (QA: 12 long names, a legend over the network, two categories in one colour). */
const OCCUPATIONS = [
  'ecology PhD candidate and first-year biology tutor',
  'exchange student in architecture',
  'first-year arts student',
  'first-year commerce student',
  'first-year engineering student',
  'first-year jazz piano student',
  'first-year mechatronics engineering student',
  'first-year nursing student',
  'first-year science student',
  "international master's student in data science",
  'second-year psychology student and peer mentor',
  'student union clubs officer and forum moderator',
];

/** `n` agents in a ring with a few seeded chords; agent i has occupation OCCUPATIONS[pick(i)]. */
function forumLike(n: number, pick: (i: number) => number) {
  const rng = seededRandom(7);
  const ties = Array.from({ length: n }, (_, i) => ({ from: `p${i}`, to: `p${(i + 1) % n}`, strength: 0.8 }));
  for (let k = 0; k < n; k++) {
    ties.push({ from: `p${Math.floor(rng() * n)}`, to: `p${Math.floor(rng() * n)}`, strength: 0.7 });
  }
  const unique = [...new Map(ties.filter((t) => t.from !== t.to).map((t) => [`${t.from}>${t.to}`, t])).values()];
  return graphFromTies(
    Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      attrs: { name: `Agent ${i}`, occupation: OCCUPATIONS[pick(i)] },
    })),
    unique,
    0.5,
  );
}

describe('network legend', () => {
  it('never covers an agent or a name, and stays inside the picture', () => {
    const cases = [
      {
        what: '12 occupations',
        svg: networkSvg(
          forumLike(28, (i) => i % 12),
          { colorBy: 'occupation', seed: 3 },
        ),
      },
      {
        what: '120 agents, 12 occupations',
        svg: networkSvg(
          forumLike(120, (i) => i % 12),
          { colorBy: 'occupation', seed: 1 },
        ),
      },
      {
        what: 'a numeric attribute',
        svg: networkSvg(
          graphFromTies(
            Array.from({ length: 30 }, (_, i) => ({
              id: `a${i}`,
              attrs: { name: `A${i}`, ...(i % 7 ? { age: 18 + i } : {}) },
            })),
            [],
            0.5,
          ),
          { colorBy: 'age' },
        ),
      },
    ];
    for (const { what, svg } of cases) {
      const { drawing, legend, width, height } = boxesOf(svg);
      assert.ok(legend.length > 0, what);
      for (const mark of legend) {
        for (const thing of drawing) {
          assert.ok(!intersects(mark, thing), `${what}: the ${mark.what} covers ${thing.what}`);
        }
        assert.ok(
          mark.x0 >= 0 && mark.x1 <= width && mark.y0 >= 0 && mark.y1 <= height,
          `${what}: the ${mark.what} ${JSON.stringify(mark)} leaves the ${width} × ${height} picture`,
        );
      }
      // It has a band of its own under the drawing, whatever the layout did.
      const drawingBottom = Math.max(...drawing.map((b) => b.y1)),
        legendTop = Math.min(...legend.map((b) => b.y0));
      assert.ok(
        legendTop >= drawingBottom,
        `${what}: the legend starts at ${legendTop}, above the drawing's bottom ${drawingBottom}`,
      );
      // Legend entries do not cover each other either.
      for (const [i, a] of legend.entries()) {
        for (const b of legend.slice(i + 1)) {
          if (a.what.startsWith('legend text') && b.what.startsWith('legend text')) {
            assert.ok(!intersects(a, b), `${what}: ${a.what} covers ${b.what}`);
          }
        }
      }
    }
  });

  it('past ten categories, colours the nine largest and groups the rest as "other", never two in one colour unsaid', () => {
    // Occupation i is held by 12 − i agents: the three smallest (9, 10, 11) become "other".
    const sizes = OCCUPATIONS.map((_, i) => 12 - i);
    const owner = sizes.flatMap((size, i) => Array.from({ length: size }, () => i));
    const doc = parseStrictXml(
      networkSvg(
        forumLike(owner.length, (i) => owner[i]),
        { colorBy: 'occupation' },
      ),
      'image/svg+xml',
    );
    const entries = legendEntries(doc);
    assert.equal(
      new Set(entries.map((e) => e.color)).size,
      entries.length,
      `two entries share a colour: ${entries.map((e) => `${e.text} ${e.color}`).join(', ')}`,
    );
    assert.equal(entries.length, 10);
    assert.equal(entries[9].text, 'other (3 categories)');
    assert.equal(entries[9].color, OTHER_COLOR);
    for (const name of OCCUPATIONS.slice(9)) {
      assert.ok(entries[9].title.includes(name), `the tooltip of "other" names ${name}`);
    }
    // Each agent is drawn in its category's entry colour; categories outside "other" never share one.
    const colorOf = new Map<string, string>();
    for (const c of Array.from(groupOf(doc, 'agents')!.getElementsByTagName('circle'))) {
      const occupation = /occupation: (.*); in /.exec(c.textContent!)![1];
      const fill = c.getAttribute('fill')!;
      assert.equal(colorOf.get(occupation) ?? fill, fill, `one colour per category (${occupation})`);
      colorOf.set(occupation, fill);
    }
    assert.equal(colorOf.size, 12);
    for (const [i, occupation] of OCCUPATIONS.entries()) {
      const entry = entries.find((e) => e.title.startsWith(`${occupation}:`));
      if (i >= 9) {
        assert.equal(entry, undefined);
        assert.equal(colorOf.get(occupation), OTHER_COLOR);
        continue;
      }
      assert.ok(entry, `an entry for ${occupation}`);
      assert.equal(colorOf.get(occupation), entry.color);
      assert.equal([...colorOf.values()].filter((c) => c === entry.color).length, 1, `${occupation} shares its colour`);
    }
  });

  it('cuts long names with an ellipsis and keeps the full name in a tooltip', () => {
    const entries = legendEntries(
      parseStrictXml(
        networkSvg(
          forumLike(24, (i) => i % 12),
          { colorBy: 'occupation' },
        ),
        'image/svg+xml',
      ),
    );
    const long = entries.find((e) => e.text.startsWith('ecology PhD'))!;
    assert.ok(
      long.text.endsWith('…') &&
        [...long.text].length === LEGEND_MAX_CHARS &&
        OCCUPATIONS[0].startsWith(long.text.slice(0, -1)),
      long.text,
    );
    assert.equal(long.title, 'ecology PhD candidate and first-year biology tutor: 2 agents');
    for (const e of entries) assert.ok([...e.text].length <= LEGEND_MAX_CHARS, e.text);
    // Short names stay whole.
    assert.ok(entries.some((e) => e.text === 'first-year arts student'));
    assert.ok(LEGEND_CHAR_WIDTH >= 0.55 * 12, 'column widths are estimated generously');
  });

  it('keeps up to ten categories in natural order, each in its own palette colour', () => {
    const counts = new Map(
      Array.from({ length: 10 }, (_, i) => [`community ${i + 1}`, i === 9 ? 50 : 1] as [string, number]),
    );
    const key = categoryKey(counts);
    assert.deepEqual(
      key.entries.map((e) => e.label),
      Array.from({ length: 10 }, (_, i) => `community ${i + 1}`),
    );
    assert.deepEqual(
      key.entries.map((e) => e.color),
      [...CATEGORY_COLORS],
    );
    // Eleven: the nine largest (ties in natural order) keep their colours, the other two are grey.
    counts.set('community 11', 2);
    const more = categoryKey(counts, 'communities');
    assert.deepEqual(
      more.entries.map((e) => e.label),
      [1, 2, 3, 4, 5, 6, 7, 10, 11].map((i) => `community ${i}`).concat('other (2 communities)'),
    );
    assert.deepEqual(more.entries.at(-1)!.categories, ['community 8', 'community 9']);
    assert.equal(more.colorOf('community 8'), OTHER_COLOR);
    assert.equal(new Set(more.entries.map((e) => e.color)).size, 10);
  });
});

describe('lineChartSvg', () => {
  it('draws one polyline per series run and breaks at gaps', () => {
    const svg = lineChartSvg(
      [
        {
          label: 'SOC',
          color: '#111',
          points: [
            [1, 0.2],
            [2, 0.4],
            [3, 0.5],
          ],
        },
        {
          label: '<i>INF</i>',
          color: '#222',
          points: [
            [1, 0.1],
            [2, null],
            [3, 0.3],
            [4, 0.35],
          ],
        },
      ],
      { title: 'Rewards', xLabel: 'round', yLabel: 'reward', yDomain: [0, 1] },
    );
    const doc = parseStrictXml(svg, 'image/svg+xml');
    assert.equal(doc.getElementsByTagName('polyline').length, 2);
    assert.equal(doc.getElementsByTagName('circle').length, 1, 'an isolated point is a dot');
    assert.equal(doc.getElementsByTagName('i').length, 0);
    assert.ok(svg.includes('&lt;i&gt;INF&lt;/i&gt;'));
  });

  it('maps values onto the plot area (higher is up)', () => {
    const svg = lineChartSvg(
      [
        {
          label: 's',
          color: '#000',
          points: [
            [0, 0],
            [10, 1],
          ],
        },
      ],
      { title: 't', xLabel: 'x', yLabel: 'y', yDomain: [0, 1] },
    );
    const points = /points="([^"]+)"/
      .exec(svg)![1]
      .split(' ')
      .map((p) => p.split(',').map(Number));
    assert.ok(points[0][0] < points[1][0]);
    assert.ok(points[0][1] > points[1][1]);
  });

  it('chooses round tick values', () => {
    assert.deepEqual(niceTicks(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(niceTicks(1, 20), [5, 10, 15, 20]);
    assert.deepEqual(niceTicks(3, 3), [3]);
  });
});
