// Matching in the engine (issue 62): groups drawn from the run's seed — the same seed the same
// groups, partners kept all run long, strangers drawn afresh and evenly — recorded in the trace
// before any phase; `partner` and `matched` read the group in effects, bounds and updates; an
// argument's bound written as an expression is evaluated per agent when options are offered.
import * as assert from 'node:assert/strict';
import { drawMatches, MatchBook, type Matchable } from '../../../src/core/engine/society/matching';
import type { Matching } from '../../../src/core/format/model/matching';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import type { ActRequest, DecisionRequest } from '../../../src/core/llm/types';
import { readTrace } from '../../../src/core/trace/reader';
import { stateScope } from '../../../src/core/debug/stateScope';
import { evaluateExpression } from '../../../src/core/debug/expression';
import { matchRows } from '../../../webview/model/traceRows';
import { recordingFactory } from './recordingModels';
import { runInto } from './resumeHelper';
import { scratchDir } from '../../support/scratch';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scenarioFromText, traceLines, traceOf, type Line } from './traceHelpers';

const players = (n: number, group = 'players', prefix = 'p'): Matchable[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, group }));
const key = (groups: string[][]): string => JSON.stringify(groups);

describe('matching: the draw (issue 62)', () => {
  const pairs: Matching = { design: 'partner', size: 2 };
  const strangers: Matching = { design: 'stranger', size: 2 };

  it('the same seed gives the same groups; another seed others', () => {
    const a = drawMatches(pairs, 7, 1, players(10));
    assert.equal(key(drawMatches(pairs, 7, 1, players(10)).groups), key(a.groups));
    assert.notEqual(key(drawMatches(pairs, 8, 1, players(10)).groups), key(a.groups));
    // The order agents are listed in does not matter: who is there does.
    assert.equal(key(drawMatches(pairs, 7, 1, players(10).reverse()).groups), key(a.groups));
  });

  it('partners keep their groups every round; strangers are drawn afresh', () => {
    const first = drawMatches(pairs, 3, 1, players(8));
    for (let r = 2; r <= 5; r++) assert.equal(key(drawMatches(pairs, 3, r, players(8)).groups), key(first.groups));
    const rounds = new Set(
      Array.from({ length: 6 }, (_, r) => key(drawMatches(strangers, 3, r + 1, players(8)).groups)),
    );
    assert.ok(rounds.size >= 5, `strangers drew only ${rounds.size} distinct matchings in 6 rounds`);
  });

  it('everyone is in exactly one group of the size asked for', () => {
    for (const size of [2, 3, 4]) {
      const d = drawMatches({ design: 'stranger', size }, 1, 4, players(12));
      assert.ok(d.groups.every((g) => g.length === size));
      assert.deepEqual(
        d.groups.flat().sort(),
        players(12)
          .map((p) => p.id)
          .sort(),
      );
      assert.deepEqual(d.unmatched, []);
    }
  });

  it('strangers meet every other player about equally often (balance)', () => {
    const counts = new Map<string, number>();
    const rounds = 700;
    for (let r = 1; r <= rounds; r++) {
      for (const [a, b] of drawMatches(strangers, 11, r, players(8)).groups) {
        const k = [a, b].sort().join('+');
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    // 8 players: 28 pairs, each expected 700 × 4 / 28 = 100 times.
    assert.equal(counts.size, 28);
    for (const [pair, n] of counts) assert.ok(n >= 70 && n <= 130, `${pair} met ${n} times, expected about 100`);
  });

  it('between two roles: every pair one of each, in that order; within a group: only its members', () => {
    const agents = [...players(5, 'proposers', 'p'), ...players(5, 'responders', 'r'), ...players(3, 'others', 'o')];
    const d = drawMatches({ design: 'stranger', size: 2, between: ['proposers', 'responders'] }, 2, 1, agents);
    assert.equal(d.groups.length, 5);
    assert.ok(d.groups.every(([a, b]) => a.startsWith('p') && b.startsWith('r')));
    assert.deepEqual(d.unmatched, ['o1', 'o2', 'o3']);
    const w = drawMatches({ design: 'partner', size: 2, within: 'proposers' }, 2, 1, agents);
    assert.ok(w.groups.flat().every((id) => id.startsWith('p')));
    assert.equal(w.unmatched.length, 1 + 5 + 3, 'one proposer left over, and everyone outside the group');
  });
});

describe('matching: partners when someone leaves or joins (issue 70)', () => {
  const pairs = (m: { groups: string[][] }): string[] => m.groups.map((g) => g.join('+'));

  it('keeps every surviving pair and matches only those whose partner left', () => {
    const book = new MatchBook({ design: 'partner', size: 2 }, 9);
    const first = book.draw(1, players(20));
    assert.equal(first.groups.length, 10);
    const leaver = first.groups[3][0];
    const stayed = players(20).filter((p) => p.id !== leaver);
    const second = book.draw(2, stayed);
    const surviving = pairs(first).filter((p) => !p.split('+').includes(leaver));
    assert.equal(surviving.length, 9);
    for (const p of surviving) assert.ok(pairs(second).includes(p), `pair ${p} was re-drawn`);
    assert.deepEqual(second.unmatched, [first.groups[3][1]], 'the partner left alone waits');
    // Someone joins: the one waiting is matched with them; everyone else keeps their partner.
    const third = book.draw(3, [...stayed, { id: 'q1', group: 'players' }]);
    for (const p of surviving) assert.ok(pairs(third).includes(p), `pair ${p} was re-drawn when q1 joined`);
    assert.ok(pairs(third).some((p) => p.split('+').sort().join('+') === [first.groups[3][1], 'q1'].sort().join('+')));
    assert.equal(third.unmatched, undefined);
  });

  it('between two roles and within a group: surviving pairs kept, each still one of each role', () => {
    const agents = [...players(6, 'proposers', 'p'), ...players(6, 'responders', 'r'), ...players(2, 'others', 'o')];
    const book = new MatchBook({ design: 'partner', size: 2, between: ['proposers', 'responders'] }, 4);
    const first = book.draw(1, agents);
    const [gone, alone] = first.groups[0];
    const second = book.draw(
      2,
      agents.filter((a) => a.id !== gone),
    );
    assert.deepEqual(pairs(second), pairs(first).slice(1));
    assert.ok(second.unmatched!.includes(alone));
    const within = new MatchBook({ design: 'partner', size: 3, within: 'proposers' }, 4);
    const groups = within.draw(1, agents).groups;
    const next = within.draw(
      2,
      agents.filter((a) => a.id !== groups[0][0]),
    );
    assert.deepEqual(pairs(next), pairs({ groups }).slice(1));
  });

  it('a checkpoint keeps the pairs: resumed after a leave, the run goes on as the whole run', async () => {
    const dir = scratchDir('society-matching-leave-');
    const sc = await scenarioFromText(
      TRUST('partner', ['events:', '  - { at: 2, remove: [i1] }', '  - { at: 3, remove: [t2] }']).replace(
        'rounds: 4',
        'rounds: 5',
      ),
    );
    for (const d of ['a', 'b']) fs.mkdirSync(path.join(dir, d));
    const whole = await runInto(path.join(dir, 'a'), sc);
    const byRound = partnersByRound(traceLines(whole));
    for (const [r, m] of byRound) {
      for (const [a, b] of byRound.get(1)!) {
        if (![a, b].some((id) => ['i1', 't2'].includes(id)) || r === 1) assert.equal(m.get(a), b, `round ${r}: ${a}`);
      }
    }
    await runInto(path.join(dir, 'b'), sc, { stopAfter: 3 });
    assert.equal(await runInto(path.join(dir, 'b'), sc, { resume: true }), whole);
  });
});

/** A trust game; `rest` appended to the scenario. */
const TRUST = (design = 'partner', rest: string[] = []): string =>
  [
    'kind: scenario',
    'name: Trust',
    'seed: 4',
    'population:',
    '  - { group: investors, count: 4, id_prefix: i, occupations: [player], interests: { pool: [x], per_agent: 1 } }',
    '  - { group: trustees, count: 4, id_prefix: t, occupations: [player], interests: { pool: [x], per_agent: 1 } }',
    'world: { rounds: 4 }',
    'matching:',
    `  design: ${design}`,
    '  between: [investors, trustees]',
    'state:',
    '  agents:',
    '    coins: { initial: 10, min: 0 }',
    '    received: { initial: 0, min: 0, valued: false, update: "0.0" }',
    'actions:',
    '  send:',
    '    description: Send coins to your trustee; they arrive tripled.',
    '    args: { amount: { type: number, min: 0, max: 10 } }',
    '    effects:',
    '      me.coins: "me.coins - args.amount"',
    '      partner.coins: "partner.coins + 3.0 * args.amount"',
    '      partner.received: "3.0 * args.amount"',
    '  repay:',
    '    description: Send back part of what arrived.',
    '    args: { amount: { type: number, min: 0, max: "me.received" } }',
    '    effects:',
    '      me.coins: "me.coins - args.amount"',
    '      partner.coins: "partner.coins + args.amount"',
    'round:',
    '  - { phase: invest, actions: { investors: [send] } }',
    '  - { phase: reciprocate, actions: { trustees: [repay] } }',
    ...rest,
    '',
  ].join('\n');

/** Each round's pairs from the trace's match events: agent → partner. */
function partnersByRound(lines: Line[]): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  for (const e of lines.filter((l) => l.type === 'match')) {
    const m = new Map<string, string>();
    for (const [a, b] of e.groups as string[][]) m.set(a, b).set(b, a);
    out.set(e.round, m);
  }
  return out;
}

describe('matching: in a run (issue 62)', () => {
  it('each round opens with its match event, and every gift goes to the partner it names', async () => {
    const lines = traceLines(await traceOf(await scenarioFromText(TRUST('stranger'))));
    const partners = partnersByRound(lines);
    assert.deepEqual([...partners.keys()], [1, 2, 3, 4]);
    for (const r of [1, 2, 3, 4]) {
      const start = lines.findIndex((l) => l.type === 'round_start' && l.round === r);
      const match = lines.findIndex((l) => l.type === 'match' && l.round === r);
      const firstAction = lines.findIndex((l) => l.type === 'action' && l.round === r);
      assert.ok(start < match && match < firstAction, `round ${r}: the match is recorded before any action`);
    }
    const actions = lines.filter((l) => l.type === 'action');
    assert.equal(actions.length, 4 * 8);
    for (const a of actions) {
      const partner = partners.get(a.round)!.get(a.agent)!;
      const others = Object.keys(a.changes).filter((k) => !k.startsWith(`${a.agent}.`));
      assert.deepEqual([...new Set(others.map((k) => k.split('.')[0]))], [partner], JSON.stringify(a));
    }
    const read = readTrace(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    assert.deepEqual(read.errors, [], 'the reader takes match events');
  });

  it('the same seed gives the same trace; a partner design keeps its pairs', async () => {
    const s = await scenarioFromText(TRUST('partner'));
    const a = await traceOf(s);
    assert.equal(await traceOf(s), a);
    const partners = [...partnersByRound(traceLines(a)).values()].map((m) => JSON.stringify([...m].sort()));
    assert.equal(new Set(partners).size, 1, 'the same pairs every round');
  });

  it('a run resumed from a checkpoint draws the groups it would have drawn (partners and strangers)', async () => {
    for (const design of ['partner', 'stranger']) {
      const dir = scratchDir(`society-matching-resume-${design}-`);
      const sc = await scenarioFromText(TRUST(design));
      for (const d of ['a', 'b']) fs.mkdirSync(path.join(dir, d));
      const whole = await runInto(path.join(dir, 'a'), sc);
      await runInto(path.join(dir, 'b'), sc, { stopAfter: 2 });
      assert.equal(await runInto(path.join(dir, 'b'), sc, { resume: true }), whole, design);
    }
  });

  it('a bound written as an expression is evaluated for each agent: no return exceeds what arrived', async () => {
    const requests: ActRequest[] = [];
    const factory = recordingFactory((req: DecisionRequest) => {
      if (req.kind === 'act') requests.push(req);
    });
    const sim = Simulation.create(await scenarioFromText(TRUST('stranger')), { modelFactory: factory });
    const events: Line[] = [];
    sim.on((e) => events.push(e as unknown as Line));
    await sim.run();
    const received = new Map<string, number>();
    let repays = 0;
    for (const e of events) {
      if (e.type !== 'action') continue;
      for (const [k, [, after]] of Object.entries(e.changes as Record<string, [number, number]>)) {
        if (k.endsWith('.received')) received.set(`${e.round}:${k.split('.')[0]}`, after);
      }
      if (e.action === 'repay') {
        repays++;
        assert.ok(e.args.amount <= (received.get(`${e.round}:${e.agent}`) ?? 0), JSON.stringify(e));
      }
    }
    assert.equal(repays, 16);
    // What the model is told it may choose: the bound as it stands for that trustee.
    const told = requests.flatMap((r) =>
      r.actions.filter((a) => a.name === 'repay').map((a) => [r.key, a.args[0].max] as const),
    );
    assert.equal(told.length, 16);
    assert.ok(told.some(([, max]) => max! > 0) && told.every(([, max]) => typeof max === 'number'));
    for (const [k, max] of told) {
      const [, round, , id] = /^act:(\d+):(\w+:)?(\w+)$/.exec(k)!;
      assert.equal(max, received.get(`${round}:${id}`) ?? 0, k);
    }
  });

  it('`matched` reads the group in an update, from the closing state', async () => {
    const pot = [
      'kind: scenario',
      'name: Pot',
      'seed: 2',
      'population:',
      '  - { group: players, count: 8, id_prefix: p, occupations: [player], interests: { pool: [x], per_agent: 1 } }',
      'world: { rounds: 3 }',
      'matching: { design: stranger, size: 4 }',
      'state:',
      '  agents:',
      '    tokens: { initial: 20, min: 0, update: "me.tokens + 0.5 * sum(matched.map(a, a.given)) + 20.0" }',
      '    given: { initial: 0, min: 0, valued: false, update: "0.0" }',
      'actions:',
      '  contribute:',
      '    description: Put tokens into your group project.',
      '    args: { amount: { type: number, min: 0, max: 20 } }',
      '    effects: { me.tokens: "me.tokens - args.amount", me.given: "args.amount" }',
      '',
    ].join('\n');
    const lines = traceLines(await traceOf(await scenarioFromText(pot)));
    const tokens = new Map<string, number>();
    for (const e of lines.filter((l) => l.type === 'state' && l.round === 0)) {
      for (const [id, v] of Object.entries(e.agents as Record<string, Record<string, number>>)) {
        tokens.set(id, v.tokens);
      }
    }
    for (const r of [1, 2, 3]) {
      const groups = lines.find((l) => l.type === 'match' && l.round === r)!.groups as string[][];
      const given = new Map<string, number>();
      const after = new Map(tokens);
      for (const a of lines.filter((l) => l.type === 'action' && l.round === r)) {
        given.set(a.agent, a.args.amount);
        after.set(a.agent, a.changes[`${a.agent}.tokens`][1]);
      }
      const state = lines.find((l) => l.type === 'state' && l.round === r)!;
      for (const g of groups) {
        const pot = g.reduce((s, id) => s + (given.get(id) ?? 0), 0);
        for (const id of g) {
          const want = after.get(id)! + 0.5 * pot + 20;
          assert.ok(
            Math.abs(state.agents[id].tokens - want) < 1e-9,
            `round ${r} ${id}: ${state.agents[id].tokens} ≠ ${want}`,
          );
          tokens.set(id, state.agents[id].tokens);
        }
      }
    }
  });

  it('an agent left without a group is not offered what reads or changes a match', async () => {
    const text = [
      'kind: scenario',
      'name: Within',
      'seed: 5',
      'population:',
      '  - { group: players, count: 4, id_prefix: p, occupations: [player], interests: { pool: [x], per_agent: 1 } }',
      '  - { group: watchers, count: 2, id_prefix: w, occupations: [player], interests: { pool: [x], per_agent: 1 } }',
      'world: { rounds: 3 }',
      'matching: { within: players }',
      'state:',
      '  agents:',
      '    coins: { initial: 10, min: 0 }',
      'actions:',
      '  give:',
      '    description: Give your partner a coin.',
      '    effects: { me.coins: "me.coins - 1.0", partner.coins: "partner.coins + 1.0" }',
      '  keep:',
      '    description: Keep your coins.',
      '    effects: { me.coins: "me.coins + 0.0" }',
      '',
    ].join('\n');
    const lines = traceLines(await traceOf(await scenarioFromText(text)));
    const matches = lines.filter((l) => l.type === 'match');
    assert.ok(matches.every((m) => JSON.stringify(m.unmatched) === '["w1","w2"]'));
    const watchers = lines.filter((l) => l.type === 'action' && String(l.agent).startsWith('w'));
    assert.equal(watchers.length, 6, 'the watchers still act');
    assert.ok(watchers.every((a) => a.action === 'keep'));
    assert.deepEqual(
      lines.filter((l) => l.type === 'error'),
      [],
    );
  });

  it("the Debug Console's partner() names an agent's partner this round", async () => {
    const sim = Simulation.create(await scenarioFromText(TRUST('stranger')));
    const events: Line[] = [];
    sim.on((e) => events.push(e as unknown as Line));
    await sim.run();
    const last = partnersByRound(events).get(4)!;
    const scope = stateScope(sim, undefined);
    for (const id of ['i1', 't3']) assert.equal(evaluateExpression(`partner("${id}")`, scope), last.get(id));
    const plain = Simulation.create(
      await scenarioFromText(
        [
          'kind: scenario',
          'name: Plain',
          'personas: [{ id: ana, name: Ana }, { id: bo, name: Bo }]',
          'world: { rounds: 1 }',
          'state: { agents: { coins: { initial: 1 } } }',
          'actions: { keep: { description: Keep., effects: { me.coins: "me.coins + 0.0" } } }',
          '',
        ].join('\n'),
      ),
    );
    assert.throws(() => evaluateExpression('partner("ana")', stateScope(plain, undefined)), /declares no matching/);
  });

  it('the trace table gives each group a row, named by its members', () => {
    const rows = matchRows(
      {
        type: 'match',
        round: 2,
        design: 'stranger',
        groups: [
          ['a', 'b'],
          ['c', 'd', 'e'],
        ],
      },
      9,
      (id) => id.toUpperCase(),
    );
    assert.deepEqual(
      rows.map((r) => [r.kind, r.from, r.to, r.also, r.detail, r.text]),
      [
        ['match', 'a', 'b', undefined, 'strangers · pair', 'A with B'],
        ['match', 'c', 'd', ['e'], 'strangers · group of 3', 'C with D with E'],
      ],
    );
  });
});
