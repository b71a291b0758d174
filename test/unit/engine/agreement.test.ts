// Issue 72: people who talk agree on the amount that serves their group best and keep to it while
// the talk is fresh (Ostrom, Walker & Gardner 1992). The engine works that amount out from the
// declared rules (agreement.ts) and tells an offline decider whom it talked with and when, from
// its memory (talkedWith.ts); a world without talk, or an amount with no best, carries neither.
import * as assert from 'node:assert/strict';
import type { ActRequest } from '../../../src/core/llm/types';
import { recordingFactory } from './recordingModels';
import { scenarioFromText, traceOf } from './traceHelpers';
import { commonPool } from '../../support/commonPool';

/** The common pool (test/support/commonPool.ts), with or without a conversation before every round. */
const pool = (talk: boolean): string => commonPool(3, { talk });

/** One action of four players with talk before it: `effects` and `state` written by the caller. */
function talking(state: string, effects: string): string {
  return `kind: scenario
name: Talk
seed: 5
population:
  - { group: players, count: 4, id_prefix: p }
world:
  rounds: 2
  encounters: { mode: random, per_round: 1 }
  conversation: { turns: 2 }
state:
${state}
actions:
  put:
    description: Put some coins in.
    args: { amount: { type: number, min: 0, max: 10 } }
    effects:
${effects}
round:
  - { phase: meet }
  - { phase: evaluate }
  - phase: give
    actions: [put]
`;
}

/** Six players choose to cooperate (costs 1, gives each other 0.5 at the close) or defect: efficient to cooperate, better alone to defect. */
function dilemma(talk: boolean, seed: number): string {
  return `kind: scenario
name: Dilemma
seed: ${seed}
population:
  - { group: players, count: 6, id_prefix: d }
world:
  rounds: 4
  encounters: { mode: random, per_round: 1 }
  conversation: { turns: 2 }
state:
  agents:
    points: { initial: 10, update: "me.points - me.cooperated + 0.5 * (sum(agents.map(a, a.cooperated)) - me.cooperated)" }
    cooperated: { initial: 0, min: 0, max: 1, valued: false, update: "0.0" }
actions:
  cooperate:
    description: Pay 1 so that each other player gets 0.5.
    effects: { me.cooperated: "1.0" }
  defect:
    description: Keep your point.
    effects: { me.cooperated: "0.0" }
round:
${talk ? '  - { phase: meet }\n  - { phase: evaluate }\n' : ''}  - phase: play
    actions: [cooperate, defect]
`;
}

async function requests(text: string): Promise<ActRequest[]> {
  const asked: ActRequest[] = [];
  const modelFactory = recordingFactory((req) => {
    if (req.kind === 'act') asked.push(req as ActRequest);
  });
  await traceOf(await scenarioFromText(text), { modelFactory });
  return asked;
}

describe('agreements made in talk (issue 72)', () => {
  it('after talk, the common pool’s group-best amount is the one that maximises the group’s net yield', async () => {
    const asked = await requests(pool(true));
    assert.equal(asked.length, 24);
    for (const r of asked) {
      // X = 36 is best (23 − X/2 = 5); the grid of 21 amounts over 0..25 puts 5 tokens each (X = 40) nearest.
      assert.deepEqual(r.group_best, [{ action: 'appropriate', arg: 'tokens', amount: 5 }], r.key);
      const talked = r.others.filter((o) => o.talked !== undefined);
      assert.ok(talked.length >= 1, `${r.key} talked with someone`);
      assert.ok(
        talked.every((o) => o.talked! >= 0 && o.talked! < r.round),
        JSON.stringify(talked),
      );
    }
    // Every round's partners are this round's: someone talked with in round 3 is 0 rounds ago.
    assert.ok(asked.some((r) => r.round === 3 && r.others.some((o) => o.talked === 0)));
    assert.ok(asked.some((r) => r.round === 3 && r.others.some((o) => (o.talked ?? 0) > 0)));
  });

  it('without talk nobody is told of an agreement or of talks', async () => {
    const asked = await requests(pool(false));
    assert.equal(asked.length, 24);
    for (const r of asked) {
      assert.equal(r.group_best, undefined);
      assert.ok(r.others.every((o) => o.talked === undefined));
    }
  });

  /** Worlds of four who talk and then put 0..10 in, and what they should agree on (undefined: nothing). */
  const worlds: { what: string; state: string; effects: string; best?: number }[] = [
    {
      what: 'a public good worth more to the group than it costs: the best is everything',
      state:
        'pot: { initial: 0, min: 0, valued: false, update: "0.0" }\n    share: { initial: 0, min: 0, valued: false, update: "0.5 * world.pot" }',
      effects: 'me.coins: "me.coins - args.amount"\n      world.pot: "world.pot + args.amount"',
      best: 10,
    },
    {
      what: 'a transfer within the group (every amount leaves it as well off) has no best',
      state:
        'pot: { initial: 0, min: 0, valued: false, update: "0.0" }\n    share: { initial: 0, min: 0, valued: false, update: "world.pot / 4.0" }',
      effects: 'me.coins: "me.coins - args.amount"\n      world.pot: "world.pot + args.amount"',
    },
    {
      what: 'an amount taken from a stock the world keeps (a lake) has no best read off one round',
      state:
        'fish: { initial: 100, min: 0, max: 200, update: "world.fish + 0.5 * world.fish * (1.0 - world.fish / 200.0)" }',
      effects: 'me.coins: "me.coins + args.amount"\n      world.fish: "world.fish - args.amount"',
    },
  ];
  for (const w of worlds) {
    it(w.what, async () => {
      const paid = w.state.includes('share:') ? 'me.coins + world.share' : 'me.coins';
      const state = `  world:\n    ${w.state}\n  agents:\n    coins: { initial: 100, min: 0, update: "${paid}" }`;
      const asked = await requests(talking(state, `      ${w.effects}`));
      assert.ok(asked.length > 0);
      const expected = w.best === undefined ? undefined : [{ action: 'put', arg: 'amount', amount: w.best }];
      for (const r of asked) assert.deepEqual(r.group_best, expected, r.key);
    });
  }

  it('between actions without arguments, the one the group does best with if all take it', async () => {
    const asked = await requests(dilemma(true, 1));
    assert.equal(asked.length, 24);
    for (const r of asked) assert.deepEqual(r.group_best, [{ action: 'cooperate' }], r.key);
    assert.ok((await requests(dilemma(false, 1))).every((r) => r.group_best === undefined));
  });

  it('talk raises cooperation in a dilemma between actions', async () => {
    const cooperation = async (talk: boolean): Promise<number> => {
      let yes = 0,
        all = 0;
      for (const seed of [1, 2, 3, 4, 5]) {
        for (const line of (await traceOf(await scenarioFromText(dilemma(talk, seed)))).split('\n')) {
          if (!line.includes('"type":"action"')) continue;
          all++;
          if ((JSON.parse(line) as { action: string }).action === 'cooperate') yes++;
        }
      }
      return yes / all;
    };
    const silent = await cooperation(false),
      talked = await cooperation(true);
    assert.ok(talked > silent + 0.15, `cooperation without talk ${silent}, with talk ${talked}`);
  });

  it('with `encounters.among: match` partners talk with each other only, and hold to what their pair agreed', async () => {
    const paired = dilemma(true, 2)
      .replace('count: 6, id_prefix: d', 'count: 8, id_prefix: d')
      .replace('encounters: { mode: random, per_round: 1 }', 'encounters: { mode: random, per_round: 1, among: match }')
      .replace(
        'points: { initial: 10, update: "me.points - me.cooperated + 0.5 * (sum(agents.map(a, a.cooperated)) - me.cooperated)" }',
        'points: { initial: 10, update: "me.points - me.cooperated + 2.0 * partner.cooperated" }',
      )
      .replace('state:\n', 'matching: { design: partner, size: 2 }\nstate:\n');
    const asked = await requests(paired);
    assert.equal(asked.length, 32);
    for (const r of asked) {
      const talked = r.others.filter((o) => o.talked !== undefined);
      assert.deepEqual(
        talked.map((o) => [o.matched, o.talked]),
        [[true, 0]],
        `${r.key}: ${JSON.stringify(r.others)}`,
      );
      assert.deepEqual(r.group_best, [{ action: 'cooperate' }], r.key);
    }
  });

  it('talk lowers what is put in the common pool toward the group’s best', async () => {
    const taken = async (talk: boolean): Promise<number> => {
      const xs: number[] = [];
      for (const line of (await traceOf(await scenarioFromText(pool(talk)))).split('\n')) {
        if (line.includes('"type":"action"')) xs.push((JSON.parse(line) as { args: { tokens: number } }).args.tokens);
      }
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    const silent = await taken(false),
      talked = await taken(true);
    assert.ok(talked < silent - 2, `tokens in the pool: without talk ${silent}, with talk ${talked}`);
  });
});
