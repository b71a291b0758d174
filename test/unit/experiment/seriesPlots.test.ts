// An experiment's outcomes over time (issue 45): series.csv averages the runs' series per
// condition, round and metric with a 95% t-interval over seeds, and the report draws the chosen
// metrics as a line per condition with its CI band and a legend, every name escaped.
import * as assert from 'node:assert/strict';
import type { RunOutcome } from '../../../src/core/experiment/outcome';
import { estimate } from '../../../src/core/experiment/statistics';
import { seriesSummary, seriesSummaryCsv } from '../../../src/core/experiment/seriesSummary';
import { plottedSeries, seriesSection } from '../../../src/core/experiment/seriesPlots';
import { seriesChartSvg } from '../../../src/core/experiment/seriesChart';
import { parseStrictXml } from '../analysis/xml';

const HOSTILE = '<script>alert(1)</script> & "=cmd"';

/** A run of `condition` with seed `seed`: a pot that grows by `step` a round, density that grows slower. */
export function seriesRun(condition: string, seed: number, step: number, rounds = 4): RunOutcome {
  const rs = Array.from({ length: rounds + 1 }, (_, i) => i);
  return {
    condition,
    seed,
    metrics: {},
    baseline: {},
    rounds: [],
    usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    faults: { failed_calls: 0, no_model_answer: false },
    wall_ms: 1,
    series: {
      rounds: rs,
      metrics: {
        'world.pot': rs.map((r) => r * step + seed),
        'agents.wealth.mean': rs.map((r) => 10 - r),
        density: rs.map((r) => r * 0.05),
        ties: rs.map((r) => r * 2),
        reciprocity: rs.map((r) => (r === 0 ? null : 0.5)),
      },
    },
  };
}

const conditions = [
  { name: 'low', set: {} },
  { name: HOSTILE, set: {} },
];
const runs = [1, 2, 3].flatMap((seed) => [seriesRun('low', seed, 1), seriesRun(HOSTILE, seed, 3)]);

describe('an experiment’s series over rounds', () => {
  it('gives each condition, round and metric the mean and 95% t-interval over seeds', () => {
    const rows = seriesSummary({ conditions, runs });
    assert.equal(rows.length, 2 * 5 * 5);
    const pot = rows.find((r) => r.condition === HOSTILE && r.metric === 'world.pot' && r.round === 2)!;
    assert.deepEqual(pot.estimate, estimate([7, 8, 9]));
    assert.equal(pot.estimate.n, 3);
    const rec = rows.find((r) => r.condition === 'low' && r.metric === 'reciprocity' && r.round === 0)!;
    assert.equal(rec.estimate.n, 0, 'undefined in every run: no value, not 0');

    const csv = seriesSummaryCsv(rows).split('\n');
    assert.equal(csv[0], 'condition,round,metric,n,mean,ci_low,ci_high');
    const [lo, hi] = pot.estimate.ci95!;
    // The hostile name quoted as RFC 4180 says.
    assert.ok(csv.includes(`"<script>alert(1)</script> & ""=cmd""",2,world.pot,3,8,${lo},${hi}`), csv.join('\n'));
    assert.ok(csv.includes('low,0,reciprocity,0,,,'));
  });

  it('draws world quantities, then agent means, then density where ties formed', () => {
    const rows = seriesSummary({ conditions, runs });
    assert.deepEqual(plottedSeries(rows), ['world.pot', 'agents.wealth.mean', 'density']);
    const noTies = seriesSummary({
      conditions,
      runs: runs.map((r) => ({
        ...r,
        series: { ...r.series!, metrics: { ...r.series!.metrics, ties: r.series!.rounds.map(() => 0) } },
      })),
    });
    assert.deepEqual(plottedSeries(noTies), ['world.pot', 'agents.wealth.mean']);
    // A series that never moves (emptied at every close) is not drawn.
    const flat = seriesSummary({
      conditions,
      runs: runs.map((r) => ({
        ...r,
        series: { ...r.series!, metrics: { ...r.series!.metrics, 'world.pot': r.series!.rounds.map(() => 0) } },
      })),
    });
    assert.deepEqual(plottedSeries(flat), ['agents.wealth.mean', 'density']);
  });

  it('moves over the rounds only within a condition; the experiment’s own outcomes’ series first (issue 88)', () => {
    // A switch each condition sets to its own value (1.6 here, 16 there) is two flat lines: not drawn.
    const switched = seriesSummary({
      conditions,
      runs: runs.map((r) => ({
        ...r,
        series: {
          ...r.series!,
          metrics: {
            ...r.series!.metrics,
            'world.multiplier': r.series!.rounds.map(() => (r.condition === 'low' ? 1.6 : 16)),
          },
        },
      })),
    });
    assert.deepEqual(plottedSeries(switched), ['world.pot', 'agents.wealth.mean', 'density']);
    // Declared outcomes (`experiment.metrics`) name the series they are read off, drawn first.
    assert.deepEqual(plottedSeries(switched, ['agents.wealth.mean', 'world.pot.at.r2', 'world.multiplier.final']), [
      'agents.wealth.mean',
      'world.pot',
      'density',
    ]);
    // A default metrics list names the network's too: those keep their place after the world's.
    assert.deepEqual(plottedSeries(switched, ['density', 'agents.wealth.mean']), [
      'agents.wealth.mean',
      'world.pot',
      'density',
    ]);
    // Titled in the world's words, the key the figure's name.
    const html = seriesSection({ conditions, metrics: ['agents.wealth.mean'] }, switched);
    assert.match(html, /aria-label="agents\.wealth\.mean over rounds"[^>]*>.*?>wealth, mean per agent</);
  });

  it('draws a line and a CI band per condition, a legend, every name escaped, as well-formed SVG', () => {
    const rows = seriesSummary({ conditions, runs });
    const html = seriesSection({ conditions }, rows);
    assert.ok(!html.includes('<script>'));
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    assert.equal(svgs.length, 3);
    for (const svg of svgs) {
      const doc = parseStrictXml(svg, 'image/svg+xml');
      assert.equal(doc.getElementsByTagName('polyline').length, 2, 'a line per condition');
      assert.equal(doc.getElementsByTagName('polygon').length, 2, 'a band per condition');
      const legend = Array.from(doc.getElementsByTagName('title')).map((t) => t.textContent);
      assert.deepEqual(legend, ['low', HOSTILE]);
    }
    // The band holds the CI: at round 2 of the hostile condition, its ends.
    const svg = seriesChartSvg('world.pot', [
      { condition: 'one', rounds: [0, 1], estimates: [estimate([1, 2, 3]), estimate([2, 3, 4])] },
    ]);
    assert.match(svg, /<polygon points="[^"]+" fill="#4e79a7" fill-opacity="0.18"/);
    // A round without a mean breaks the line rather than drawing it through 0.
    const gap = seriesChartSvg('density', [
      {
        condition: 'one',
        rounds: [0, 1, 2, 3],
        estimates: [estimate([0.1]), estimate([]), estimate([0.2, 0.3]), estimate([0.3, 0.4])],
      },
    ]);
    assert.equal((gap.match(/<polyline/g) ?? []).length, 1);
    assert.equal((gap.match(/<circle/g) ?? []).length, 1);
  });

  it('has no section without rounds to draw', () => {
    assert.equal(seriesSection({ conditions }, []), '');
  });
});
