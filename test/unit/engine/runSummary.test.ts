// The closing summary computes only the metrics it shows: they must be the very figures the full
// metric list (analysis/metrics/networkMetrics.ts) gives for the same tie graph.
import * as assert from 'node:assert/strict';
import { graphFromTies } from '../../../src/core/analysis/metrics/graphFromTies';
import { computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { RewardTally, summarizeRun } from '../../../src/core/analysis/report/runSummary';
import { makeScenario } from './scenarioFixture';

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
  });
});
