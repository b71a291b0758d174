// The model's rule: coaching acts only through memory. The coach's advice reaches an agent as a
// memory it may retrieve and act on; nothing else of coaching may touch choices, ratings or ties.
// With the advice memories withheld (the coach still runs and its advice events are written),
// coached and uncoached runs must end identical, seed by seed; with them, coaching must show.
// A change that lets coaching act another way (a tie bonus, a reward, a partner nudge) fails here.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/language/load';
import type { Scenario } from '../../../src/core/format/language/model';
import { Simulation } from '../../../src/core/engine/simulation';
import { RewardTally } from '../../../src/core/engine/rewardTally';
import { graphFromTies } from '../../../src/core/analysis/metrics/graphFromTies';
import { computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';

const SEEDS = [1, 2, 3, 4, 5];

interface Outcome { metrics: unknown; ties: [string, string, number][]; rewards: unknown; advice: number }

async function run(sc: Scenario, seed: number, coached: boolean, withhold = false): Promise<Outcome> {
  const sim = Simulation.create({ ...sc, coaching: { ...sc.coaching, enabled: coached } }, { seed, withholdAdviceMemories: withhold });
  const tally = new RewardTally();
  sim.on(tally.listener);
  let advice = 0;
  sim.on((e) => { if (e.type === 'advice') advice++; });
  await sim.run();
  const w = sim.world;
  const threshold = w.settings.ties.threshold;
  const agents = [...w.agents.values()].map((a) => ({ id: a.id, attrs: a.persona.group ? { group: a.persona.group } : {} }));
  const ties = w.ties.existing(threshold).map(([from, to, strength]) => [from, to, strength] as [string, string, number]);
  const graph = graphFromTies(agents, ties.map(([from, to, strength]) => ({ from, to, strength })), threshold);
  return { metrics: computeNetworkMetrics(graph), ties, rewards: tally.means(), advice };
}

describe('coaching acts only through memory (friends example, offline model)', function () {
  this.timeout(180_000);
  let scenario: Scenario;

  before(async () => {
    const loaded = await loadScenarioFile(path.resolve(__dirname, '../../../examples/friends/friends.society'));
    assert.ok(loaded.scenario, loaded.diagnostics.map((d) => d.message).join('\n'));
    scenario = loaded.scenario;
  });

  it('with advice memories withheld, coached runs equal uncoached ones in every seed, though the coach advised', async () => {
    for (const seed of SEEDS) {
      const withheld = await run(scenario, seed, true, true);
      const uncoached = await run(scenario, seed, false);
      assert.ok(withheld.advice > 0, `seed ${seed}: the coach advised (${withheld.advice} advice events)`);
      assert.equal(uncoached.advice, 0);
      assert.deepEqual(withheld.metrics, uncoached.metrics, `seed ${seed}: network metrics`);
      assert.deepEqual(withheld.ties, uncoached.ties, `seed ${seed}: tie strengths`);
      assert.deepEqual(withheld.rewards, uncoached.rewards, `seed ${seed}: reward means`);
    }
  });

  it('with advice remembered, coaching changes the network', async () => {
    let differ = 0;
    for (const seed of SEEDS) {
      const coached = await run(scenario, seed, true);
      const uncoached = await run(scenario, seed, false);
      if (JSON.stringify(coached.metrics) !== JSON.stringify(uncoached.metrics)) differ++;
    }
    assert.ok(differ >= SEEDS.length - 1, `coaching changed the network in ${differ} of ${SEEDS.length} seeds`);
  });
});
