// Lines the engine writes once (trace/duplicateEvents.ts): a line copied within its round is
// reported at the copy, naming the first, and goes no further; every trace the engine writes —
// with rooms, coaching, reflections, agents leaving and coming back, a resumed run — reads clean.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FailurePolicy, Scenario } from '../../../src/core/format/model/model';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { hashKey } from '../../../src/core/random/rng';
import { ModelCallError } from '../../../src/core/llm/errors';
import { OfflineModel } from '../../../src/core/llm/offline';
import type { AgentModel, DecisionRequest, DecisionResponse } from '../../../src/core/llm/types';
import type { TraceEvent } from '../../../src/core/trace/events';
import { readTrace, type TraceRead } from '../../../src/core/trace/reader';
import { makePersona, makeScenario } from '../engine/scenarioFixture';
import { traceOf } from '../engine/traceHelpers';
import { runInto } from '../engine/resumeHelper';

/** Pairs and rooms (drawn and fixed), coaching, reflections, and timed events: p5 leaves and comes back in round 2, p6 leaves in 3 and comes back in 4. */
function society(): Scenario {
  const base = makeScenario(1);
  return makeScenario(8, {
    world: {
      ...base.world,
      rounds: 5,
      encounters: { mode: 'recommend', per_round: 2, exploration: 0.2 },
      rooms: [
        { name: 'lounge', topic: 'film', members: [], size: 3 },
        { name: 'club', members: ['p0', 'p1', 'p2', 'p3'], size: 4 },
      ],
    },
    coaching: { enabled: true, every: 1 },
    memory: { ...base.memory, reflect_at: 40 },
    events: [
      { at: 2, broadcast: 'The library closes early this week.' },
      { at: 2, remove: ['p5'] },
      { at: 2, add: [makePersona(5)] },
      { at: 3, remove: ['p6'] },
      { at: 4, add: [makePersona(6), makePersona(9)] },
      { at: 4, set: { 'world.conversation.turns': 3 } },
    ],
  });
}

/** A model that answers later, as an LLM does (units interleave, sub-tapes), and fails a fifth of its decisions. */
class FlakyModel implements AgentModel {
  readonly provider = 'openai' as const;
  readonly label = 'flaky test model';
  constructor(
    readonly name: string,
    private readonly inner: OfflineModel,
  ) {}
  async decide<R extends DecisionRequest>(req: R): Promise<DecisionResponse<R>> {
    await new Promise((resolve) => setImmediate(resolve));
    if (hashKey(req.key, 'flaky') % 5 === 0) {
      throw new ModelCallError(this.name, req.kind, req.key, 'server_error', 3, [], 'HTTP 503 three times');
    }
    return this.inner.decideNow(req);
  }
}

/** The society's trace on the flaky model, failed decisions skipped or answered offline. */
async function flakyTrace(onError: FailurePolicy): Promise<string> {
  const sc = society();
  sc.models = { default: { ...sc.models.default, on_error: onError } };
  const sim = Simulation.create(sc, {
    modelFactory: (cfg, seed) => new FlakyModel(cfg.name, new OfflineModel(cfg.name, seed)),
  });
  const out = [JSON.stringify(sim.header)];
  sim.on((e) => out.push(JSON.stringify(e)));
  assert.equal((await sim.run()).status, 'completed');
  return out.join('\n') + '\n';
}

const problems = (r: TraceRead): [number, string][] => r.errors.map((e) => [e.line, e.message]);

describe('trace reader: lines the engine writes once', () => {
  let text: string;
  let lines: string[];
  let events: TraceEvent[];
  before(async () => {
    text = await traceOf(society());
    lines = text.trimEnd().split('\n');
    events = lines.map((l) => JSON.parse(l) as TraceEvent);
  });

  /** The 0-based index of the first line whose event matches. */
  const find = (pick: (e: TraceEvent) => boolean): number => {
    const i = events.findIndex((e, k) => k > 0 && pick(e));
    assert.ok(i > 0, 'the trace has such a line');
    return i;
  };
  const roundEnd = (r: number): number => find((e) => e.type === 'round_end' && e.round === r);
  /** The trace with a copy of line `i` put before line `at` (default: its round's round_end), and the copy's 1-based line. */
  const copied = (i: number, at = roundEnd(events[i].round)): [string, number] => [
    [...lines.slice(0, at), lines[i], ...lines.slice(at)].join('\n'),
    at + 1,
  ];

  it('reads a trace with rooms, coaching, reflections and agents coming and going without a problem', () => {
    const read = readTrace(text);
    assert.deepEqual(read.errors, []);
    assert.equal(read.events.length, lines.length - 1);
    for (const type of [
      'room',
      'encounter',
      'message',
      'evaluation',
      'reward',
      'advice',
      'memory',
      'reflection',
      'event_fired',
      'agent_removed',
    ]) {
      assert.ok(
        events.some((e) => e.type === type),
        `the trace has a ${type} line`,
      );
    }
  });

  it('takes a tie changed twice in one round (both members of two conversations rate each other): ties are not keyed', () => {
    const seen = new Set<string>();
    const twice = events.some(
      (e) =>
        e.type === 'tie' && (seen.has(`${e.round} ${e.from} ${e.to}`) || !seen.add(`${e.round} ${e.from} ${e.to}`)),
    );
    assert.ok(twice, 'the trace has such a tie');
    assert.deepEqual(readTrace(text).errors, []);
  });

  it('takes an agent removed and added again: its memory ids start over, in the same round as its last ones', () => {
    const p5 = events
      .filter(
        (e): e is Extract<TraceEvent, { type: 'memory' }> => e.type === 'memory' && e.agent === 'p5' && e.round === 2,
      )
      .map((e) => e.memory.id);
    assert.ok(p5[0] > p5[1], `p5's round-2 memory ids go back when it comes back (${p5.join(', ')})`);
    assert.ok(
      events.some((e) => e.type === 'agent_added' && e.agent.id === 'p6' && e.round === 4),
      'p6 comes back in a later round',
    );
    assert.deepEqual(readTrace(text).errors, []);
  });

  it('takes a resumed trace (appended to from a checkpoint, across an agent coming back)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-dup-'));
    try {
      await runInto(dir, society(), { stopAfter: 1 });
      const resumed = await runInto(dir, society(), { resume: true });
      assert.equal(resumed, text, 'the resumed trace is the uninterrupted one');
      assert.deepEqual(readTrace(resumed).errors, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const onError of ['skip', 'offline'] as const) {
    it(`takes a trace of a model that answers later and fails (on_error: ${onError})`, async () => {
      const flaky = await flakyTrace(onError);
      assert.match(flaky, /"type":"error"/);
      assert.deepEqual(readTrace(flaky).errors, []);
    });
  }

  it('takes a pair and a room with the same id (an agent "room", a room "0"): their messages share keys', async () => {
    const sc = makeScenario(6, {
      world: { ...makeScenario(1).world, rounds: 3, rooms: [{ name: '0', members: [], size: 3 }] },
    });
    sc.personas[0] = { ...sc.personas[0], id: 'room' };
    const shared = await traceOf(sc);
    const ids = shared
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as TraceEvent);
    const rooms = new Set(ids.flatMap((e) => (e.type === 'room' ? [e.id] : [])));
    assert.ok(
      ids.some((e) => e.type === 'encounter' && rooms.has(e.id)),
      'an encounter has a room id',
    );
    assert.deepEqual(readTrace(shared).errors, []);
  });

  const cases: [string, (e: TraceEvent) => boolean, (e: TraceEvent) => string][] = [
    ['round_start', (e) => e.type === 'round_start' && e.round === 2, () => 'round_start of round 2'],
    ['tie_decay', (e) => e.type === 'tie_decay' && e.round === 2, () => 'tie_decay of round 2'],
    ['event_fired', (e) => e.type === 'event_fired' && e.round === 2, () => 'event_fired of scenario event 0'],
    ['agent_added', (e) => e.type === 'agent_added' && e.agent.id === 'p3', () => "agent_added of 'p3'"],
    ['agent_removed', (e) => e.type === 'agent_removed' && e.agent === 'p6', () => "agent_removed of 'p6'"],
    ['encounter', (e) => e.type === 'encounter' && e.round === 1, (e) => `encounter '${(e as { id: string }).id}'`],
    ['room', (e) => e.type === 'room' && e.round === 1, (e) => `room '${(e as { id: string }).id}'`],
    [
      'message of a pair',
      (e) => e.type === 'message' && e.round === 1 && !!e.to && e.turn === 2,
      (e) => `message 2 of encounter '${(e as { encounter: string }).encounter}'`,
    ],
    [
      'message in a room',
      (e) => e.type === 'message' && e.round === 1 && !e.to && e.turn === 1,
      (e) => `message 1 of encounter '${(e as { encounter: string }).encounter}'`,
    ],
    [
      'evaluation of a pair',
      (e) => e.type === 'evaluation' && e.round === 1 && !e.encounter.includes(':room:'),
      (e) => {
        const v = e as Extract<TraceEvent, { type: 'evaluation' }>;
        return `evaluation of '${v.to}' by '${v.from}' in encounter '${v.encounter}'`;
      },
    ],
    [
      'evaluation in a room',
      (e) => e.type === 'evaluation' && e.round === 1 && e.encounter.includes(':room:'),
      (e) => {
        const v = e as Extract<TraceEvent, { type: 'evaluation' }>;
        return `evaluation of '${v.to}' by '${v.from}' in encounter '${v.encounter}'`;
      },
    ],
    [
      'reward',
      (e) => e.type === 'reward' && e.round === 1,
      (e) => `reward of agent '${(e as { agent: string }).agent}' in round 1`,
    ],
    [
      'advice',
      (e) => e.type === 'advice' && e.round === 1,
      (e) => `advice of agent '${(e as { agent: string }).agent}' in round 1`,
    ],
    [
      'memory',
      (e) => e.type === 'memory' && e.round === 1,
      (e) => {
        const m = e as Extract<TraceEvent, { type: 'memory' }>;
        return `memory ${m.memory.id} of agent '${m.agent}'`;
      },
    ],
    [
      'reflection',
      (e) => e.type === 'reflection',
      (e) => {
        const r = e as Extract<TraceEvent, { type: 'reflection' }>;
        return `reflection on memory ${r.memory} of agent '${r.agent}'`;
      },
    ],
  ];
  for (const [what, pick, message] of cases) {
    it(`reports a copied ${what} line at the copy, later in its round, naming the first line, and hands the copy to nobody`, () => {
      const i = find(pick);
      const [copy, at] = copied(i);
      const read = readTrace(copy);
      const expected = `${message(events[i])} again (first at line ${i + 1})${what === 'agent_added' ? ' without an agent_removed' : ''}`;
      assert.deepEqual(problems(read), [[at, expected]]);
      assert.equal(read.events.length, lines.length - 1);
    });
  }

  it("reports a memory line written twice in a row, and one whose id goes back to an earlier round's", () => {
    const i = find((e) => e.type === 'memory' && e.round === 3);
    const m = events[i] as Extract<TraceEvent, { type: 'memory' }>;
    assert.deepEqual(problems(readTrace(copied(i, i + 1)[0])), [
      [i + 2, `memory ${m.memory.id} of agent '${m.agent}' again (first at line ${i + 1})`],
    ]);
    const ls = [...lines];
    ls[i] = JSON.stringify({ ...m, memory: { ...m.memory, id: 0 } });
    const newest = Math.max(
      ...events.slice(0, i).flatMap((e) => (e.type === 'memory' && e.agent === m.agent ? [e.memory.id] : [])),
    );
    assert.deepEqual(problems(readTrace(ls.join('\n'))), [
      [i + 1, `memory 0 of agent '${m.agent}' after its memory ${newest}: an agent's memory ids only rise`],
    ]);
  });

  it('reports an agent added again while present, here its adding back after it left (copied)', () => {
    const back = find((e) => e.type === 'agent_added' && e.agent.id === 'p5' && e.round === 2);
    const [copy, at] = copied(back, back + 1);
    assert.deepEqual(problems(readTrace(copy)), [
      [at, `agent_added of 'p5' again (first at line ${back + 1}) without an agent_removed`],
    ]);
  });
});
