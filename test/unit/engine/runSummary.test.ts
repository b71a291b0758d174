// The closing summary computes only the metrics it shows: they must be the very figures the full
// metric list (analysis/metrics/networkMetrics.ts) gives for the same tie graph.
import * as assert from 'node:assert/strict';
import { graphFromTies } from '../../../src/core/analysis/metrics/graphFromTies';
import { computeNetworkMetrics, type NetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { RewardTally, summarize, summarizeRun, type RunSummary } from '../../../src/core/analysis/report/runSummary';
import { stream } from '../../../src/core/random/rng';
import { makeScenario } from './scenarioFixture';

/** The summary's network figures are computeNetworkMetrics' figures of the same graph. */
function assertSameFigures(s: RunSummary, m: NetworkMetrics): void {
  assert.deepEqual(
    [s.agents, s.ties, s.density, s.reciprocity, s.average_clustering, s.communities, s.median_degree],
    [
      m.nodes,
      m.edges,
      m.density,
      m.reciprocity,
      m.average_clustering,
      m.louvain_communities,
      m.median_undirected_degree,
    ],
  );
}

describe('run summary', () => {
  for (const [agents, rounds] of [
    [30, 12],
    [60, 6],
  ] as const) {
    it(`${agents} agents × ${rounds} rounds: the summary's network figures equal computeNetworkMetrics'`, async () => {
      const sim = Simulation.create(
        makeScenario(agents, { coaching: { enabled: true, every: 1 }, world: { ...makeScenario(1).world, rounds } }),
      );
      const tally = new RewardTally();
      sim.on(tally.listener);
      await sim.run();
      const s = summarizeRun(sim, tally);
      const w = sim.world,
        threshold = w.settings.ties.threshold;
      const ties = [...w.ties.entries()].map(([from, to, strength]) => ({ from, to, strength }));
      const m = computeNetworkMetrics(
        graphFromTies(
          [...w.agents.values()].map((a) => ({ id: a.id, attrs: {} })),
          ties,
          threshold,
        ),
      );
      assert.ok(s.ties > 10, `a run with ties (${s.ties})`);
      assertSameFigures(s, m);
    });
  }

  // `society run` lets the memories go before its summary (cli/run/closingReport.ts): the summary
  // must not need them, and the simulation must not run on without them.
  it('is the same once the memories are let go, and the simulation then refuses to run on', async () => {
    const sim = Simulation.create(makeScenario(20, { world: { ...makeScenario(1).world, rounds: 3 } }));
    const tally = new RewardTally();
    sim.on(tally.listener);
    await sim.run();
    const before = summarizeRun(sim, tally);
    assert.ok([...sim.world.agents.values()].some((a) => a.memories.length > 0));
    sim.forgetMemories();
    assert.ok([...sim.world.agents.values()].every((a) => a.memories.length === 0));
    assert.deepEqual(summarizeRun(sim, tally), before);
    await assert.rejects(sim.run(), /memories were let go/);
    // The agents share one frozen empty stream: a write fails loudly rather than reaching them all.
    const [first, second] = [...sim.world.agents.values()];
    assert.throws(() => sim.world.remember(first, 'observation', 'a late note', 3), TypeError);
    assert.equal(second.memories.length, 0);
  });
  // The summary reads the ties one at a time and keeps only those the graph takes: the same figures
  // as the graph of every tie between known agents, whatever else the list holds.
  it('keeps only the ties the graph takes: self ties, unknown ends, below or at the threshold, NaN', () => {
    const threshold = 0.6;
    for (let seed = 1; seed <= 30; seed++) {
      const rng = stream(seed, 'summaryTies');
      const agents = Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, group: i % 2 ? 'odd' : 'even' }));
      const names = [...agents.map((a) => a.id), 'stranger', 'constructor'];
      const pairs = new Set<string>();
      const ties: [string, string, number][] = [];
      for (let k = 0; k < 60; k++) {
        const from = rng.pick(names),
          to = rng.chance(0.1) ? from : rng.pick(names);
        if (pairs.has(`${from} ${to}`)) continue;
        pairs.add(`${from} ${to}`);
        const strength = rng.chance(0.1) ? NaN : rng.chance(0.1) ? threshold : rng.next();
        ties.push([from, to, strength]);
      }
      const known = new Set(agents.map((a) => a.id));
      const everyKnown = ties
        .filter(([f, t]) => known.has(f) && known.has(t))
        .map(([from, to, strength]) => ({ from, to, strength }));
      const m = computeNetworkMetrics(
        graphFromTies(
          agents.map((a) => ({ id: a.id, attrs: {} })),
          everyKnown,
          threshold,
        ),
      );
      const s = summarize(agents, ties, threshold, {
        social: 0,
        information: 0,
        presentation: 0,
        coordination: 0,
        support: 0,
      });
      assertSameFigures(s, m);
    }
  });
});
