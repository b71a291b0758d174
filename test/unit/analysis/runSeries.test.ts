// Outcomes over time (issue 45): a run's series of every declared quantity and network metric,
// tallied from its events as they come (the run and experiments) and from its finished trace (the
// report) by the same code. Checked round by round against the trace's own state events and the
// network metrics of that round's ties.
import * as assert from 'node:assert/strict';
import { scenarioFromText } from '../engine/traceHelpers';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { runOne } from '../../../src/core/experiment/runOne';
import { declaredOutcomes, RunTally } from '../../../src/core/analysis/metrics/runTally';
import { gini } from '../../../src/core/analysis/metrics/stateTally';
import { computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';
import { tieNetworkOf } from '../../../src/core/analysis/metrics/traceNetwork';
import { replay } from '../../../src/core/replay/replay';
import type { Scenario } from '../../../src/core/format/model/model';
import type { TraceEvent, TraceHeader } from '../../../src/core/trace/events';
import { GOODS_FRIENDS } from './goodsFriends';
import { seriesNames } from '../../../src/core/format/model/timeOutcomeNames';

async function traceOfScenario(scenario: Scenario): Promise<{ header: TraceHeader; events: TraceEvent[] }> {
  const sim = Simulation.create(scenario);
  const events: TraceEvent[] = [];
  sim.on((e) => events.push(structuredClone(e)));
  await sim.run();
  return { header: sim.header, events };
}

const near = (a: number | null | undefined, b: number | null | undefined, what: string): void => {
  if (a === null || b === null || a === undefined || b === undefined) assert.equal(a ?? null, b ?? null, what);
  else assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);
};

describe('a run’s series over rounds (RunTally)', function () {
  it('holds each round’s declared state and tie-network metrics, round 0 the start', async () => {
    const scenario = await scenarioFromText(GOODS_FRIENDS);
    const { header, events } = await traceOfScenario(scenario);
    const tally = new RunTally(header, declaredOutcomes(scenario));
    for (const e of events) tally.add(e);
    const s = tally.series();
    assert.deepEqual(s.rounds, [0, 1, 2, 3, 4, 5, 6]);
    // `bonus` is written by nothing: no course to report, as the final outcomes.
    assert.ok(!('world.bonus' in s.metrics));
    const checkable = new Set(seriesNames(scenario.mechanics!));
    for (const name of Object.keys(s.metrics)) assert.ok(checkable.has(name), `${name} is not a series SOC103 knows`);
    const wealth = new Map<string, number>();
    for (const [i, round] of s.rounds.entries()) {
      const state = events.filter((e) => e.type === 'state' && e.round === round);
      assert.equal(state.length, 1);
      const st = state[0] as Extract<TraceEvent, { type: 'state' }>;
      near(s.metrics['world.pot'][i], st.world.pot, `pot after round ${round}`);
      for (const [id, v] of Object.entries(st.agents)) wealth.set(id, v.wealth);
      const xs = [...wealth.values()];
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      near(s.metrics['agents.wealth.mean'][i], mean, `mean wealth after round ${round}`);
      near(
        s.metrics['agents.wealth.sd'][i],
        Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length),
        `sd of wealth after round ${round}`,
      );
      near(s.metrics['agents.wealth.gini'][i], gini(xs), `gini of wealth after round ${round}`);
      // The network: the metrics of the ties as replayed to that round's end.
      const m = computeNetworkMetrics(tieNetworkOf(replay(header, events, round)));
      for (const k of [
        'density',
        'reciprocity',
        'average_clustering',
        'transitivity',
        'median_undirected_degree',
        'louvain_modularity',
      ] as const) {
        near(s.metrics[k][i], m[k], `${k} after round ${round}`);
      }
      assert.equal(s.metrics.ties[i], m.edges);
      const end = events.find((e) => e.type === 'round_end' && e.round === round) as Extract<
        TraceEvent,
        { type: 'round_end' }
      >;
      assert.equal(s.metrics.mean_reward[i], end.stats.mean_reward);
      assert.equal(s.metrics.ties[i], end.stats.ties);
    }
    assert.ok((s.metrics.ties.at(-1) ?? 0) > 0, 'friends were made');
    assert.ok((s.metrics['world.pot'].at(-1) ?? 0) > 0, 'the pot was filled');
    // The last value of each series is the final outcome.
    const finals = tally.state(6)!;
    assert.equal(s.metrics['world.pot'].at(-1), finals['world.pot.final']);
    assert.equal(s.metrics['agents.wealth.gini'].at(-1), finals['agents.wealth.gini']);
  });

  it('is the same live (an experiment’s run) as read back from the trace', async () => {
    const scenario = await scenarioFromText(GOODS_FRIENDS);
    const { header, events } = await traceOfScenario(scenario);
    const tally = new RunTally(header, declaredOutcomes(scenario));
    for (const e of events) tally.add(e);
    const outcome = await runOne(scenario, { name: 'as written', set: {} }, scenario.seed ?? 3);
    assert.deepEqual(outcome.series, tally.series());
    assert.equal(outcome.metrics.density, outcome.series!.metrics.density.at(-1));
    assert.equal(outcome.metrics.louvain_modularity, outcome.series!.metrics.louvain_modularity.at(-1));
  });

  it('gives knowledge shares and acquaintance density per round where knowledge is declared', async () => {
    const scenario = await scenarioFromText(`kind: scenario
name: Gossip
seed: 7
world: { rounds: 4, encounters: { mode: random, per_round: 1 }, conversation: { turns: 4 } }
personas:
  - { id: isa, name: Isa, interests: [parties], traits: { extraversion: 0.9 } }
  - { id: ana, name: Ana, interests: [parties], traits: { extraversion: 0.9 } }
  - { id: bo, name: Bo, interests: [parties], traits: { extraversion: 0.9 } }
  - { id: cy, name: Cy, interests: [parties], traits: { extraversion: 0.9 } }
knowledge:
  party: { text: "Isa throws a party on Friday.", source: isa, about: [parties] }
`);
    const { header, events } = await traceOfScenario(scenario);
    const tally = new RunTally(header, declaredOutcomes(scenario));
    for (const e of events) tally.add(e);
    const s = tally.series();
    const known = s.metrics['knowledge.party.known'];
    assert.equal(known[0], 1, 'the source knows it at the start');
    for (const [i, round] of s.rounds.entries()) {
      const learned = events.filter((e) => e.type === 'learned' && e.round <= round).length;
      assert.equal(known[i], learned);
      near(s.metrics['knowledge.party.share'][i], learned / 4, `share after round ${round}`);
    }
    // Every series a run records is one `society check` knows for time outcomes (SOC103).
    const checkable = new Set(seriesNames(scenario.mechanics!));
    for (const name of Object.keys(s.metrics)) assert.ok(checkable.has(name), name);
    assert.equal(s.metrics.acquaintance_density[0], 0);
    assert.equal(s.metrics.acquaintance_density.at(-1), tally.state(4)!.acquaintance_density);
  });
});
