// Issue 85: every push on an offline choice is named with its signed size, and the sizes are the
// parts the choice was weighed from: they sum to how far the chosen way led the mean of its
// alternatives (the other actions; for an amount, the other amounts of its grid, with the cost
// of straying from the reference it held to). An agreement pushes only where the group talked.
import * as assert from 'node:assert/strict';
import { act, optionUtilities } from '../../../src/core/llm/offline/act';
import { anticipated } from '../../../src/core/llm/offline/responses';
import {
  anchorCost,
  candidates,
  cooperativeEnd,
  gridOf,
  interpolate,
  strayOf,
} from '../../../src/core/llm/offline/continuum';
import { agreedAmount } from '../../../src/core/llm/offline/agreed';
import { PUSH_RULES } from '../../../src/core/llm/offline/pushRules';
import { stream } from '../../../src/core/random/rng';
import type { ActOption, ActRequest, ActResponse } from '../../../src/core/llm/types';
import { actRequest } from '../../support/actRequests';

type Other = ActRequest['others'][number];
const other = (id: string, talked?: number): Other => ({
  id,
  name: id.toUpperCase(),
  tie: 0,
  state: { coins: 10 },
  ...(talked !== undefined ? { talked } : {}),
});

/** Taking 0..20 from a pool: the agent gains what it takes, the others lose a little more than it gains. */
function pool(others: Other[], best?: number): ActRequest {
  const options: ActOption[] = [0, 10, 20].map((x) => ({
    action: 'take',
    args: { amount: x },
    changes: { 'me.coins': x, ...Object.fromEntries(others.map((o) => [`${o.id}.coins`, -0.4 * x])) },
  }));
  const req = actRequest(options, {
    own: [{ name: 'coins', value: 10 }],
    others,
    ...(best !== undefined ? { group_best: [{ action: 'take', arg: 'amount', amount: best }] } : {}),
  });
  req.actions[0].args = [{ name: 'amount', type: 'number', min: 0, max: 20 }];
  return req;
}

/** A payoff-table dilemma against one partner: the close pays both. */
function table(later_turns: number): ActRequest {
  return actRequest(
    [
      { action: 'cooperate', args: {}, changes: {}, foreseen: { 'me.points': 1.5, 'b.points': 4 } },
      { action: 'defect', args: {}, changes: {}, foreseen: { 'me.points': 3, 'b.points': 0.5 } },
    ],
    {
      own: [{ name: 'points', value: 10 }],
      others: [{ id: 'b', name: 'B', tie: 0, state: { points: 10 }, last: 'cooperate', conduct: 1 }],
      later_turns,
    },
  );
}

const total = (r: ActResponse): number => (r.pushes ?? []).reduce((s, p) => s + p.size, 0);
/** Four decimals per push in the trace: the sum is that close to the lead. */
const ROUNDING = 0.5e-4 * Object.keys(PUSH_RULES).length;

describe('offline model: every push named (issue 85)', () => {
  it('between actions: the pushes sum to the chosen action’s lead over the mean of the actions', () => {
    for (const req of [table(0), table(9)]) {
      const u = optionUtilities(anticipated(req), req);
      const mean = u.reduce((s, x) => s + x, 0) / u.length;
      for (let i = 0; i < 40; i++) {
        const r = act(req, stream(5, 'pushes', i));
        const lead = u[req.options.findIndex((o) => o.action === r.action)] - mean;
        assert.ok(Math.abs(total(r) - lead) <= ROUNDING, `${r.action}: pushes ${total(r)}, lead ${lead}`);
        for (const p of r.pushes ?? []) assert.ok(Object.hasOwn(PUSH_RULES, p.rule), p.rule);
      }
    }
  });

  it('an amount: the pushes sum to its lead over the grid, the reference’s cost included', () => {
    for (const req of [pool([other('b'), other('c')]), pool([other('b', 0), other('c', 0)], 2)]) {
      const given = anticipated(req);
      const u = optionUtilities(given, req);
      for (let i = 0; i < 40; i++) {
        const r = act(req, stream(6, 'amount', i));
        // The same stream draws the same reference noise first, as act's did.
        const [way] = candidates(given, u, stream(6, 'amount', i));
        const { r: ref } = way.anchor!;
        const xs = [0, 10, 20];
        const hold = agreedAmount(req, 'take', 'amount')?.hold ?? 0;
        const coop = cooperativeEnd(req.options.map((o) => ({ x: Number(o.args.amount), option: o })));
        const v = (x: number) => interpolate(xs, u, x) - anchorCost(x, ref, strayOf(x, ref, coop, hold), 0, 20);
        const grid = gridOf(req.actions[0].args[0], 0, 20);
        const lead = v(Number(r.args.amount)) - grid.reduce((s, x) => s + v(x), 0) / grid.length;
        assert.equal(r.args.amount, way.args.amount);
        assert.ok(Math.abs(total(r) - lead) <= ROUNDING, `took ${r.args.amount}: pushes ${total(r)}, lead ${lead}`);
      }
    }
  });

  it('names the agreement where the group talked, pulling toward what it agreed; not without talk', () => {
    const agreed = act(pool([other('b', 0), other('c', 0)], 2), stream(7, 'agreed'));
    const push = agreed.pushes?.find((p) => p.rule === 'agreement');
    assert.ok(push && push.size > 0, JSON.stringify(agreed));
    assert.ok(Number(agreed.args.amount) < 6, JSON.stringify(agreed.args));
    for (let i = 0; i < 20; i++) {
      const silent = act(pool([other('b'), other('c')], 2), stream(7, 'silent', i));
      assert.ok(!silent.pushes?.some((p) => p.rule === 'agreement' || p.rule === 'promise'), JSON.stringify(silent));
    }
  });

  it('names the end of the run: what experience would bring later is cut in the last round', () => {
    const learned = (later_turns: number): ActRequest => {
      const req = table(later_turns);
      req.options[0].experience = { points: 2 };
      req.options[1].experience = { points: -1 };
      return req;
    };
    const last = act(learned(0), stream(8, 'end')).pushes ?? [];
    const early = act(learned(5), stream(8, 'end')).pushes ?? [];
    assert.ok(
      last.some((p) => p.rule === 'horizon' && p.size !== 0),
      JSON.stringify(last),
    );
    assert.ok(!early.some((p) => p.rule === 'horizon'), JSON.stringify(early));
    assert.ok(
      early.some((p) => p.rule === 'learning'),
      JSON.stringify(early),
    );
  });
});
