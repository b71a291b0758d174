// Places and daily plans (issue 44 point 7), on a small town written here: each round starts with
// a `places` event (plans, the most specific first; a full place admits a seeded few and sends the
// rest to its overflow); `meet` pairs only people at the same place; an action's `move:` moves the
// actor (a `move` event) for the part or the day; `where: who.place == me.place` offers only those
// present; conversation memories and the prompts say where; a resumed run writes the same trace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scenarioFromText, traceOf } from './traceHelpers';
import { runInto } from './resumeHelper';
import { PlaceBook } from '../../../src/core/engine/society/places';
import type { Persona } from '../../../src/core/format/model/model';
import type { ActOption, ActRequest, DecisionRequest } from '../../../src/core/llm/types';
import { actSchema, checkAct } from '../../../src/core/llm/parse/actAnswer';
import { actValues } from '../../../src/core/llm/prompts/values';
import { moveUtility } from '../../../src/core/llm/offline/move';
import { recordingFactory } from './recordingModels';

const TOWN = (extra: string[] = [], seed = 3): string =>
  [
    'kind: scenario',
    'name: Town',
    `seed: ${seed}`,
    'world: { rounds: 6 }',
    'personas:',
    '  - { id: isabella, name: Isabella, plan: { morning: cafe } }',
    'population:',
    '  - { group: folk, count: 9, names: [Ann, Bo, Cy, Di, Ed, Flo, Gus, Hal, Ivy] }',
    'places:',
    '  home: { label: Home }',
    '  cafe: { label: Hobbs Cafe, capacity: 4, overflow: park }',
    '  park: { label: Johnson Park }',
    'day: [morning, afternoon]',
    'plan: { morning: home, afternoon: cafe }',
    ...extra,
    '',
  ].join('\n');

const ACTIONS = [
  'state:',
  '  agents:',
  '    knows: { initial: 0, min: 0, max: 1 }',
  'actions:',
  '  go:',
  '    description: Go somewhere for the rest of the day.',
  '    args: { where: { type: place } }',
  '    move: { to: args.where, for: day }',
  '  stay: { description: Stay where you are. }',
  '  tell:',
  '    description: Tell someone here the news.',
  '    args: { whom: { type: agent, where: "whom.place == me.place" } }',
  '    when: "me.knows > 0.0"',
  '    effects: { whom.knows: "1.0" }',
  'round:',
  '  - { phase: plans, actions: [go, stay] }',
  '  - meet',
  '  - { phase: talk, actions: [tell, stay] }',
];

type Line = Record<string, any>;
const lines = (trace: string): Line[] =>
  trace
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** Where each agent is at each round, from the places events and the moves after them. */
function whereabouts(events: Line[]): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  for (const e of events) {
    if (e.type === 'places') {
      const m = new Map<string, string>();
      for (const [p, ids] of Object.entries(e.at as Record<string, string[]>)) for (const id of ids) m.set(id, p);
      out.set(e.round, m);
    }
    if (e.type === 'move') {
      if (e.to) out.get(e.round)!.set(e.agent, e.to);
      else out.get(e.round)!.delete(e.agent);
    }
  }
  return out;
}

describe('places and daily plans: the engine', () => {
  it('each round starts where the plans say; a full place admits its capacity and overflows the rest', async () => {
    const events = lines(await traceOf(await scenarioFromText(TOWN())));
    const places = events.filter((e) => e.type === 'places');
    assert.deepEqual(
      places.map((e) => [e.round, e.day, e.part]),
      [
        [1, 1, 'morning'],
        [2, 1, 'afternoon'],
        [3, 2, 'morning'],
        [4, 2, 'afternoon'],
        [5, 3, 'morning'],
        [6, 3, 'afternoon'],
      ],
    );
    // Morning: Isabella's own plan puts her at the cafe, everyone else at home.
    assert.deepEqual(places[0].at.cafe, ['isabella']);
    assert.equal(places[0].at.home.length, 9);
    // Afternoon: all ten want the cafe; four get in, six go on to the park.
    assert.equal(places[1].at.cafe.length, 4);
    assert.equal(places[1].at.park.length, 6);
    assert.equal(places[1].at.home, undefined);
    // Who gets in is drawn per round: not always the same four.
    assert.notDeepEqual(places[1].at.cafe, places[3].at.cafe);
    // Only with places: round_start comes first, then places, in every round.
    const k = events.findIndex((e) => e.type === 'places');
    assert.equal(events[k - 1].type, 'round_start');
  });

  it('meet pairs only people at the same place; conversation memories and prompts say where', async () => {
    const events = lines(await traceOf(await scenarioFromText(TOWN())));
    const where = whereabouts(events);
    const met = events.filter((e) => e.type === 'encounter');
    assert.ok(met.length > 0);
    for (const e of met) {
      assert.equal(where.get(e.round)!.get(e.from), where.get(e.round)!.get(e.to), JSON.stringify(e));
    }
    // Morning: Isabella is alone at the cafe, so she meets no one.
    assert.ok(!met.some((e) => e.round % 2 === 1 && (e.from === 'isabella' || e.to === 'isabella')));
    const talked = events.filter((e) => e.type === 'memory' && e.memory.kind === 'conversation');
    assert.ok(talked.length > 0);
    assert.ok(talked.every((e) => /^At (Home|Hobbs Cafe|Johnson Park), talked with /.test(e.memory.text)));
  });

  it('a move holds for the day, then the plan applies; `where` offers only those at the same place', async () => {
    const sc = await scenarioFromText(
      TOWN(ACTIONS).replace(
        '  - { id: isabella, name: Isabella, plan: { morning: cafe } }',
        // Caring and calm: telling is worth it to her (issue 57: telling is no longer chosen for its many listeners).
        '  - { id: isabella, name: Isabella, plan: { morning: cafe }, state: { knows: 1 }, traits: { agreeableness: 0.9, neuroticism: 0 } }',
      ),
    );
    const events = lines(await traceOf(sc));
    const moves = events.filter((e) => e.type === 'move');
    assert.ok(moves.length > 0, 'someone goes somewhere');
    for (const m of moves) {
      assert.equal(m.action, 'go');
      // for: day: until the last round of the day the move was made in (two parts a day).
      assert.equal(m.until, Math.ceil(m.round / 2) * 2);
    }
    const where = whereabouts(events);
    // A move made in a morning still holds in the afternoon's places event.
    const morning = moves.find((m) => m.round % 2 === 1 && m.to && m.to !== 'cafe' && !m.wanted);
    if (morning) {
      const next = events.find((e) => e.type === 'places' && e.round === morning.round + 1)!;
      assert.ok(next.at[morning.to]?.includes(morning.agent), JSON.stringify({ morning, next }));
    }
    // meet comes after the moves: partners are where the movers went.
    const met = events.filter((e) => e.type === 'encounter');
    assert.ok(met.length > 0);
    for (const e of met) {
      assert.equal(where.get(e.round)!.get(e.from), where.get(e.round)!.get(e.to), JSON.stringify(e));
    }
    const tells = events.filter((e) => e.type === 'action' && e.action === 'tell');
    assert.ok(tells.length > 0, 'the news is told');
    for (const t of tells) {
      const here = where.get(t.round)!;
      assert.equal(here.get(t.args.whom), here.get(t.agent), 'told only to someone at the same place');
    }
  });

  it('a run resumed from a checkpoint writes the uninterrupted trace (moves that hold the day included)', async () => {
    const sc = await scenarioFromText(TOWN(ACTIONS));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'places-'));
    try {
      fs.mkdirSync(path.join(dir, 'a'));
      fs.mkdirSync(path.join(dir, 'b'));
      const whole = await runInto(path.join(dir, 'a'), sc);
      assert.ok(whole.includes('"type":"move"'));
      // Stop after a morning: moves made then hold into the afternoon, so they must be in the checkpoint.
      await runInto(path.join(dir, 'b'), sc, { stopAfter: 3 });
      const cp = JSON.parse(fs.readFileSync(path.join(dir, 'b', 'checkpoint.json'), 'utf8'));
      assert.ok(Object.keys(cp.held_moves).length > 0, 'the checkpoint holds the moves that last the day');
      assert.equal(await runInto(path.join(dir, 'b'), sc, { resume: true }), whole);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PlaceBook: a move to a full place goes along the overflow chain; with no room anywhere the mover stays', () => {
    const set = {
      places: [
        { id: 'home', label: 'Home' },
        { id: 'cafe', label: 'Cafe', capacity: 1, overflow: 'bar' },
        { id: 'bar', label: 'Bar', capacity: 1 },
      ],
      day: ['am', 'pm'],
      plan: { am: 'home', pm: 'cafe' },
    };
    const book = new PlaceBook(set, [], 1);
    const agents = ['a', 'b', 'c'].map((id) => ({ id, persona: { id } as Persona }));
    const pm = book.placeRound(2, agents);
    assert.equal(pm.at.cafe.length, 1);
    assert.equal(pm.at.bar.length, 1);
    assert.equal(pm.away?.length, 1, 'cafe and bar full: the third is away');
    const am = book.placeRound(3, agents);
    assert.deepEqual({ ...am.at }, { home: ['a', 'b', 'c'] });
    assert.deepEqual(book.move('a', 'cafe', 'part', 3, 'go'), {
      type: 'move',
      round: 3,
      agent: 'a',
      from: 'home',
      to: 'cafe',
      until: 3,
      action: 'go',
    });
    assert.deepEqual(book.move('b', 'cafe', 'day', 3, 'go'), {
      type: 'move',
      round: 3,
      agent: 'b',
      from: 'home',
      to: 'bar',
      wanted: 'cafe',
      until: 4,
      action: 'go',
    });
    assert.equal(book.move('a', 'cafe', 'part', 3, 'go'), undefined, 'there already: nothing changes, no event');
    const stayed = book.move('c', 'cafe', 'part', 3, 'go');
    assert.equal(stayed!.to, 'home');
    assert.equal(stayed!.wanted, 'cafe');
    // b's move holds the day: in the afternoon b wants the cafe again (its move), a and c follow the plan.
    assert.deepEqual([...book.held.keys()], ['b']);
    book.placeRound(5, agents);
    assert.equal(book.held.size, 0, 'a move lasts no longer than its day');
  });

  it('the requests say where and when; the act schema enumerates the places; an unknown place is refused', async () => {
    const requests: DecisionRequest[] = [];
    await traceOf(await scenarioFromText(TOWN(ACTIONS)), { modelFactory: recordingFactory((r) => requests.push(r)) });
    const speak = requests.find((r) => r.kind === 'speak')!;
    assert.match(speak.setting, /You are at (Home|Hobbs Cafe|Johnson Park); it is day \d, (morning|afternoon)\.$/);
    const choose = requests.find((r) => r.kind === 'choose_partner')!;
    assert.match(choose.setting, /You are at /);
    const act = requests.find((r) => r.kind === 'act' && r.round === 2) as ActRequest;
    assert.equal(act.time, 'day 1, afternoon');
    assert.ok(['Home', 'Hobbs Cafe', 'Johnson Park'].includes(act.place!));
    assert.deepEqual(
      act.places!.map((p) => p.id),
      ['home', 'cafe', 'park'],
    );
    const values = actValues(act);
    assert.match(values.world_state, /You are at .+; it is day 1, afternoon\./);
    assert.match(
      values.actions,
      /where: the id of a place, one of: home \(Home\), cafe \(Hobbs Cafe\), park \(Johnson Park\)/,
    );
    assert.match(values.actions, /moves you to args\.where for the rest of the day/);
    const go = JSON.parse(
      JSON.stringify(actSchema(act, (d: string) => ({ type: 'string', description: d }))),
    ).properties.choice.anyOf.find(
      (c: { properties: { action: { enum: string[] } } }) => c.properties.action.enum[0] === 'go',
    );
    assert.deepEqual(go.properties.args.properties.where.enum, ['home', 'cafe', 'park']);
    assert.equal(checkAct(act, { action: 'go', args: { where: 'moon' }, reason: 'x' }, []).ok, false);
    const repairs: string[] = [];
    const byLabel = checkAct(act, { action: 'go', args: { where: 'Hobbs Cafe' }, reason: 'x' }, repairs);
    assert.ok(byLabel.ok && byLabel.value.args.where === 'cafe');
    assert.equal(repairs.length, 1);
    // Every go option carries what the move means to the agent.
    assert.ok(act.options.filter((o) => o.action === 'go').every((o) => o.move && typeof o.move.off_plan === 'number'));
  });

  it('offline: keeping to the plan is free, leaving it costs off·(1 + c − o)/2, and friends there draw', () => {
    const req = { persona: { traits: { openness: 0.2, conscientiousness: 0.8 } } } as unknown as ActRequest;
    const option = (off: number, ties: number): ActOption => ({
      action: 'go',
      args: {},
      changes: {},
      move: { to: 'x', label: 'X', off_plan: off, ties },
    });
    assert.equal(moveUtility(req, option(0, 0)), 0);
    assert.equal(moveUtility(req, option(1, 0)), -0.8);
    assert.equal(moveUtility(req, option(0.5, 0)), -0.4, 'a day-long move off-plan for half its parts');
    assert.equal(moveUtility(req, option(0, 0.6)), 0.3);
    const curious = { persona: { traits: { openness: 1, conscientiousness: 0 } } } as unknown as ActRequest;
    assert.equal(moveUtility(curious, option(1, 0)), 0);
    assert.equal(moveUtility(req, { action: 'stay', args: {}, changes: {} }), 0);
  });

  it('a room at a place draws its members from those there; agents rows read a.place', async () => {
    const sc = await scenarioFromText(
      TOWN([
        'world:',
        '  rounds: 4',
        '  rooms: [{ name: gossip, size: 3, place: cafe }, { name: bench, members: [isabella, folk1], place: park }]',
        'state:',
        '  world:',
        '    at_cafe: { initial: 0, update: "double(agents.filter(a, a.place == \'cafe\').size())" }',
      ]).replace('world: { rounds: 6 }\n', ''),
    );
    const events = lines(await traceOf(sc));
    const where = whereabouts(events);
    const rooms = events.filter((e) => e.type === 'room');
    assert.ok(rooms.some((e) => e.room === 'gossip'));
    for (const e of rooms) {
      const place = e.room === 'gossip' ? 'cafe' : 'park';
      assert.ok(
        e.members.every((m: string) => where.get(e.round)!.get(m) === place),
        JSON.stringify(e),
      );
    }
    // The fixed bench meets only when both its members are at the park (in the afternoons the cafe turns them away).
    for (let round = 1; round <= 4; round++) {
      const both = ['isabella', 'folk1'].every((id) => where.get(round)!.get(id) === 'park');
      assert.equal(
        rooms.some((e) => e.room === 'bench' && e.round === round),
        both,
        `round ${round}`,
      );
    }
    for (const e of events.filter((x) => x.type === 'state' && x.round > 0)) {
      const here = [...where.get(e.round)!.values()].filter((p) => p === 'cafe').length;
      assert.equal(e.world.at_cafe, here, `round ${e.round}`);
    }
  });
});

describe('places in a when, an effect and an update (me.place, an agent argument’s .place)', function () {
  it('an action offered only at the cafe, an effect and an update that read where the agent is', async () => {
    const sc = await scenarioFromText(
      TOWN([
        'state:',
        '  agents:',
        '    coffees: { initial: 0, min: 0 }',
        '    at_cafe: { initial: 0, min: 0, update: "me.at_cafe + (me.place == \'cafe\' ? 1.0 : 0.0)" }',
        'actions:',
        '  order:',
        '    description: Order a coffee.',
        '    when: "me.place == \'cafe\'"',
        '    effects: { me.coffees: "me.coffees + (me.place == \'cafe\' ? 1.0 : 0.0)" }',
        '  wait: { description: Wait. }',
        'round: [{ phase: cafe, actions: [order, wait] }]',
      ]),
    );
    const events = (await traceOf(sc))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, any>);
    const where = new Map<number, Record<string, string>>();
    for (const e of events) {
      if (e.type !== 'places') continue;
      const at: Record<string, string> = {};
      for (const [place, ids] of Object.entries(e.at as Record<string, string[]>)) for (const id of ids) at[id] = place;
      where.set(e.round, at);
    }
    const orders = events.filter((e) => e.type === 'action' && e.action === 'order');
    assert.ok(orders.length > 0);
    for (const e of orders) assert.equal(where.get(e.round)![e.agent], 'cafe', 'only at the cafe');
    for (const e of orders) {
      const [before, after] = e.changes[`${e.agent}.coffees`] as [number, number];
      assert.equal(after, before + 1, 'the effect read me.place too');
    }
    // Each agent's at_cafe counts the rounds it spent at the cafe.
    const last = events.filter((e) => e.type === 'state').pop()!;
    const state = new Map<string, number>();
    for (const e of events) {
      if (e.type === 'state') {
        for (const [id, v] of Object.entries(e.agents as Record<string, any>)) {
          if (v.at_cafe !== undefined) state.set(id, v.at_cafe);
        }
      }
    }
    const cafeRounds = (id: string) => [...where.values()].filter((at) => at[id] === 'cafe').length;
    for (const [id, n] of state) assert.equal(n, cafeRounds(id), `${id} at round ${last.round}`);
  });
});
