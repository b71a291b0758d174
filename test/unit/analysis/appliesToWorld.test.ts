// Every view shows only what applies to the world it shows (issue 59): a public goods game (actions
// alone: no tie, no reward) through `society report`, the experiment report and `society compare`
// shows no tie network, tie threshold, ties section, network or reward row; the friend-making
// example, which forms ties and rewards its agents, still shows every one of them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareRuns, type TraceInMemory } from '../../../src/core/analysis/compare/compareRuns';
import { formatRunComparison } from '../../../src/core/analysis/compare/compareText';
import { runComparisonHtml } from '../../../src/core/analysis/compare/compareHtml';
import { buildRunReport } from '../../../src/core/analysis/report/reportModel';
import { renderReportHtml } from '../../../src/core/analysis/report/reportHtml';
import { declaredOutcomes } from '../../../src/core/analysis/metrics/runTally';
import { scenarioFacts, TraceFacts } from '../../../src/core/analysis/metrics/table/applies';
import { NAMED_METRICS } from '../../../src/core/analysis/metrics/table/metrics';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { runExperiment } from '../../../src/core/experiment';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import type { TraceEvent } from '../../../src/core/trace/events';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');

async function example(name: string): Promise<Scenario> {
  const { scenario } = await loadScenarioFile(path.join(repo, `examples/${name}/${name}.society`), { root: repo });
  assert.ok(scenario);
  return scenario;
}

async function run(scenario: Scenario, seed: number): Promise<TraceInMemory> {
  const sim = Simulation.create(scenario, { seed, rounds: 3 });
  const events: TraceEvent[] = [];
  sim.on((e) => events.push(structuredClone(e)));
  await sim.run();
  const declared = declaredOutcomes(scenario);
  return { label: `seed ${seed}`, header: sim.header, events, ...(declared ? { declared } : {}) };
}

/** The metrics that need ties or rewards: none of them may show in a world without either. */
const LEFTOVERS = NAMED_METRICS.filter((m) => m.needs.length > 0).map((m) => m.name);
const leftovers = (names: Iterable<string>): string[] => [...names].filter((n) => LEFTOVERS.includes(n));

/** Views of two runs of one example: compared (text, page), reported, and an experiment's report. */
async function views(name: string) {
  const scenario = await example(name);
  const [a, b] = [await run(scenario, 1), await run(scenario, 2)];
  const comparison = await compareRuns(a, b);
  const report = buildRunReport(a.header, a.events, a.declared ? { declared: a.declared } : {});
  const dir = scratchDir(`society-applies-${name}-`);
  const experiment = await runExperiment(scenario, { outDir: dir, seeds: [1, 2], rounds: 3, jobs: 1, traces: false });
  const file = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return {
    scenario,
    trace: a,
    comparison,
    compareText: formatRunComparison(comparison),
    comparePage: runComparisonHtml(comparison),
    report,
    reportPage: renderReportHtml(report),
    experiment: experiment.result,
    experimentPage: file('experiment.html'),
    seriesCsv: file('series.csv'),
    runsCsv: file('runs.csv'),
  };
}

describe('views show only what applies to the world', function () {
  it('reads a world from its scenario and from its trace: a public goods game has no ties and no rewards', async () => {
    const goods = await example('public-goods');
    assert.deepEqual(scenarioFacts(goods), { ties: false, rewards: false });
    assert.deepEqual(scenarioFacts(await example('friends')), { ties: true, rewards: true });
    const facts = new TraceFacts();
    for (const e of (await run(goods, 1)).events) facts.add(e);
    assert.deepEqual(facts.facts(), { ties: false, rewards: false });
  });

  it('a town whose residents meet and rate without a tie reaching the threshold: no network views', async () => {
    const dir = scratchDir('society-applies-town-');
    const file = path.join(dir, 'town.society');
    const town = fs.readFileSync(path.join(repo, 'examples/town/town.society'), 'utf8');
    fs.writeFileSync(file, town.replace(/\n {4}relationships: \[.*\]\n/g, '\n'));
    const { scenario } = await loadScenarioFile(file, { root: dir });
    assert.ok(scenario && scenario.personas.every((p) => p.relationships.length === 0));
    const [a, b] = [await run(scenario, 1), await run(scenario, 2)];
    assert.ok(a.events.some((e) => e.type === 'evaluation') && a.events.some((e) => e.type === 'tie'), 'they rate');
    const report = buildRunReport(a.header, a.events, a.declared ? { declared: a.declared } : {});
    assert.deepEqual(report.world, { ties: false, rewards: true });
    // Its tie settings still say how ratings move ties; only the empty network is not measured.
    const page = renderReportHtml(report);
    assert.doesNotMatch(page, /Tie network|Network metrics/);
    assert.match(page, /<dt>Tie threshold<\/dt>/);
    const c = await compareRuns(a, b);
    assert.equal(c.ties, undefined);
    assert.deepEqual(leftovers(Object.keys(c.outcomes)), [
      'mean_reward',
      ...LEFTOVERS.filter((n) => n.startsWith('reward_')),
    ]);
  });

  it('a public goods game: no tie or reward leftovers in compare, report or experiment report', async () => {
    const v = await views('public-goods');
    // compare: outcomes and series, text and page
    assert.deepEqual(leftovers(Object.keys(v.comparison.outcomes)), []);
    assert.deepEqual(leftovers(Object.keys(v.comparison.series.metrics)), []);
    assert.ok('world.contributed.final' in v.comparison.outcomes, 'the declared state stays');
    assert.equal(v.comparison.ties, undefined);
    assert.equal(v.comparison.a.threshold, undefined);
    assert.doesNotMatch(v.compareText, /ties at the end|only in A/);
    assert.deepEqual(leftovers(v.compareText.split('\n').map((l) => l.split(/\s+/)[0])), []);
    assert.doesNotMatch(v.comparePage, /tie threshold|Ties at the end/i);
    // society report
    assert.deepEqual(v.report.world, { ties: false, rewards: false });
    assert.doesNotMatch(v.reportPage, /Tie network|Network metrics|<h2>Rewards|Tie threshold|Reward weights/);
    // Nobody met: the default encounter settings ("1 conversation started per agent and round") did not apply.
    assert.equal(v.report.meets, false);
    assert.doesNotMatch(v.reportPage, /<dt>Encounters<\/dt>/);
    assert.match(v.reportPage, /<h2>World state<\/h2>/);
    // the experiment report and its files
    assert.deepEqual(leftovers(v.experiment.metrics), []);
    assert.deepEqual(v.experiment.baselines, []);
    assert.doesNotMatch(v.experimentPage, /Against random graphs|"random"/);
    assert.deepEqual(leftovers(v.experimentPage.match(/(?<=<strong>)[a-z_]+(?=<\/strong>)/g) ?? []), []);
    assert.deepEqual(leftovers(v.seriesCsv.split('\n').map((l) => l.split(',')[2])), []);
    assert.deepEqual(leftovers(v.runsCsv.split('\n')[0].split(',')), []);
    assert.deepEqual(
      v.runsCsv
        .split('\n')[0]
        .split(',')
        .filter((c) => /^(random|degree_preserving)_/.test(c)),
      [],
    );
  });

  it('the friend-making example still shows every tie and reward view', async () => {
    const v = await views('friends');
    for (const name of ['density', 'average_clustering', 'ties', 'mean_reward', 'reward_social']) {
      assert.ok(name in v.comparison.outcomes, name);
    }
    for (const name of ['density', 'ties', 'louvain_modularity', 'mean_reward']) {
      assert.ok(name in v.comparison.series.metrics, name);
    }
    assert.ok(v.comparison.ties);
    assert.equal(v.comparison.a.threshold, v.scenario.ties.threshold);
    assert.match(v.compareText, /ties at the end: \d+ in both/);
    assert.match(v.comparePage, /<th>tie threshold<\/th>/);
    assert.match(v.comparePage, /<h2>Ties at the end<\/h2>/);
    assert.match(v.reportPage, /<dt>Encounters<\/dt><dd>a recommender/);
    assert.deepEqual(v.report.world, { ties: true, rewards: true });
    for (const h of ['Tie network', 'Network metrics', 'Over rounds', 'Rewards']) {
      assert.match(v.reportPage, new RegExp(`<h2>${h}</h2>`), h);
    }
    assert.match(v.reportPage, /Tie threshold/);
    assert.ok(v.experiment.metrics.includes('density'));
    assert.ok(v.experiment.baselines.length > 0);
    assert.match(v.experimentPage, /<h2>Against random graphs<\/h2>/);
    assert.match(v.runsCsv.split('\n')[0], /random_reciprocity/);
    assert.match(v.seriesCsv, /,density,/);
  });
});
