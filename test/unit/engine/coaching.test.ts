// The coaching experiment of Learning to Make Friends on the friends example (16 personas) with
// the offline rule-based model: five seeds, coaching on vs off. Asserted, as the paper reports:
// coaching raises density and median degree, and the networks are more reciprocal and more
// clustered than a density-matched random directed graph. Every effect has to emerge from
// behaviour: advice remembered and acted on, partner choice, ratings and introductions.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { RewardTally, summarizeRun, type RunSummary } from '../../../src/core/analysis/report/runSummary';

const SEEDS = [1, 2, 3, 4, 5];

async function runOnce(sc: Scenario, seed: number, coached: boolean): Promise<RunSummary> {
  const sim = Simulation.create({ ...sc, coaching: { ...sc.coaching, enabled: coached } }, { seed });
  const tally = new RewardTally();
  sim.on(tally.listener);
  await sim.run();
  return summarizeRun(sim, tally);
}

const mean = (xs: (number | null)[]): number => xs.reduce<number>((s, x) => s + (x ?? 0), 0) / xs.length;

interface Condition {
  density: number;
  median_degree: number;
  reciprocity: number;
  reciprocity_random: number;
  clustering: number;
  clustering_random: number;
}

function condition(rs: RunSummary[]): Condition {
  return {
    density: mean(rs.map((r) => r.density)),
    median_degree: mean(rs.map((r) => r.median_degree)),
    reciprocity: mean(rs.map((r) => r.reciprocity)),
    reciprocity_random: mean(rs.map((r) => r.baseline.reciprocity)),
    clustering: mean(rs.map((r) => r.average_clustering)),
    clustering_random: mean(rs.map((r) => r.baseline.average_clustering)),
  };
}

function table(rows: [string, Condition][]): string {
  const f = (x: number, d = 3): string => x.toFixed(d);
  return [
    '    condition   density  median degree  reciprocity (random)  avg clustering (random)',
    ...rows.map(
      ([name, c]) =>
        `    ${name.padEnd(10)}  ${f(c.density)}    ${f(c.median_degree, 2).padStart(5)}          ${f(c.reciprocity, 2)} (${f(c.reciprocity_random, 2)})           ${f(c.clustering)} (${f(c.clustering_random)})`,
    ),
  ].join('\n');
}

describe('coaching experiment (friends example, 5 seeds, coached vs uncoached)', function () {
  let on: Condition, off: Condition;

  before(async () => {
    const { scenario, diagnostics } = await loadScenarioFile(
      path.resolve(__dirname, '../../../examples/friends/friends.society'),
    );
    assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
    assert.equal(scenario.personas.length, 16);
    const coached: RunSummary[] = [],
      uncoached: RunSummary[] = [];
    for (const seed of SEEDS) {
      coached.push(await runOnce(scenario, seed, true));
      uncoached.push(await runOnce(scenario, seed, false));
    }
    on = condition(coached);
    off = condition(uncoached);
    console.log(
      table([
        ['coached', on],
        ['uncoached', off],
      ]),
    );
  });

  it('coaching raises density and median degree', () => {
    assert.ok(on.density > off.density, `density ${on.density} vs ${off.density}`);
    assert.ok(on.median_degree > off.median_degree, `median degree ${on.median_degree} vs ${off.median_degree}`);
  });

  it('ties are reciprocated beyond chance, coached or not', () => {
    for (const [name, c] of [
      ['coached', on],
      ['uncoached', off],
    ] as const) {
      assert.ok(
        c.reciprocity > c.reciprocity_random,
        `${name}: reciprocity ${c.reciprocity} vs random ${c.reciprocity_random}`,
      );
    }
  });

  it('ties cluster beyond chance (triadic closure), coached or not', () => {
    for (const [name, c] of [
      ['coached', on],
      ['uncoached', off],
    ] as const) {
      assert.ok(
        c.clustering > c.clustering_random,
        `${name}: clustering ${c.clustering} vs random ${c.clustering_random}`,
      );
    }
  });
});
