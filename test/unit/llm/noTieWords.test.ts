// Issue 88: no friendship words where the world has no ties. A public goods game's prompts and the
// Play panel said "your tie 0.00" of every player, and the debugger's Variables showed `met` and
// `ratedBy` (empty) for every agent; a world with ties keeps them.
import * as assert from 'node:assert/strict';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { withOverrides } from '../../../src/core/experiment/overrides';
import { promptValues } from '../../../src/core/llm/prompts/values';
import { questionOf } from '../../../src/core/llm/human/question';
import { DEFAULT_TEMPLATES } from '../../../src/core/llm/prompts/defaults';
import { agentState } from '../../../src/core/debug/inspect';
import { DecisionLog } from '../../../src/core/debug/decisionLog';
import type { ActRequest, ChoosePartnerRequest, DecisionRequest } from '../../../src/core/llm/types';
import { example } from '../engine/traceHelpers';
import { recordingFactory } from '../engine/recordingModels';

async function run(file: string, rounds: number) {
  const requests: DecisionRequest[] = [];
  const scenario = withOverrides(await example(file), { 'world.rounds': rounds });
  const sim = Simulation.create(scenario, { modelFactory: recordingFactory((req) => requests.push(req)) });
  await sim.run();
  return { sim, requests };
}

describe('no friendship words without ties (issue 88)', function () {
  it("a public goods game's act prompts and Variables say nothing of ties", async () => {
    const { sim, requests } = await run('public-goods/public-goods.society', 2);
    const acts = requests.filter((r): r is ActRequest => r.kind === 'act');
    assert.ok(acts.length > 0 && acts.every((r) => r.others.every((o) => o.tie === 0)));
    for (const r of acts) {
      const others = String(promptValues(r, { rounds: 2, layout: 'handbook' }).others);
      assert.ok(others.includes('(id '), others);
      assert.doesNotMatch(others, /tie/);
    }
    const state = agentState(sim, [...sim.world.agents.keys()][0], new DecisionLog());
    assert.ok(!('met' in state) && !('ratedBy' in state) && !('ties' in state), Object.keys(state).join(', '));
  });

  it('a world of ties keeps them: the tie where there is one, met and ratedBy in Variables', async () => {
    const { sim, requests } = await run('friends/friends.society', 3);
    const state = agentState(sim, [...sim.world.agents.keys()][0], new DecisionLog());
    assert.ok('met' in state && 'ratedBy' in state);
    const choose = requests.filter((r): r is ChoosePartnerRequest => r.kind === 'choose_partner');
    const tied = choose.find((r) => r.candidates.some((c) => c.tie > 0))!;
    assert.ok(tied, 'some candidate with a tie');
    const q = questionOf(tied, { id: 1 }, DEFAULT_TEMPLATES, { rounds: 3, layout: 'handbook' });
    const abouts = q.options.kind === 'choose_partner' ? q.options.partners.map((p) => p.about) : [];
    assert.ok(
      abouts.some((a) => /your tie 0\.\d\d/.test(a)),
      abouts.join(' | '),
    );
    // A stranger (no tie yet) is "never talked", not "your tie 0.00".
    assert.ok(
      abouts.every((a) => !a.includes('your tie 0.00')),
      abouts.join(' | '),
    );
  });
});
