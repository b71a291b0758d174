// A sampled society (population:, no hand-written personas) on the offline model forms
// reciprocated ties, not only one-way ones. When the evaluation penalised whoever reached out,
// ties ran only from the sought-out to the seeker and every agent kept seeking one admirer: no
// agent was ever held dear by more people than it could seek out in a round (per_round), and
// reciprocity stayed at chance (0 in this society).
import * as assert from 'node:assert/strict';
import type { Scenario } from '../../../src/core/format/model/model';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { RewardTally, summarizeRun } from '../../../src/core/analysis/report/runSummary';
import { makeScenario } from './scenarioFixture';

const PER_ROUND = 2;

function sampledSociety(): Scenario {
  const spread = { beta: { alpha: 2, beta: 2 } },
    any = { uniform: { min: 0, max: 1 } };
  return makeScenario(0, {
    name: 'sampled',
    population: [
      {
        group: 'crowd',
        count: 100,
        id_prefix: 'a',
        names: ['Ana', 'Bo', 'Chen', 'Dee', 'Eli', 'Fay'],
        occupations: ['student', 'nurse', 'engineer'],
        interests: { pool: Array.from({ length: 30 }, (_, i) => `topic${i}`), per_agent: 3 },
        traits: {
          openness: spread,
          extraversion: spread,
          agreeableness: spread,
          conscientiousness: any,
          neuroticism: any,
        },
        motivations: { social: any, information: any, presentation: any, coordination: any, support: any },
      },
    ],
    world: {
      setting: 'An online forum.',
      rounds: 30,
      encounters: { mode: 'recommend', per_round: PER_ROUND, exploration: 0.2 },
      conversation: { turns: 4 },
      rooms: [],
    },
    coaching: { enabled: true, every: 1 },
  });
}

describe('a sampled society on the offline model (100 agents, 30 rounds)', function () {
  it('forms reciprocated ties well beyond chance, and agents held dear by more than they seek out', async () => {
    const sim = Simulation.create(sampledSociety());
    const tally = new RewardTally();
    sim.on(tally.listener);
    await sim.run();
    const threshold = sim.world.settings.ties.threshold;
    const s = summarizeRun(sim, tally);
    assert.ok(s.ties >= 50, `ties ${s.ties}`);
    assert.ok(
      s.reciprocity! > 0.15 && s.reciprocity! > 5 * s.baseline.reciprocity!,
      `reciprocity ${s.reciprocity} vs random ${s.baseline.reciprocity}`,
    );
    const indegree = new Map<string, number>();
    for (const [, to] of sim.world.ties.existing(threshold)) indegree.set(to, (indegree.get(to) ?? 0) + 1);
    assert.ok(Math.max(...indegree.values()) > PER_ROUND, `largest in-degree ${Math.max(...indegree.values())}`);
  });
});
