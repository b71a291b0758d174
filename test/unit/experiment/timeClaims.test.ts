// A claim on a time-to-threshold outcome gets a verdict (issue 45): "more encounters a round spread
// the rumour to half the town sooner" is `knowledge.rumour.share.reaches.0.5` higher where people
// meet less. Runs of a small town on the offline model, 2 conditions × 4 seeds; each run's series
// is built here from its trace (runs record their own series once `OutcomeInput.series` is filled
// in runOne), and the time outcomes are read from it as runOutcome reads them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { runOne } from '../../../src/core/experiment/runOne';
import { runOutcome, type RunOutcome } from '../../../src/core/experiment/outcome';
import { analyzeExperiment } from '../../../src/core/experiment/analyze';
import { formatExperiment, renderExperimentHtml } from '../../../src/core/experiment';
import { timeOutcomes } from '../../../src/core/analysis/metrics/timeOutcomes';
import type { RunSeries } from '../../../src/core/analysis/metrics/runSeries';
import { wantedTimeOutcomes } from '../../../src/core/format/model/timeOutcomeNames';
import { Knowers } from '../../../src/core/trace/knowers';
import type { TraceEvent } from '../../../src/core/trace/events';
import { scratchDir } from '../../support/scratch';

const ROUNDS = 6;
const SCENARIO = `kind: scenario
name: rumour mill
world: { rounds: ${ROUNDS}, encounters: { mode: random, per_round: 1 }, conversation: { turns: 4 } }
coaching: { enabled: false }
personas:
${['ana', 'bo', 'cy', 'di', 'ed', 'fi', 'gu', 'hal']
  .map((id) => `  - { id: ${id}, name: ${id.toUpperCase()}, traits: { extraversion: 0.9, agreeableness: 0.2 } }`)
  .join('\n')}
knowledge:
  rumour: { text: "The mill is closing.", kind: rumour, source: ana, appeal: 0.9 }
experiment:
  seeds: [1, 2, 3, 4]
  conditions:
    - { name: sparse, set: {} }
    - { name: busy, set: { world.encounters.per_round: 4 } }
  claims:
    - metric: knowledge.rumour.share.reaches.0.5
      higher: sparse
      than: busy
      text: Meeting more often spreads the rumour to half the town sooner
`;

/** `knowledge.rumour.share` after each round of a trace, round 0 the start. */
function seriesOf(trace: string): RunSeries {
  const knowers = new Knowers(['rumour']);
  const s: RunSeries = { rounds: [], metrics: { 'knowledge.rumour.share': [] } };
  const mark = (round: number): void => {
    s.rounds.push(round);
    s.metrics['knowledge.rumour.share'].push(knowers.share('rumour'));
  };
  for (const line of trace.trim().split('\n')) {
    const e = JSON.parse(line) as TraceEvent;
    if (e.type === 'round_start' && e.round === 1) mark(0);
    knowers.add(e);
    if (e.type === 'round_end') mark(e.round);
  }
  return s;
}

describe('a claim on a time-to-threshold outcome', function () {
  it('is decided across conditions, and the report says the outcome in words', async () => {
    const dir = scratchDir('society-time-claims-');
    const file = path.join(dir, 'rumour.society');
    fs.writeFileSync(file, SCENARIO);
    const { scenario, diagnostics } = await loadScenarioFile(file, { root: dir });
    assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
    assert.deepEqual(
      diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.message}`),
      [],
    );
    const wanted = wantedTimeOutcomes(scenario.experiment);
    assert.deepEqual(wanted, ['knowledge.rumour.share.reaches.0.5']);
    const runs: RunOutcome[] = [];
    for (const seed of scenario.experiment!.seeds) {
      for (const condition of scenario.experiment!.conditions) {
        const tracePath = path.join(dir, `${condition.name}-${seed}.jsonl`);
        const run = await runOne(scenario, condition, seed, { tracePath });
        const series = seriesOf(fs.readFileSync(tracePath, 'utf8'));
        Object.assign(run.metrics, timeOutcomes(series, wanted));
        runs.push(run);
      }
    }
    const times = (c: string): (number | null)[] =>
      runs.filter((r) => r.condition === c).map((r) => r.metrics['knowledge.rumour.share.reaches.0.5']);
    // Every run has a round (or is censored at ROUNDS + 1): none is left undefined.
    for (const t of [...times('sparse'), ...times('busy')]) {
      assert.ok(t !== null && t >= 1 && t <= ROUNDS + 1, String(t));
    }
    const r = analyzeExperiment(scenario.name, scenario.experiment!.conditions, scenario.experiment!.seeds, runs, {
      claims: scenario.experiment!.claims,
      metrics: scenario.experiment!.metrics,
    });
    assert.ok(r.metrics.includes('knowledge.rumour.share.reaches.0.5'));
    const [claim] = r.claims.filter((c) => c.family === 'declared');
    assert.equal(claim.text, 'Meeting more often spreads the rumour to half the town sooner');
    assert.notEqual(claim.holds, null, `${claim.reason}: ${claim.evidence}`);
    const mean = (xs: (number | null)[]): number => xs.reduce<number>((a, b) => a + b!, 0) / xs.length;
    assert.equal(claim.holds, mean(times('sparse')) > mean(times('busy')));
    assert.match(claim.evidence, /^sparse − busy = /);
    assert.ok(claim.p !== undefined);
    assert.match(formatExperiment(r), /Meeting more often spreads the rumour to half the town sooner/);
    const html = renderExperimentHtml(r, { model: 'offline', rounds: ROUNDS, wallSeconds: 1 });
    assert.match(html, /First round knowledge\.rumour\.share ≥ 0\.5/);
  });

  it('runOutcome reads the time outcomes the experiment names from the series it is given', () => {
    const base = {
      agents: [{ id: 'a' }, { id: 'b' }],
      ties: [] as [string, string, number][],
      threshold: 0.5,
      rewardMeans: { social: 0, information: 0, presentation: 0, coordination: 0, support: 0 },
      rewardTotal: 0,
      rounds: [],
      usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    };
    const series: RunSeries = { rounds: [0, 1, 2], metrics: { 'world.fish': [10, 6, 2] } };
    const names = ['world.fish.falls.5', 'world.fish.at.r1', 'world.fish.reaches.11'];
    const o = runOutcome('c', 1, { ...base, series, timeOutcomes: names }, 0);
    assert.equal(o.metrics['world.fish.falls.5'], 2);
    assert.equal(o.metrics['world.fish.at.r1'], 6);
    assert.equal(o.metrics['world.fish.reaches.11'], 3);
    // Without a series (runs before series are recorded), none: a claim says "no run measured".
    const none = runOutcome('c', 1, { ...base, timeOutcomes: names }, 0);
    assert.equal('world.fish.falls.5' in none.metrics, false);
  });
});
