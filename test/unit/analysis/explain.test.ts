import * as assert from 'node:assert/strict';
import { example } from '../engine/traceHelpers';
import { runToText } from '../../support/runToText';
import { readTrace } from '../../../src/core/trace/reader';
import type { TraceEvent, TraceHeader } from '../../../src/core/trace/events';
import { replay } from '../../../src/core/replay/replay';
import { explainTie } from '../../../src/core/analysis/explain/tieChain';
import { explainQuantity } from '../../../src/core/analysis/explain/quantityChain';
import { explainAsked } from '../../../src/core/analysis/explain/explainQuery';
import { explanationText } from '../../../src/core/analysis/explain/explainText';
import type { Explanation } from '../../../src/core/analysis/explain/explainTypes';

interface Run {
  text: string;
  header: TraceHeader;
  events: TraceEvent[];
}

async function run(file: string, rounds?: number): Promise<Run> {
  const { trace } = await runToText(await example(file), rounds ? { rounds } : {});
  const read = readTrace(trace);
  assert.deepEqual(read.errors, []);
  return { text: trace, header: read.header!, events: read.events };
}

const sum = (x: Explanation, series: string): number =>
  x.rounds
    .flatMap((r) => r.moves)
    .filter((m) => (m.tie ?? x.subject) === series)
    .reduce((a, m) => a + m.delta, 0);

/** Every directed tie the trace ever had. */
function everyTie(events: readonly TraceEvent[]): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const e of events) if (e.type === 'tie') seen.set(`${e.from}→${e.to}`, [e.from, e.to]);
  return [...seen.values()];
}

/** Each item's line holds an event of its round (and of its type where the kind names one). */
function checkLines(r: Run, x: Explanation): void {
  const lines = r.text.split('\n');
  for (const round of x.rounds) {
    for (const item of [
      ...round.moves,
      ...round.moves.flatMap((m) => (m.because ? [m.because] : [])),
      ...round.context,
    ]) {
      const e = JSON.parse(lines[item.line - 1]) as TraceEvent;
      assert.equal(e.round, item.round);
      if ('kind' in item) assert.equal(e.type, item.kind);
    }
  }
}

describe('explain: why a tie or a quantity stands where it does', function () {
  let friends: Run;
  before(async () => {
    friends = await run('friends/friends.society');
  });

  it("on the friends example, every tie's changes add up to its value, at the end and at earlier rounds", () => {
    const ties = everyTie(friends.events);
    assert.ok(ties.length > 100, `only ${ties.length} ties`);
    for (const round of [undefined, 1, 7, 18]) {
      const state = replay(friends.header, friends.events, round ?? Infinity);
      for (const [from, to] of ties) {
        const x = explainTie({ events: friends.events }, { from, to, round });
        const expected = state.ties.get(from, to);
        assert.ok(Math.abs(sum(x, `${from}→${to}`) - expected) < 1e-9, `${from}→${to} at ${round}`);
        assert.equal(x.values[`${from}→${to}`], expected);
        for (const m of x.rounds.flatMap((r) => r.moves)) assert.ok(m.round <= (round ?? Infinity));
      }
    }
  });

  it('says which evaluation moved the tie, with the encounter, its messages and the memories, each at its line', () => {
    const x = explainTie({ events: friends.events }, { from: 'maya_chen', to: 'nina_petrova' });
    const moves = x.rounds.flatMap((r) => r.moves);
    const rated = moves.filter((m) => m.cause === 'evaluation');
    assert.ok(rated.length > 5);
    for (const m of rated) {
      assert.equal(m.because?.kind, 'evaluation');
      const e = JSON.parse(friends.text.split('\n')[m.because!.line - 1]) as TraceEvent & { type: 'evaluation' };
      assert.equal(e.from, 'maya_chen');
      assert.equal(e.to, 'nina_petrova');
    }
    const kinds = new Set(x.rounds.flatMap((r) => r.context.map((c) => c.kind)));
    for (const k of ['encounter', 'message', 'evaluation', 'reward', 'advice', 'memory']) {
      assert.ok(kinds.has(k as never), k);
    }
    const memories = x.rounds.flatMap((r) => r.context).filter((c) => c.kind === 'memory');
    assert.ok(memories.every((m) => m.agent === 'maya_chen' && m.memory !== undefined));
    checkLines(friends, x);
  });

  it('lists only advice to do something with the other, and no ids in its texts (issue 61)', () => {
    const ids = new Set(friends.events.flatMap((e) => (e.type === 'agent_added' ? [e.agent.id] : [])));
    let advised = 0;
    for (const [from, to] of everyTie(friends.events).slice(0, 40)) {
      const x = explainTie({ events: friends.events }, { from, to, both: true });
      const items = x.rounds.flatMap((r) => [...r.context, ...r.moves.flatMap((m) => (m.because ? [m.because] : []))]);
      for (const c of items) {
        if (c.kind === 'advice') {
          advised++;
          const e = JSON.parse(friends.text.split('\n')[c.line - 1]) as TraceEvent & { type: 'advice' };
          assert.equal(e.partner, e.agent === from ? to : from, c.text);
        }
        // No agent, conversation (`3:maya_chen:0`) or memory (`#12`) id: names and words only.
        assert.doesNotMatch(c.text, /#\d|\d+:[a-z_]+:\d+/, c.text);
        for (const id of ids) if (id.includes('_')) assert.ok(!c.text.includes(id), `${id} in ${c.text}`);
      }
    }
    assert.ok(advised > 0, 'no advice about a partner in the first 40 ties');
    // The agents of these ties were also advised about third persons: that advice stays out.
    const [from, to] = everyTie(friends.events)[0];
    const elsewhere = friends.events.filter(
      (e) => e.type === 'advice' && ((e.agent === from && e.partner !== to) || (e.agent === to && e.partner !== from)),
    );
    assert.ok(elsewhere.length > 0, 'no advice about a third person to check against');
  });

  it('lists decay round by round, as replay applies it', () => {
    const ties = everyTie(friends.events);
    const all = ties.map(([from, to]) => explainTie({ events: friends.events }, { from, to }));
    const decays = all.flatMap((x) => x.rounds.flatMap((r) => r.moves)).filter((m) => m.cause === 'decay');
    assert.ok(decays.length > 100);
    for (const m of decays) {
      const e = friends.events.find((ev) => ev.type === 'tie_decay' && ev.round === m.round) as TraceEvent & {
        type: 'tie_decay';
      };
      assert.ok(m.value === 0 || m.value === m.previous * (1 - e.rate), `${m.previous} → ${m.value}`);
    }
    // A decay-only round tells no story: its context is empty.
    for (const x of all) {
      for (const r of x.rounds) if (r.moves.every((m) => m.cause === 'decay')) assert.deepEqual(r.context, []);
    }
  });

  it('a tie dropped under the floor, one whose agent left, and a module move add up too (a trace written here)', () => {
    const persona = (id: string) => ({ id, name: id.toUpperCase() }) as never;
    const tie = (
      round: number,
      from: string,
      to: string,
      previous: number,
      strength: number,
      cause: 'initial' | 'module',
    ) => ({ type: 'tie', round, from, to, previous, strength, exists: false, cause }) as const;
    const events: TraceEvent[] = [
      ...['a', 'b', 'c'].map(
        (id) => ({ type: 'agent_added', round: 0, agent: persona(id), model: 'default', reason: 'initial' }) as const,
      ),
      tie(0, 'a', 'b', 0, 0.02, 'initial'),
      tie(0, 'a', 'c', 0, 0.5, 'initial'),
      { type: 'tie_decay', round: 1, rate: 0.6, floor: 0.01, dissolved: [] },
      tie(2, 'a', 'c', 0.2, 0.45, 'module'),
      { type: 'agent_removed', round: 3, agent: 'c' },
    ];
    const header = { settings: { ties: { threshold: 0.6 } } } as never;
    const ab = explainTie({ events }, { from: 'a', to: 'b' });
    assert.deepEqual(
      ab.rounds.map((r) => r.moves.map((m) => [m.cause, m.value])),
      [[['initial', 0.02]], [['decay', 0]]],
    );
    assert.match(ab.rounds[1].moves[0].text, /dropped/);
    const ac = explainTie({ events }, { from: 'a', to: 'c' });
    assert.deepEqual(
      ac.rounds.flatMap((r) => r.moves.map((m) => m.cause)),
      ['initial', 'decay', 'module', 'left'],
    );
    for (const round of [0, 1, 2, 3]) {
      for (const [from, to] of [
        ['a', 'b'],
        ['a', 'c'],
      ]) {
        const x = explainTie({ events }, { from, to, round });
        assert.ok(Math.abs(sum(x, `${from}→${to}`) - replay(header, events, round).ties.get(from, to)) < 1e-12);
      }
    }
    assert.equal(ac.rounds[0].moves[0].line, 6, 'the 5th event is on line 6, under the header');
  });

  it('explains both directions of a pair at once, each adding up', () => {
    const x = explainTie({ events: friends.events }, { from: 'maya_chen', to: 'nina_petrova', both: true });
    assert.deepEqual(Object.keys(x.values), ['maya_chen→nina_petrova', 'nina_petrova→maya_chen']);
    for (const [series, value] of Object.entries(x.values)) assert.ok(Math.abs(sum(x, series) - value) < 1e-9);
  });

  it('ties moved by actions point at the action behind them (forum example)', async () => {
    const forum = await run('forum/forum.society', 8);
    const final = replay(forum.header, forum.events);
    let byAction = 0;
    for (const [from, to] of everyTie(forum.events)) {
      const x = explainTie({ events: forum.events }, { from, to });
      assert.ok(Math.abs(sum(x, `${from}→${to}`) - final.ties.get(from, to)) < 1e-9);
      for (const m of x.rounds.flatMap((r) => r.moves).filter((mv) => mv.cause === 'action')) {
        byAction++;
        assert.equal(m.because?.kind, 'action');
        assert.equal(m.because?.agent, from);
        const e = JSON.parse(forum.text.split('\n')[m.because!.line - 1]) as TraceEvent;
        assert.equal(e.type, 'action');
      }
    }
    assert.ok(byAction > 0, 'no tie moved by an action');
  });

  it("every agent quantity's and world quantity's changes add up to its value (commons example)", async () => {
    const commons = await run('commons/commons.society', 10);
    const states = commons.events.filter((e): e is TraceEvent & { type: 'state' } => e.type === 'state');
    const last = (owner: string, q: string): number | undefined => {
      for (let i = states.length - 1; i >= 0; i--) {
        const v = owner === 'world' ? states[i].world[q] : states[i].agents[owner]?.[q];
        if (v !== undefined) return v;
      }
      return undefined;
    };
    let actions = 0;
    for (const [owner, values] of [['world', states[0].world], ...Object.entries(states[0].agents)] as [
      string,
      Record<string, number>,
    ][]) {
      for (const quantity of Object.keys(values)) {
        const x = explainQuantity({ events: commons.events }, { owner, quantity });
        const subject = `${owner}.${quantity}`;
        assert.ok(Math.abs(sum(x, subject) - last(owner, quantity)!) < 1e-9, subject);
        assert.equal(x.values[subject], last(owner, quantity));
        actions += x.rounds
          .flatMap((r) => r.moves)
          .filter((m) => m.cause === 'action' && m.because?.kind === 'action').length;
        checkLines(commons, x);
      }
    }
    assert.ok(actions > 0, 'no quantity changed by an action');
  });

  it('resolves names as typed, and says what it does not know in one sentence', () => {
    const trace = { events: friends.events };
    const tie = explainAsked(trace, ['maya', 'Nina Petrova']);
    assert.ok('explanation' in tie && tie.explanation.subject === 'maya_chen→nina_petrova');
    const typo = explainAsked(trace, ['mya', 'nina']);
    assert.ok('problem' in typo);
    assert.match(typo.problem, /^No agent 'mya' in this run; did you mean maya_chen \(Maya Chen\)\?$/);
    const noQuantity = explainAsked(trace, ['maya.wealth']);
    assert.ok('problem' in noQuantity && /No agent quantity 'wealth'/.test(noQuantity.problem));
  });

  it('reads as text: one line per move with delta, value and line, and the sum that checks it', () => {
    const x = explainTie({ events: friends.events }, { from: 'maya_chen', to: 'nina_petrova', round: 3 });
    const text = explanationText(x);
    assert.match(
      text,
      /^Why Maya Chen \(maya_chen\) → Nina Petrova \(nina_petrova\) is \d\.\d{3} at the end of round 3:/,
    );
    assert.match(text, /\n {4}1 {2}\+0\.\d{3} {2}0\.\d{3} +\d+ {2}Maya Chen rated a conversation with Nina Petrova/);
    assert.match(text, /because Maya Chen rated Nina Petrova/);
    assert.match(text, /the changes add up to (\d\.\d{3}), its value \1\.$/);
  });
});
