// An argument's bound as it stands when the action takes effect (issue 70): in a simultaneous phase
// the state moves between choosing and acting. A trustee chose to repay all that had arrived; its
// partner took it away first; by its turn `received` was 0, and the engine still repaid 10. Each
// number argument is now held to its bounds at the turn (brought to the bound, and the event says
// so), and bounds that leave no value make the action no longer possible.
import * as assert from 'node:assert/strict';
import type { ModelConfig } from '../../../src/core/format/model/model';
import type { ActResponse, AgentModel, DecisionRequest, DecisionResponse } from '../../../src/core/llm/types';
import { OfflineModel } from '../../../src/core/llm/offline';
import { scenarioFromText, traceLines, traceOf, type Line } from './traceHelpers';

/** Offline, but a payer always repays the most it is offered: what it chose against the state it saw. */
function greedyPayers(cfg: ModelConfig, seed: number): AgentModel {
  const inner = new OfflineModel(cfg.name, seed);
  return {
    name: cfg.name,
    provider: 'offline',
    label: inner.label,
    decide: async <R extends DecisionRequest>(req: R, signal?: AbortSignal): Promise<DecisionResponse<R>> => {
      const answer = await inner.decide(req, signal);
      const repay = req.kind === 'act' ? req.actions.find((a) => a.name === 'repay') : undefined;
      if (!repay) return answer;
      // Another choice than the offline model's: its consequence (`about`) and pushes are not this one's.
      const { about: _about, pushes: _pushes, ...chosen } = answer as DecisionResponse<R> & ActResponse;
      return {
        ...chosen,
        action: 'repay',
        args: { amount: repay.args[0].max! },
        reason: 'all of it',
      } as unknown as DecisionResponse<R>;
    },
  };
}

const REPAY = (bound: string, extra = ''): string =>
  [
    'kind: scenario',
    'name: Repay',
    'seed: 6',
    'population:',
    '  - { group: takers, count: 4, id_prefix: t, occupations: [player], interests: { pool: [x], per_agent: 1 } }',
    '  - { group: payers, count: 4, id_prefix: p, occupations: [player], interests: { pool: [x], per_agent: 1 } }',
    'world: { rounds: 4 }',
    'matching: { design: partner, between: [takers, payers] }',
    'state:',
    '  agents:',
    '    coins: { initial: 100, min: 0 }',
    '    received: { initial: 10, min: 0, valued: false, update: "10.0" }',
    'actions:',
    '  seize:',
    '    description: Take back what your partner received.',
    '    effects: { partner.received: "0.0" }',
    '  repay:',
    '    description: Send back part of what arrived.',
    `    args: { amount: { type: number, min: ${bound} } }`,
    '    effects:',
    '      me.coins: "me.coins - args.amount"',
    '      partner.coins: "partner.coins + args.amount"',
    extra,
    'round:',
    '  - { phase: play, actions: { takers: [seize], payers: [repay] } }',
    '',
  ].join('\n');

const actionsOf = async (text: string): Promise<Line[]> =>
  traceLines(await traceOf(await scenarioFromText(text), { modelFactory: greedyPayers })).filter(
    (l) => l.type === 'action',
  );

describe("an argument's bound at the agent's turn (issue 70)", () => {
  it('a repayment is held to what has arrived when it takes effect, and the event says it was lowered', async () => {
    const actions = await actionsOf(REPAY('0, max: "me.received"'));
    let lowered = 0;
    for (const r of [1, 2, 3, 4]) {
      const received = new Map<string, number>();
      for (const a of actions.filter((e) => e.round === r)) {
        for (const [k, [, after]] of Object.entries(a.changes as Record<string, [number, number]>)) {
          if (k.endsWith('.received')) received.set(k.split('.')[0], after);
        }
        if (a.action !== 'repay') continue;
        const has = received.get(a.agent) ?? 10;
        assert.ok(a.args.amount <= has, `round ${r}: ${a.agent} repaid ${a.args.amount} of ${has}`);
        assert.deepEqual(
          a.changes[`${a.agent}.coins`].reduce((x: number, y: number) => x - y),
          a.args.amount,
          JSON.stringify(a),
        );
        if (has === 0) {
          lowered++;
          assert.equal(a.args.amount, 0);
          assert.match(a.reason, /^all of it \(amount 10 lowered to 0: its bound when its turn came\)$/);
        }
      }
    }
    assert.ok(lowered > 0, 'some partner took it away before the repayment');
  });

  it('bounds that leave no value at the turn make the action no longer possible', async () => {
    // At least 1 must be repaid: with nothing arrived there is no amount to choose.
    const actions = await actionsOf(REPAY('"1.0", max: "me.received"'));
    const late = actions.filter((a) => a.action === 'repay' && /no longer possible/.test(a.reason));
    assert.ok(late.length > 0);
    for (const a of late) assert.deepEqual(a.changes, {}, JSON.stringify(a));
  });
});
