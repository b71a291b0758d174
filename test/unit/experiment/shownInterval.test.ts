// Intervals of bounded metrics as the experiment report shows them: cut at the metric's bounds
// (and the cut marked), while differences, the files and the claims keep the t-interval.
import * as assert from 'node:assert/strict';
import { analyzeExperiment, OUTCOME_METRICS, renderExperimentHtml, summaryCsv } from '../../../src/core/experiment';
import { metricBounds } from '../../../src/core/analysis/metrics/metricBounds';
import { claimVerdict } from '../../../src/core/experiment/claimVerdict';
import { intervalChartSvg } from '../../../src/core/experiment/intervalChart';
import { shownInterval } from '../../../src/core/experiment/shownInterval';
import { estimate, seedContrast } from '../../../src/core/experiment/statistics';
import { outcome } from './fixtures';

const meta = { model: 'offline', rounds: 3, wallSeconds: 1 };

/** Three seeds of a sparse network: density 0.010 (−0.005 … 0.025) as a t-interval. */
const SPARSE = [0.004, 0.01, 0.016];
/** Coaching on: denser, so the difference's interval lies above 0 (claim holds). */
const COACHED = [0.03, 0.035, 0.04];

function sparseExperiment() {
  const conditions = [
    { name: 'off', set: { 'coaching.enabled': false } },
    { name: 'on', set: { 'coaching.enabled': true } },
  ];
  const runs = [
    ...SPARSE.map((density, i) =>
      outcome('off', i + 1, { density, average_clustering: [0, 0, 0.3][i], reciprocity: [0.9, 1, 1][i] }),
    ),
    ...COACHED.map((density, i) => outcome('on', i + 1, { density, average_clustering: [0.1, 0.2, 0.15][i] })),
  ];
  return analyzeExperiment('x', conditions, [1, 2, 3], runs);
}

describe('bounded intervals', () => {
  it('knows the bounds of every metric an experiment reports, from one table', () => {
    for (const metric of OUTCOME_METRICS) assert.ok(metricBounds(metric), metric);
    assert.deepEqual(metricBounds('density'), [0, 1]);
    assert.deepEqual(metricBounds('louvain_modularity'), [0, 1]);
    assert.deepEqual(metricBounds('reward_social'), [0, 1]);
    assert.deepEqual(metricBounds('median_undirected_degree'), [0, Infinity]);
    assert.deepEqual(metricBounds('group_assortativity'), [-1, 1]);
    assert.equal(metricBounds('no_such_metric'), undefined);
  });

  it('cuts a t-interval at the bounds, keeps one within them, and never cuts past the mean', () => {
    const sparse = estimate(SPARSE);
    assert.ok(sparse.ci95![0] < 0, 'the t-interval passes 0');
    assert.deepEqual(shownInterval('density', sparse), { low: 0, high: sparse.ci95![1], cutLow: true, cutHigh: false });
    const within = estimate([0.2, 0.3, 0.4]);
    assert.deepEqual(shownInterval('density', within), {
      low: within.ci95![0],
      high: within.ci95![1],
      cutLow: false,
      cutHigh: false,
    });
    const nearOne = estimate([0.9, 1, 1]);
    assert.ok(nearOne.ci95![1] > 1);
    assert.equal(shownInterval('reciprocity', nearOne)!.high, 1);
    assert.ok(shownInterval('reciprocity', nearOne)!.cutHigh);
    // Degrees have no upper bound; assortativity goes down to −1.
    assert.equal(shownInterval('median_undirected_degree', estimate([0, 0, 3]))!.low, 0);
    assert.ok(!shownInterval('median_undirected_degree', estimate([100, 200, 900]))!.cutHigh);
    assert.equal(shownInterval('group_assortativity', estimate([-1, -0.9, -0.2]))!.low, -1);
    // Floating-point residue (a modularity of −4e-16) is no cut; no interval, nothing shown.
    assert.equal(shownInterval('louvain_modularity', estimate([-4.4e-16, -4.4e-16]))!.cutLow, false);
    assert.equal(shownInterval('density', estimate([0.1])), null);
    // A mean outside the bounds (it cannot be, short of residue) stays inside what is shown.
    assert.equal(shownInterval('density', { n: 2, mean: -0.01, sd: 0.1, ci95: [-0.5, 0.4] })!.low, -0.01);
  });

  it('shows no impossible value for a metric, marks the cut end and says why', () => {
    const html = renderExperimentHtml(sparseExperiment(), meta);
    const row = /<tr><td><strong>density<\/strong>[\s\S]*?<\/tr>/.exec(html)![0];
    const cells = [...row.matchAll(/<td class="num">([\s\S]*?)<\/td>/g)].map((m) => m[1]);
    // off mean, off CI, on mean, on CI, on − off, its CI, Hedges' g.
    assert.match(cells[1], /^0\.000<span class="cut" title="cut at the bound of density">†<\/span> … 0\.025$/);
    assert.doesNotMatch(cells[3], /†/, 'an interval within the bounds is not marked');
    assert.match(
      html,
      /is cut at the bound and the cut end marked †; the files beside this page keep the uncut t-interval, and differences are never cut\./,
    );
    const clustering = /<tr><td><strong>average_clustering<\/strong>[\s\S]*?<\/tr>/.exec(html)![0];
    const clusteringCi = [...clustering.matchAll(/<td class="num">([\s\S]*?)<\/td>/g)].map((m) => m[1])[1];
    assert.match(clusteringCi, /^0\.000<span class="cut"[^>]*>†<\/span> … 0\.\d{3}$/, 'no negative clustering');
  });

  it('keeps differences uncut: coaching on − off may be negative', () => {
    const r = sparseExperiment();
    const html = renderExperimentHtml(r, meta);
    const row = /<tr><td><strong>reciprocity<\/strong>[\s\S]*?<\/tr>/.exec(html)![0];
    const difference = r.contrasts.find((c) => c.metric === 'reciprocity')!.result;
    assert.ok(difference.ci95![0] < 0);
    assert.ok(
      row.includes(`<td class="num">${difference.ci95![0].toFixed(3)} … ${difference.ci95![1].toFixed(3)}</td>`),
      row,
    );
  });

  it('keeps the t-interval in summary.csv', () => {
    const r = sparseExperiment();
    const line = summaryCsv(r)
      .split('\n')
      .find((l) => l.startsWith('density,off,'))!;
    const [low] = line.split(',').slice(5, 7).map(Number);
    assert.equal(low, r.summaries.find((s) => s.metric === 'density')!.byCondition.off.ci95![0]);
    assert.ok(low < 0);
  });

  it('judges the claims on the same, uncut intervals of differences as before', () => {
    const r = sparseExperiment();
    const density = r.claims.find((c) => c.text === 'Coaching raises density')!;
    const bySeed = (xs: readonly number[]) => new Map(xs.map((x, i) => [i + 1, x]));
    const c = seedContrast(bySeed(SPARSE), bySeed(COACHED));
    assert.ok(
      density.evidence.includes(`95% CI ${c.ci95![0].toFixed(3)} … ${c.ci95![1].toFixed(3)}`),
      density.evidence,
    );
    assert.equal(claimVerdict(density).kind, c.ci95![0] > 0 ? 'holds' : c.ci95![1] < 0 ? 'fails' : 'inconclusive');
    // Clustering's excess over random: an uncut interval that includes 0 keeps the claim inconclusive.
    const excess = r.baselines.find((b) => b.metric === 'average_clustering' && b.condition === 'off')!.excess;
    assert.ok(excess.ci95![0] < 0 && excess.ci95![1] > 0);
    assert.equal(
      claimVerdict(r.claims.find((x) => x.text === 'Clustering exceeds a density-matched random graph (off)')!).kind,
      'inconclusive',
    );
  });

  it('draws a cut whisker from the bound, not past it, ending in an upright bar', () => {
    const svg = intervalChartSvg('density', [{ label: 'off', estimate: estimate(SPARSE) }]);
    const zero = /<line x1="([\d.]+)"[^>]*class="ink-grid"[^>]*\/><text[^>]*>0<\/text>/.exec(svg)!;
    const whisker = /<line x1="([\d.]+)" x2="([\d.]+)" y1="(\d+)" y2="\3" stroke="#4e79a7" stroke-width="2"\/>/.exec(
      svg,
    )!;
    assert.equal(whisker[1], zero[1], 'the whisker starts at 0');
    assert.ok(
      svg.includes(
        `<line x1="${zero[1]}" x2="${zero[1]}" y1="${Number(whisker[3]) - 5}" y2="${Number(whisker[3]) + 5}" stroke="#4e79a7" stroke-width="2"/>`,
      ),
      'the cut end has a bar',
    );
    assert.doesNotMatch(svg, />-0\.00\d</, 'no tick below 0');
  });

  it("cuts a state outcome's interval at the range its definition fixes: a gini at 0, a share at 0 and 1 (issue 73)", () => {
    const near = (xs: number[]) => shownInterval('agents.coins.gini', estimate(xs));
    const gini = near([0.001, 0.02, 0.0, 0.003]);
    assert.ok(gini && gini.low === 0 && gini.cutLow, JSON.stringify(gini));
    const share = shownInterval('knowledge.party.share', estimate([1, 0.98, 1, 0.9]));
    assert.ok(share && share.high === 1 && share.cutHigh, JSON.stringify(share));
    const acquainted = shownInterval('acquaintance_density', estimate([0.01, 0.0, 0.0, 0.02]));
    assert.ok(acquainted && acquainted.low === 0 && acquainted.cutLow);
    // A quantity's own final value has no range the definition fixes: not cut.
    const final = shownInterval('agents.coins.final', estimate([0.001, 0.02, 0.0, 0.003]));
    assert.ok(final && final.low < 0 && !final.cutLow);
  });
});
