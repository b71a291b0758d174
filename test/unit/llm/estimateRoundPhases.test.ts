// The estimate counts the decisions a round's declared phases ask for (issue 70): a one-shot game
// with only action phases has no conversations, evaluations, reflections or advice, and each
// action phase asks only its `who` groups. `validate --model` was estimated at 7-8x its spend.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile, type Scenario } from '../../../src/core/format';
import { estimateRun } from '../../../src/core/llm/estimate';
import { typicalRequests } from '../../../src/core/llm/estimateRequests';
import type { ActRequest } from '../../../src/core/llm/types';
import { modelConfig } from '../../support/llmFixtures';

const repo = path.resolve(__dirname, '../../..');

async function onLlm(file: string): Promise<Scenario> {
  const { scenario } = await loadScenarioFile(path.join(repo, file));
  assert.ok(scenario);
  const llm = modelConfig('default', { base_url: 'http://127.0.0.1:9/v1', price: { input: 1, output: 2 } });
  return { ...scenario, models: { default: llm } };
}

/** The scenario with a world quantity starting elsewhere (as an experiment condition sets it). */
function withQuantity(s: Scenario, name: string, initial: number): Scenario {
  const m = s.mechanics!;
  return { ...s, mechanics: { ...m, world: m.world.map((q) => (q.name === name ? { ...q, initial } : q)) } };
}

describe('estimate by the round as declared', () => {
  it('a one-shot ultimatum game: one action decision per agent, nothing else', async () => {
    const s = await onLlm('validation/ultimatum.society');
    const e = estimateRun(s);
    const kinds = e.models[0].by_kind;
    assert.deepEqual(Object.keys(kinds), ['act']);
    // Ten proposers offer in one phase, ten responders answer in the other: 20 decisions.
    assert.equal(kinds.act!.calls, 20);
  });

  it('a phase whose actions are by group asks only the groups it offers one (the dictator example)', async () => {
    const s = await onLlm('examples/dictator/dictator.society');
    const kinds = estimateRun(s).models[0].by_kind;
    // `actions: { dictators: [give] }`: ten dictators decide each round, the ten recipients never.
    assert.equal(kinds.act!.calls, 10 * s.world.rounds);
  });

  it('a phase whose `when` reads only what nothing changes counts the rounds it holds (public goods)', async () => {
    const s = await onLlm('examples/public-goods/public-goods.society');
    const rounds = s.world.rounds;
    // world.punishment is 0 and nothing changes it: the sanction phase never runs; 8 give a round.
    assert.equal(estimateRun(s).models[0].by_kind.act!.calls, 8 * rounds);
    const punishing = withQuantity(s, 'punishment', 1);
    assert.equal(estimateRun(punishing).models[0].by_kind.act!.calls, 2 * 8 * rounds);
    // Every other round, by `round`: half the rounds.
    const everyOther = {
      ...s,
      round: s.round!.map((p) => (p.name === 'sanction' ? { ...p, when: 'round % 2 == 0' } : p)),
    };
    assert.equal(estimateRun(everyOther).models[0].by_kind.act!.calls, 8 * rounds + 8 * Math.floor(rounds / 2));
    // A `when` over a quantity the run changes (the pot) is taken to hold every round: an upper bound.
    const moving = {
      ...s,
      round: s.round!.map((p) => (p.name === 'sanction' ? { ...p, when: 'world.pot > 100.0' } : p)),
    };
    assert.equal(estimateRun(moving).models[0].by_kind.act!.calls, 2 * 8 * rounds);
  });

  it('built-in phases count only the rounds their `when` holds (common pool: talk never, once, always)', async () => {
    const s = await onLlm('validation/common-pool.society');
    const speak = (x: Scenario) => estimateRun(x).models[0].by_kind.speak?.calls ?? 0;
    const never = speak(withQuantity(s, 'communication', 0));
    const once = speak(withQuantity(s, 'communication', 1));
    const always = speak(withQuantity(s, 'communication', 2));
    assert.equal(never, 0);
    assert.ok(once > 0 && Math.abs(always / once - s.world.rounds) < 0.01, `${once} once, ${always} always`);
    assert.equal(estimateRun(withQuantity(s, 'communication', 0)).models[0].by_kind.evaluate, undefined);
  });

  it('the typical act prompt holds the largest offer an agent meets and the others there are', async () => {
    const s = await onLlm('examples/expert-team/expert-team.society');
    const act = typicalRequests(s).act as ActRequest;
    // Five actions in all; a phase offers at most two (the lead's recruit and hold).
    assert.deepEqual(
      act.actions.map((a) => a.name),
      ['recruit', 'hold'],
    );
    const few = { ...s, personas: s.personas.slice(0, 1), population: s.population.map((g) => ({ ...g, count: 2 })) };
    assert.equal((typicalRequests(few).act as ActRequest).others.length, 2, 'three agents: two others to show');
  });

  it('the default round still counts conversations, evaluations and reflections', async () => {
    const s = await onLlm('examples/friends/friends.society');
    const kinds = Object.keys(estimateRun(s).models[0].by_kind);
    for (const k of ['choose_partner', 'speak', 'evaluate']) assert.ok(kinds.includes(k), k);
  });
});
