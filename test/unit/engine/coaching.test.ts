// The coaching experiment of Learning to Make Friends, on the offline rule-based model: five seeds,
// coaching on vs off. The effect must emerge from behaviour (advice remembered and acted on).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/load';
import type { Scenario } from '../../../src/core/format/model';
import { Simulation } from '../../../src/core/engine/simulation';
import { RewardTally, summarize, type RunSummary } from '../../../src/core/engine/summary';
import { makeScenario } from './scenarioFixture';

const SEEDS = [1, 2, 3, 4, 5];

async function runOnce(sc: Scenario, seed: number, coached: boolean): Promise<RunSummary> {
  const sim = Simulation.create({ ...sc, coaching: { ...sc.coaching, enabled: coached } }, { seed });
  const tally = new RewardTally();
  sim.on(tally.listener);
  await sim.run();
  return summarize([...sim.world.agents.values()].map((a) => ({ id: a.id, group: a.persona.group })), sim.world.ties.entries(), sc.ties.threshold, tally.means(), seed);
}

const mean = (xs: (number | null)[]): number => xs.reduce<number>((s, x) => s + (x ?? 0), 0) / xs.length;

async function experiment(label: string, sc: Scenario): Promise<{ on: RunSummary[]; off: RunSummary[] }> {
  const on: RunSummary[] = [], off: RunSummary[] = [];
  for (const seed of SEEDS) { off.push(await runOnce(sc, seed, false)); on.push(await runOnce(sc, seed, true)); }
  const row = (name: string, rs: RunSummary[]): string =>
    `    ${label} ${name}: density ${mean(rs.map((r) => r.density)).toFixed(3)}, median degree ${mean(rs.map((r) => r.median_degree)).toFixed(2)}, ` +
    `reciprocity ${mean(rs.map((r) => r.reciprocity)).toFixed(2)} (random ${mean(rs.map((r) => r.baseline.reciprocity)).toFixed(2)}), ` +
    `clustering ${mean(rs.map((r) => r.average_clustering)).toFixed(3)} (random ${mean(rs.map((r) => r.baseline.average_clustering)).toFixed(3)})`;
  console.log(row('coached  ', on));
  console.log(row('uncoached', off));
  return { on, off };
}

function assertCoachingEffect({ on, off }: { on: RunSummary[]; off: RunSummary[] }): void {
  assert.ok(mean(on.map((r) => r.density)) > mean(off.map((r) => r.density)), 'density is higher with coaching');
  assert.ok(mean(on.map((r) => r.median_degree)) > mean(off.map((r) => r.median_degree)), 'median degree is higher with coaching');
  for (const rs of [on, off]) {
    assert.ok(mean(rs.map((r) => r.reciprocity)) > mean(rs.map((r) => r.baseline.reciprocity)), 'reciprocity above a density-matched random graph');
  }
}

describe('coaching experiment (5 seeds, coached vs uncoached)', function () {
  this.timeout(180_000);

  it('the friends example: coaching raises density and median degree; ties are reciprocated beyond chance', async function () {
    const { scenario, diagnostics } = await loadScenarioFile(path.resolve(__dirname, '../../../examples/friends/friends.society'));
    assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
    assert.ok(scenario.personas.length >= 12);
    assertCoachingEffect(await experiment('friends', scenario));
  });

  it('a generated 40-persona society shows the same effect', async () => {
    assertCoachingEffect(await experiment('generated-40', makeScenario(40)));
  });
});
