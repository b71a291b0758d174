// Issue 57: the offline model's choice rules that follow people — action then argument (nested.ts),
// amounts on their continuum, corner-or-reference, with conditional cooperation and the response
// to sanctions (continuum.ts), concern that differs between agents of one trait score, and
// sanctions aimed at conduct below the others' mean (act.ts).
import * as assert from 'node:assert/strict';
import { act } from '../../../src/core/llm/offline/act';
import {
  belief,
  DETERRENCE,
  gridOf,
  reference,
  SANCTION_RESPONSE,
  SELF_SERVING,
} from '../../../src/core/llm/offline/continuum';
import { disposed, DISPOSITION_SPREAD } from '../../../src/core/llm/offline/act';
import { stream } from '../../../src/core/random/rng';
import type { ActOption, ActRequest } from '../../../src/core/llm/types';
import { actRequest } from '../../support/actRequests';

type Others = ActRequest['others'];

function request(
  options: ActOption[],
  actions: ActRequest['actions'],
  others: Others = [],
  pressure = 0,
  disposition?: number,
): ActRequest {
  return actRequest(options, {
    round: 2,
    world: [{ name: 'pot', value: 0, min: 0 }],
    own: [{ name: 'tokens', value: 20 }],
    others,
    pressure,
    ...(disposition !== undefined ? { disposition } : {}),
    actions,
    n: 4,
  });
}

const decisions = (req: ActRequest, n = 400) => Array.from({ length: n }, (_, i) => act(req, stream(7, 'h', i)));

describe('offline model: choices that follow people (issue 57)', () => {
  it('how many values an argument can take does not change how often its action is chosen', () => {
    const places = (k: number): ActRequest => {
      const go = Array.from({ length: k }, (_, i) => ({
        action: 'go',
        args: { where: `p${i}` },
        changes: {},
        move: { to: `p${i}`, label: `P${i}`, off_plan: i === 0 ? 0 : 1, ties: 0 },
      }));
      return request(
        [{ action: 'stay', args: {}, changes: {} }, ...go],
        [
          { name: 'stay', description: '', args: [], effects: [] },
          { name: 'go', description: '', args: [{ name: 'where', type: 'place' }], effects: [] },
        ],
      );
    };
    const offPlan = (req: ActRequest) =>
      decisions(req).filter((d) => d.action === 'go' && d.args.where !== 'p0').length / 400;
    const two = offPlan(places(2)),
      twenty = offPlan(places(20));
    assert.ok(Math.abs(two - twenty) < 0.05, `off plan with 2 places ${two}, with 20 ${twenty}`);
    assert.ok(two > 0.01, `some still leave the plan (${two})`);
  });

  const contribute = (x: number, back = 0): ActOption => ({
    action: 'contribute',
    args: { amount: x },
    changes: { 'me.tokens': -x, 'world.pot': x },
    ...(back ? { foreseen: { 'me.tokens': back * x, 'o0.tokens': back * x, 'o1.tokens': back * x } } : {}),
  });
  const give = [contribute(0), contribute(10), contribute(20)];
  const giveSpec: ActRequest['actions'] = [
    {
      name: 'contribute',
      description: '',
      args: [{ name: 'amount', type: 'number', min: 0, max: 20, integer: true }],
      effects: [],
    },
  ];
  // A dictator's choice: what it gives, another gets.
  const handOver = (x: number): ActOption => ({
    action: 'give',
    args: { amount: x },
    changes: { 'me.tokens': -x, 'o0.tokens': x },
  });
  const handSpec: ActRequest['actions'] = [
    {
      name: 'give',
      description: '',
      args: [{ name: 'amount', type: 'number', min: 0, max: 10, integer: true }],
      effects: [],
    },
  ];
  const gave = (xs: number[], pressure: number[] = []): Others =>
    xs.map((x, i) => ({
      id: `o${i}`,
      name: `O${i}`,
      tie: 0,
      state: {},
      last: 'contribute',
      last_args: { contribute: { amount: x } },
      ...(pressure[i] ? { pressure: pressure[i] } : {}),
    }));
  const amounts = (req: ActRequest) => decisions(req).map((d) => Number(d.args.amount));
  const mean = (req: ActRequest) => amounts(req).reduce((s, x) => s + x, 0) / 400;

  it('number arguments are chosen on their continuum, not only at their ends and middle', () => {
    const values = new Set(amounts(request(give, giveSpec, gave([7, 7, 7]))));
    assert.ok(values.size > 5, `values chosen: ${[...values].join(', ')}`);
    assert.equal(gridOf({ name: 'a', type: 'number', min: 0, max: 1 }, 0, 1).length, 21);
    assert.equal(gridOf({ name: 'a', type: 'number', min: 0, max: 20, integer: true }, 0, 20).length, 21);
  });

  it('corner or reference: the selfish give nothing, the concerned about half (a dictator)', () => {
    const selfish = amounts(request([0, 5, 10].map(handOver), handSpec, [], 0, 0.05));
    const concerned = amounts(request([0, 5, 10].map(handOver), handSpec, [], 0, 0.95));
    assert.ok(selfish.filter((x) => x === 0).length > 390, `selfish gave ${selfish.slice(0, 10).join(', ')}…`);
    const m = concerned.reduce((s, x) => s + x, 0) / concerned.length;
    assert.ok(m > 3.5 && m < 5.5, `the concerned gave ${m} on average`);
  });

  it('agents of one trait score differ in concern by their disposition', () => {
    assert.equal(disposed(0.5, undefined), 0.5);
    assert.equal(disposed(0.5, 0.5), 0.5);
    assert.equal(disposed(0.5, 0), Math.max(0, 0.5 - DISPOSITION_SPREAD / 2));
    assert.equal(disposed(0.9, 1), 1);
  });

  it('conditional cooperation: gives more the more the others gave, a little less than them', () => {
    const low = mean(request(give, giveSpec, gave([4, 4, 4]))),
      high = mean(request(give, giveSpec, gave([16, 16, 16])));
    assert.ok(high > low + 6, `after others gave 4: ${low}, after 16: ${high}`);
    assert.ok(high < 16, `a little less than the others (${high})`);
    const samples = give.map((option) => ({ x: Number(option.args.amount), option }));
    const req = request(give, giveSpec, gave([10, 14]));
    assert.equal(belief(req, 'contribute', 'amount', 0, 20), 12);
    assert.ok(Math.abs(reference(req, 'contribute', 'amount', samples) - 12 * (1 - SELF_SERVING)) < 1e-9);
    // Before anyone gave: no belief, and the reference is the middle of the range.
    assert.equal(belief(request(give, giveSpec), 'contribute', 'amount', 0, 20), undefined);
    assert.equal(reference(request(give, giveSpec), 'contribute', 'amount', samples), 10);
  });

  it('what comes back shades the reference less (a higher MPCR decays more slowly)', () => {
    const costly = give.map((option) => ({ x: Number(option.args.amount), option }));
    const half = [0, 10, 20].map((x) => ({ x, option: contribute(x, 0.5) }));
    const req = request(give, giveSpec, gave([10, 14]));
    const shadeCostly = 12 - reference(req, 'contribute', 'amount', costly);
    const shadeHalf = 12 - reference(req, 'contribute', 'amount', half);
    assert.ok(
      Math.abs(shadeHalf - shadeCostly / 2) < 1e-9,
      `shading ${shadeCostly} at full cost, ${shadeHalf} at half`,
    );
    // And from the first round, the more comes back the more is given.
    const first = (back: number) =>
      mean(
        request(
          [0, 10, 20].map((x) => contribute(x, back)),
          giveSpec,
          [],
          0,
          0.7,
        ),
      );
    assert.ok(first(0.75) > first(0.3), `MPCR 0.3: ${first(0.3)}, 0.75: ${first(0.75)}`);
  });

  it('a sanctioned agent gives more; sanctions seen on others stop the shading and deter', () => {
    const calm = mean(request(give, giveSpec, gave([8, 8, 8]))),
      punished = mean(request(give, giveSpec, gave([8, 8, 8]), 1));
    assert.ok(punished > calm + 2, `unsanctioned ${calm}, sanctioned ${punished}`);
    const samples = give.map((option) => ({ x: Number(option.args.amount), option }));
    // Seen falling on another: no shading below the others' 8, and part of the way toward giving all.
    const seen = request(give, giveSpec, gave([8, 8, 8], [1, 0, 0]));
    assert.equal(reference(seen, 'contribute', 'amount', samples), 8 + SANCTION_RESPONSE * DETERRENCE * (20 - 8));
  });

  it('sanctions aim at conduct below the others’ mean, the harder the further below', () => {
    const others = (c: number): Others => [
      { id: 'x', name: 'X', tie: 0, state: {}, conduct: c },
      { id: 'y', name: 'Y', tie: 0, state: {}, conduct: 0.8 },
      { id: 'z', name: 'Z', tie: 0, state: {}, conduct: 0.8 },
    ];
    const req = (c: number) => {
      const r = request(
        [
          { action: 'pass', args: {}, changes: {} },
          ...['x', 'y', 'z'].map((id) => ({
            action: 'punish',
            args: { target: id },
            changes: { [`${id}.tokens`]: -3, 'me.tokens': -1 },
          })),
        ],
        [
          { name: 'pass', description: '', args: [], effects: [] },
          { name: 'punish', description: '', args: [{ name: 'target', type: 'agent' }], effects: [] },
        ],
        others(c),
      );
      r.persona.traits.conscientiousness = 0.3;
      return r;
    };
    const hits = (c: number) => decisions(req(c)).filter((d) => d.action === 'punish' && d.args.target === 'x').length;
    assert.ok(hits(0.2) > hits(0.6) + 20, `x gave 0.2: ${hits(0.2)}, x gave 0.6: ${hits(0.6)}`);
    assert.ok(hits(0.6) > hits(0.8), `x gave 0.6: ${hits(0.6)}, as much as the rest: ${hits(0.8)}`);
  });

  it('the shadow of the future: a gift that can come back is made more often, and not in the last turn', () => {
    const pd = (turns: number) => {
      const r = request(
        [
          { action: 'cooperate', args: { partner: 'o0' }, changes: { 'me.points': -1, 'o0.points': 3 } },
          { action: 'defect', args: {}, changes: {} },
        ],
        [
          { name: 'cooperate', description: '', args: [{ name: 'partner', type: 'agent' }], effects: [] },
          { name: 'defect', description: '', args: [], effects: [] },
        ],
        [{ id: 'o0', name: 'O0', tie: 0, state: {} }],
      );
      r.later_turns = turns;
      return decisions(r).filter((d) => d.action === 'cooperate').length / 400;
    };
    const early = pd(9),
      last = pd(0);
    assert.ok(early > last + 0.1, `cooperating with 9 turns left ${early}, in the last ${last}`);
  });

  it('is deterministic per seed', () => {
    const req = request(give, giveSpec, gave([5, 9, 12]));
    assert.deepEqual(act(req, stream(3, 'd')), act(req, stream(3, 'd')));
  });
});
