// The model's rule: coaching acts only through memory. The coach's advice reaches an agent as a
// memory it may retrieve and act on; nothing else of coaching may touch choices, ratings or ties.
// With the advice memories withheld (the coach still runs and its advice events are written),
// coached and uncoached runs must end identical, seed by seed; with them, coaching must show.
// A change that lets coaching act another way (a tie bonus, a reward, a partner nudge) fails here.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { RewardTally } from '../../../src/core/engine/society/rewardTally';
import type { TieTriple } from '../../../src/core/engine/society/ties';
import type { TraceEvent } from '../../../src/core/trace/events';
import { replay } from '../../../src/core/replay/replay';
import { tieNetworkOf } from '../../../src/core/analysis/metrics/traceNetwork';
import { computeNetworkMetrics, type NetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';

const SEEDS = [1, 2, 3, 4, 5];

interface Outcome {
  /** Network metrics of the tie graph the trace replays to (as `society metrics` computes them). */
  metrics: NetworkMetrics;
  /** Every tie change in the trace (evaluations and decay), in order. */
  tieChanges: string[];
  /** The engine's final tie table, every tie at any strength, with the round it last moved. */
  ties: TieTriple[];
  rewards: unknown;
  /** Every event but the coach's own (`advice`), call counts (`usage`) left out. */
  rest: string[];
  advice: number;
  adviceMemories: number;
}

async function run(sc: Scenario, seed: number, coached: boolean, withhold = false): Promise<Outcome> {
  const sim = Simulation.create(
    { ...sc, coaching: { ...sc.coaching, enabled: coached } },
    { seed, withholdAdviceMemories: withhold },
  );
  const tally = new RewardTally();
  sim.on(tally.listener);
  const events: TraceEvent[] = [];
  sim.on((e) => events.push(e));
  await sim.run();
  const noUsage = (e: TraceEvent): string => JSON.stringify(e, (k, v: unknown) => (k === 'usage' ? undefined : v));
  return {
    metrics: computeNetworkMetrics(tieNetworkOf(replay(sim.header, events))),
    tieChanges: events.filter((e) => e.type === 'tie' || e.type === 'tie_decay').map((e) => JSON.stringify(e)),
    ties: [...sim.world.ties.entries()],
    rewards: tally.means(),
    rest: events.filter((e) => e.type !== 'advice').map(noUsage),
    advice: events.filter((e) => e.type === 'advice').length,
    adviceMemories: events.filter((e) => e.type === 'memory' && e.memory.kind === 'advice').length,
  };
}

describe('coaching acts only through memory (friends example, offline model)', function () {
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
      assert.equal(withheld.adviceMemories, 0, `seed ${seed}: no advice was remembered`);
      assert.equal(uncoached.advice, 0);
      assert.deepEqual(withheld.metrics, uncoached.metrics, `seed ${seed}: network metrics`);
      assert.deepEqual(withheld.tieChanges, uncoached.tieChanges, `seed ${seed}: tie changes`);
      assert.deepEqual(withheld.ties, uncoached.ties, `seed ${seed}: tie strengths`);
      assert.deepEqual(withheld.rewards, uncoached.rewards, `seed ${seed}: reward means`);
      // Conversations, evaluations, memories and reflections too: only the advice itself is new.
      assert.ok(
        withheld.rest.length === uncoached.rest.length && withheld.rest.every((e, i) => e === uncoached.rest[i]),
        `seed ${seed}: the trace without advice differs from the uncoached one first at ${firstDifference(withheld.rest, uncoached.rest)}`,
      );
    }
  });

  it('with advice remembered, coaching changes the network', async () => {
    let differ = 0;
    for (const seed of SEEDS) {
      const coached = await run(scenario, seed, true);
      const uncoached = await run(scenario, seed, false);
      assert.ok(
        coached.adviceMemories > 0 && coached.adviceMemories === coached.advice,
        `seed ${seed}: each advice was remembered (${coached.adviceMemories} of ${coached.advice})`,
      );
      if (JSON.stringify(coached.metrics) !== JSON.stringify(uncoached.metrics)) differ++;
    }
    assert.ok(differ >= SEEDS.length - 1, `coaching changed the network in ${differ} of ${SEEDS.length} seeds`);
  });
});

function firstDifference(a: string[], b: string[]): string {
  const i = a.findIndex((e, k) => e !== b[k]);
  const at = i < 0 ? Math.min(a.length, b.length) : i;
  return `event ${at}:\n  coached, advice withheld: ${a[at] ?? '(none)'}\n  uncoached:                ${b[at] ?? '(none)'}`;
}
