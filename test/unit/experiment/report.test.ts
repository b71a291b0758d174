import * as assert from 'node:assert/strict';
import { analyzeExperiment, formatExperiment, renderExperimentHtml } from '../../../src/core/experiment';
import { intervalChartSvg } from '../../../src/core/experiment/intervalChart';
import { modelLine } from '../../../src/core/experiment/runExperiment';
import { outcome } from './fixtures';
import { assertHeadingOutline } from '../analysis/headings';

const meta = { model: 'offline', rounds: 3, wallSeconds: 1 };

describe('experiment report', () => {
  it('cuts long chart labels with an ellipsis and keeps the full name in a <title>', () => {
    const long = `<b>${'x'.repeat(200)}`;
    const svg = intervalChartSvg('density', [
      { label: long, estimate: { n: 1, mean: 0.1, sd: null, ci95: null } },
      { label: 'on', estimate: { n: 1, mean: 0.2, sd: null, ci95: null } },
    ]);
    const texts = [...svg.matchAll(/<text[^>]*text-anchor="end"[^>]*><title>([^<]*)<\/title>([^<]*)<\/text>/g)];
    assert.equal(texts.length, 2);
    assert.equal(texts[0][1], `&lt;b&gt;${'x'.repeat(200)}`);
    assert.match(texts[0][2], /^&lt;b&gt;x+…$/);
    assert.ok(texts[0][2].length < 40, texts[0][2]);
    assert.equal(texts[1][2], 'on');
    assert.ok(!svg.includes('<b>'));
  });

  it('keeps long condition names apart in the terminal table, each over its own column', () => {
    const a = 'rich, altruistic, no fines',
      b = 'rich, altruistic, fines';
    const r = analyzeExperiment(
      'Commons',
      [
        { name: a, set: {} },
        { name: b, set: {} },
      ],
      [1, 2],
      [
        outcome(a, 1, { reciprocity: null }),
        outcome(a, 2, { reciprocity: null }),
        outcome(b, 1, { density: 0.2, reciprocity: null }),
        outcome(b, 2, { density: 0.3, reciprocity: null }),
      ],
    );
    const lines = formatExperiment(r).split('\n');
    const header = lines[0];
    assert.ok(header.includes(`  ${a}  `) && header.endsWith(`  ${b}`), header);
    // Every cell of a row ends where its condition's name ends.
    const density = lines.find((l) => l.trimStart().startsWith('density '))!;
    assert.equal(density.length, header.length, `${header}\n${density}`);
    assert.equal(density.indexOf(' ±', header.indexOf(a)) < header.indexOf(a) + a.length, true);
    // A metric no run has a value for is a dash, not "— ±—".
    const reciprocity = lines.find((l) => l.trimStart().startsWith('reciprocity '))!;
    assert.match(reciprocity, /^ {2}reciprocity +— +—$/);
  });

  it('lays charts out two per row and lets long names wrap', () => {
    const r = analyzeExperiment(
      'W'.repeat(300),
      [{ name: 'x'.repeat(200), set: {} }],
      [1],
      [outcome('x'.repeat(200), 1)],
    );
    const html = renderExperimentHtml(r, meta);
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1];
    assert.match(style, /h1, p, bdi \{ overflow-wrap: anywhere; \}/);
    assert.ok(html.includes(`<h1><bdi>${'W'.repeat(300)}</bdi>`), 'the name is in a <bdi> the rule reaches');
    assert.match(
      style,
      /\.charts \{ display: grid; grid-template-columns: repeat\(auto-fill, minmax\(min\(100%, 440px\), 1fr\)\)/,
    );
    assert.match(
      style,
      /\.charts figure \{ margin: 0;/,
      "a figure's default 40 px side margins would leave room for one chart per row",
    );
  });

  it('isolates names so a right-to-left override cannot reorder the text after it', () => {
    const rlo = 'evil\u202Eman';
    const r = analyzeExperiment(
      rlo,
      [
        { name: rlo, set: { 'coaching.enabled': false } },
        { name: 'on', set: { 'coaching.enabled': true } },
      ],
      [1, 2],
      [outcome(rlo, 1), outcome(rlo, 2), outcome('on', 1, { density: 0.2 }), outcome('on', 2, { density: 0.21 })],
    );
    const html = renderExperimentHtml(r, meta);
    assert.ok(html.includes(`<h1><bdi>${rlo}</bdi> — experiment</h1>`));
    assert.ok(html.includes(`<title>\u2068${rlo}\u2069 — experiment</title>`));
    assert.ok(html.includes(`<th><bdi>${rlo}</bdi> mean</th>`));
    const density = r.claims.find((c) => c.text === 'Coaching raises density')!;
    assert.match(
      density.evidence,
      new RegExp(`^on − \u2068${rlo}\u2069 = `),
      'inside longer text the name is wrapped in FSI … PDI',
    );
    const isolated = html
      .replace(/<bdi>[^<]*<\/bdi>/g, '')
      .replace(/<title>[^<]*<\/title>/g, '')
      .replace(/\u2068[^\u2069]*\u2069/g, '');
    assert.ok(!isolated.includes('\u202E'), 'every override sits inside a <bdi> or FSI … PDI (tooltips aside)');
    const plain = analyzeExperiment(
      'x',
      [
        { name: 'off', set: { 'coaching.enabled': false } },
        { name: 'on', set: { 'coaching.enabled': true } },
      ],
      [1],
      [outcome('off', 1), outcome('on', 1)],
    );
    assert.ok(!JSON.stringify(plain).includes('\u2068'), 'ordinary names are left alone');
  });

  it("charts each condition's own random baseline, says what dots and bars are, names the paper and links the files", () => {
    const r = analyzeExperiment(
      'x',
      [
        { name: 'off', set: { 'coaching.enabled': false } },
        { name: 'on', set: { 'coaching.enabled': true } },
      ],
      [1, 2],
      [outcome('off', 1), outcome('off', 2), outcome('on', 1), outcome('on', 2)].map((o, i) => ({
        ...o,
        baseline: { ...o.baseline!, reciprocity: 0.1 + i / 100 },
      })),
    );
    const html = renderExperimentHtml(r, meta);
    const chart = html.match(/<svg[^>]*aria-label="reciprocity"[\s\S]*?<\/svg>/)![0];
    assert.deepEqual(
      [...chart.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]),
      ['off', 'on', 'random (off)', 'random (on)'],
    );
    assert.match(
      html,
      /<p>Dot: the mean over seeds; bar: its 95% CI, ending in a short upright bar where it is cut at a bound of the metric/,
    );
    assert.match(html, /Schneider, Tian &amp; Rizoiu \(2025\), <cite>Learning to Make Friends/);
    assert.match(
      html,
      /Differences against <strong><bdi>off<\/bdi><\/strong> with Hedges' g: conditions share seeds, so each difference is paired by seed/,
    );
    // Where g is reported, what it means for a model's seeds (issue 88).
    assert.match(
      html,
      /Hedges(&#39;|') g is the difference in units of the spread between seeds: here the seed-to-seed variation/,
    );
    for (const file of ['summary.csv', 'runs.csv', 'experiment.json', 'traces/']) {
      assert.ok(html.includes(`<a href="${file}">`), file);
    }
  });

  it('has one h1 and headings that go down a level at a time', () => {
    const r = analyzeExperiment(
      'x',
      [
        { name: 'off', set: { 'coaching.enabled': false } },
        { name: 'on', set: { 'coaching.enabled': true } },
      ],
      [1, 2],
      [outcome('off', 1), outcome('off', 2), outcome('on', 1), outcome('on', 2)],
    );
    assertHeadingOutline(renderExperimentHtml(r, { ...meta, partial: { finished: 4, planned: 8 } }));
  });

  it('speaks of no differences when there is one condition', () => {
    const r = analyzeExperiment('x', [{ name: 'only', set: {} }], [1, 2], [outcome('only', 1), outcome('only', 2)]);
    assert.doesNotMatch(renderExperimentHtml(r, meta), /Welch|differences against/i);
  });

  it('says what each condition changes in the scenario', () => {
    const r = analyzeExperiment(
      'x',
      [
        { name: 'base', set: {} },
        { name: 'ga', set: { 'memory.normalize': 'minmax', 'coaching.every': 2, 'ties.weights.novelty': 0.5 } },
        { name: '<b>', set: { 'world.setting': 'a "<club>"' } },
      ],
      [1],
      [outcome('base', 1), outcome('ga', 1), outcome('<b>', 1)],
    );
    const html = renderExperimentHtml(r, meta);
    const rows = [...html.matchAll(/<tr><td><bdi>([^<]*)<\/bdi><\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    assert.deepEqual(rows, [
      ['base', 'none (the scenario as written)'],
      ['ga', 'memory.normalize: minmax, coaching.every: 2, ties.weights.novelty: 0.5'],
      ['&lt;b&gt;', 'world.setting: a &quot;&lt;club&gt;&quot;'],
    ]);
    assert.ok(html.indexOf('<h2>Conditions</h2>') < html.indexOf("<h2>The seed paper's claims</h2>"));
  });

  it('names each kind of model once', () => {
    const offline = { provider: 'offline' } as never;
    assert.equal(modelLine({ models: { a: offline, b: offline } }), 'the offline rule-based model (not an LLM)');
    assert.equal(
      modelLine({
        models: {
          a: offline,
          b: { provider: 'openai', model: 'gpt-4o' } as never,
          c: { provider: 'openai', model: 'gpt-4o' } as never,
        },
      }),
      'the offline rule-based model (not an LLM), openai gpt-4o',
    );
  });

  it("prints a CI that reaches past the metric's bounds cut, as the page shows it, with a note", () => {
    const r = analyzeExperiment(
      'x',
      [{ name: 'a', set: {} }],
      [1, 2],
      [outcome('a', 1, { median_undirected_degree: 0 }), outcome('a', 2, { median_undirected_degree: 1 })],
    );
    const text = formatExperiment(r);
    const line = text.split('\n').find((l) => l.includes('median_undirected_degree'))!;
    assert.match(line, /\b0\.500 \(0\.000†…6\.853\)$/, line);
    assert.match(text, /^ {2}† the 95% CI went past what the metric can be and is cut there$/m);
    const within = analyzeExperiment(
      'x',
      [{ name: 'a', set: {} }],
      [1, 2],
      [outcome('a', 1, { density: 0.2 }), outcome('a', 2, { density: 0.21 })],
    );
    assert.match(
      formatExperiment(within)
        .split('\n')
        .find((l) => l.includes('density'))!,
      /\b0\.205 ±0\.064$/,
    );
    assert.doesNotMatch(formatExperiment(within), /†/);
  });

  it('prints floating-point residue as 0, not -0.000', () => {
    const r = analyzeExperiment(
      'x',
      [{ name: 'a', set: {} }],
      [1, 2],
      [
        outcome('a', 1, { louvain_modularity: -4.440892098500626e-16 }),
        outcome('a', 2, { louvain_modularity: -4.440892098500626e-16 }),
      ],
    );
    const line = formatExperiment(r)
      .split('\n')
      .find((l) => l.includes('louvain_modularity'))!;
    assert.match(line, /\b0\.000 ±0\.000$/, line);
    assert.doesNotMatch(renderExperimentHtml(r, meta), /-0\.000/);
  });
});
