// An offline decision's work against its match group's size (issue 87): who is ahead was
// measured against the widest gap in the group once per other seen, so a decision read its group's
// holdings group² times (2,327 reads a decision in one group of 48; 400 agents in one group took
// 92 s). Counted, not timed: the reads a decision makes stay within a few times its group.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { decisionWork } from '../../../src/core/engine/phases/act/decisionWork';

const EXAMPLE = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'examples',
  'public-goods-matching',
  'public-goods-matching.society',
);

async function workOf(agents: number, group: number): Promise<{ holdings: number; closings: number }> {
  const { scenario } = await loadScenarioFile(EXAMPLE);
  const s: Scenario = structuredClone(scenario!);
  s.population = s.population.map((p) => ({ ...p, count: agents }));
  s.world = { ...s.world, rounds: 2 };
  s.mechanics = { ...s.mechanics!, matching: { ...s.mechanics!.matching!, size: group } };
  decisionWork.holdings = 0;
  decisionWork.closings = 0;
  await Simulation.create(s).run();
  const decisions = agents * 2;
  return { holdings: decisionWork.holdings / decisions, closings: decisionWork.closings / decisions };
}

describe('an offline decision reads its group once, not once per member (issue 87)', function () {
  it('holdings read per decision grow with the group, not with its square', async () => {
    for (const group of [4, 12, 48]) {
      const { holdings } = await workOf(48, group);
      // The yardstick (every other member), the decider's own, and each shown other's: ≈ 2 × group.
      assert.ok(holdings > 0, `groups of ${group}: the decision read no holdings (nothing counted)`);
      assert.ok(holdings <= 2 * group + 8, `groups of ${group}: ${holdings.toFixed(1)} holdings read a decision`);
    }
  });

  it('a close is foreseen again only for those whose match saw a move (groups of 4: 22 a decision, was 28)', async () => {
    const small = await workOf(48, 4);
    // Each option's close is worked out for the decider and its 3 partners, not for the 29 others
    // foreseen who play elsewhere: their close reads only their own group, which did not move.
    assert.ok(small.closings <= 25, `${small.closings.toFixed(1)} closes a decision in groups of 4`);
  });
});
