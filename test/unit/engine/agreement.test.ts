// Issue 72: people who talk agree on the amount that serves their group best and keep to it while
// the talk is fresh (Ostrom, Walker & Gardner 1992). The engine works that amount out from the
// declared rules (agreement.ts) and offers it to offline speakers to propose (termsAhead.ts);
// issue 85: an agreement is a proposal accepted, for what was proposed, among those who accepted
// (talkedWith.ts reads it from memory), binding as far as it reached the group. A world without
// talk, or an amount with no best, carries neither.
import * as assert from 'node:assert/strict';
import type { ActRequest, SpeakRequest } from '../../../src/core/llm/types';
import { recordingFactory } from './recordingModels';
import { scenarioFromText, traceLines, traceOf, type Line } from './traceHelpers';
import { commonPool } from '../../support/commonPool';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInto } from './resumeHelper';
import { scratchDir } from '../../support/scratch';

/** The common pool (test/support/commonPool.ts), with or without a conversation before every round. */
const pool = (talk: boolean | 'room'): string => commonPool(3, { talk });

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
  return (await asked(text)).act;
}

/** Every act and speak request of a run, and its trace. */
async function asked(text: string): Promise<{ act: ActRequest[]; speak: SpeakRequest[]; trace: Line[] }> {
  const act: ActRequest[] = [],
    speak: SpeakRequest[] = [];
  const modelFactory = recordingFactory((req) => {
    if (req.kind === 'act') act.push(req as ActRequest);
    if (req.kind === 'speak') speak.push(req as SpeakRequest);
  });
  const trace = traceLines(await traceOf(await scenarioFromText(text), { modelFactory }));
  return { act, speak, trace };
}

/** Per round, per agent, those it is party to an accepted proposal with in that round's talk (from the messages). */
function partiesOf(trace: Line[]): Map<string, Set<string>> {
  const byEncounter = new Map<string, Line[]>();
  for (const e of trace) {
    if (e.type === 'message') byEncounter.set(e.encounter, [...(byEncounter.get(e.encounter) ?? []), e]);
  }
  const out = new Map<string, Set<string>>();
  for (const lines of byEncounter.values()) {
    const proposal = lines.find((l) => l.act === 'propose' && l.terms);
    if (!proposal) continue;
    const accepted = lines.filter((l) => l.act === 'accept' && l.terms && l.from !== proposal.from).map((l) => l.from);
    if (!accepted.length) continue;
    const all = [proposal.from, ...accepted];
    for (const a of all) {
      const key = `${proposal.round}:${a}`;
      out.set(key, new Set([...(out.get(key) ?? []), ...all.filter((b) => b !== a)]));
    }
  }
  return out;
}

describe('agreements made in talk (issue 72)', () => {
  it('offers speakers the common pool’s group-best amount; only accepted proposals agree, among their parties', async () => {
    const run = await asked(pool(true));
    assert.equal(run.act.length, 24);
    // X = 36 is best (23 − X/2 = 5); the grid of 21 amounts over 0..25 puts 5 tokens each (X = 40) nearest.
    const best = [{ action: 'appropriate', arg: 'tokens', amount: 5 }];
    assert.ok(run.speak.length > 0);
    for (const r of run.speak) assert.deepEqual(r.terms, best, r.key);
    const parties = partiesOf(run.trace);
    assert.ok(parties.size > 0, 'some proposal was accepted');
    let bound = 0;
    for (const r of run.act) {
      const talked = r.others.filter((o) => o.talked !== undefined);
      // An agreement only with those it agreed with, for what was proposed.
      assert.equal(r.group_best === undefined, talked.length === 0, r.key);
      if (r.group_best) assert.deepEqual(r.group_best, best, r.key);
      for (const o of talked) {
        const when = r.round - o.talked!;
        assert.ok(parties.get(`${when}:${r.persona.id}`)?.has(o.id), `${r.key}: ${o.id} in round ${when}`);
      }
      if (talked.length) bound++;
    }
    // Talked with someone but agreed with nobody: no agreement at all.
    const talkedOnly = run.act.filter(
      (r) => ![...parties.keys()].some((k) => k.endsWith(`:${r.persona.id}`) && Number(k.split(':')[0]) <= r.round),
    );
    assert.ok(talkedOnly.every((r) => r.group_best === undefined));
    assert.ok(bound > 0 && talkedOnly.length > 0, `bound ${bound}, unbound ${talkedOnly.length}`);
  });

  it('a resumed run holds to the agreements its memories carry: the trace equals the uninterrupted one', async () => {
    const sc = await scenarioFromText(commonPool(3, { talk: true, rounds: 4 }));
    const dir = scratchDir('society-agreement-resume-');
    const expected = await runInto(dir, sc);
    assert.ok(expected.includes('"terms"'), 'proposals were made');
    fs.rmSync(path.join(dir, 'trace.jsonl'));
    await runInto(dir, sc, { stopAfter: 2 });
    assert.equal(await runInto(dir, sc, { resume: true }), expected);
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
      const run = await asked(talking(state, `      ${w.effects}`));
      assert.ok(run.speak.length > 0);
      const expected = w.best === undefined ? undefined : [{ action: 'put', arg: 'amount', amount: w.best }];
      for (const r of run.speak) assert.deepEqual(r.terms, expected, r.key);
      for (const r of run.act) if (r.group_best) assert.deepEqual(r.group_best, expected, r.key);
    });
  }

  it('between actions without arguments, the one the group does best with if all take it', async () => {
    const run = await asked(dilemma(true, 1));
    assert.equal(run.act.length, 24);
    for (const r of run.speak) assert.deepEqual(r.terms, [{ action: 'cooperate' }], r.key);
    assert.ok(run.act.some((r) => r.group_best));
    for (const r of run.act) if (r.group_best) assert.deepEqual(r.group_best, [{ action: 'cooperate' }], r.key);
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
    // Pairs among six: each agreement reaches a fifth of the group (issue 85), so talk helps, less than a group's would.
    assert.ok(talked > silent + 0.05, `cooperation without talk ${silent}, with talk ${talked}`);
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
    const run = await asked(paired);
    assert.equal(run.act.length, 32);
    const parties = partiesOf(run.trace);
    let agreed = 0;
    for (const r of run.act) {
      const talked = r.others.filter((o) => o.talked !== undefined);
      // Only ever its partner, and only after they agreed.
      assert.ok(
        talked.every((o) => o.matched),
        `${r.key}: ${JSON.stringify(r.others)}`,
      );
      if (parties.get(`${r.round}:${r.persona.id}`)) {
        assert.deepEqual(
          talked.map((o) => o.talked),
          [0],
          r.key,
        );
        assert.deepEqual(r.group_best, [{ action: 'cooperate' }], r.key);
        agreed++;
      }
    }
    assert.ok(agreed > 0);
  });

  it('talk lowers what is put in the common pool toward the group’s best, more where the agreement reached all', async () => {
    const taken = async (talk: boolean | 'room'): Promise<number> => {
      const xs: number[] = [];
      for (const line of (await traceOf(await scenarioFromText(pool(talk)))).split('\n')) {
        if (line.includes('"type":"action"')) xs.push((JSON.parse(line) as { args: { tokens: number } }).args.tokens);
      }
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    const silent = await taken(false),
      pairs = await taken(true),
      room = await taken('room');
    // In pairs each agreement reaches about 2 of 7 (issue 85: it binds in proportion); a room of all reaches them all.
    assert.ok(
      pairs < silent && room < pairs - 1,
      `tokens in the pool: without talk ${silent}, pairs ${pairs}, a room ${room}`,
    );
  });
});
