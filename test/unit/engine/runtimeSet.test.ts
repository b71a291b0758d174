// Values set at run time (timed `set` events; experiment conditions reach the engine the same way)
// get the schema's defaults, as the scenario's own values do when it is built; what still does not
// fit is an `error` event and that change is skipped, never a crash. Optional settings the
// scenario left unset (`coaching.model`) can be set too.
import * as assert from 'node:assert/strict';
import type { ModelConfig, Scenario } from '../../../src/core/format/model/model';
import type { AgentModel } from '../../../src/core/llm/types';
import type { TraceEvent } from '../../../src/core/trace/events';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { replay } from '../../../src/core/replay/replay';
import { applySet, settingsFromScenario } from '../../../src/core/format/schema/settings';
import { withOverrides } from '../../../src/core/experiment/overrides';
import { makeScenario } from './scenarioFixture';
import { recordingFactory } from './recordingModels';

const offline = (name: string): ModelConfig => ({
  name,
  provider: 'offline',
  concurrency: 8,
  timeout_ms: 60000,
  retries: 3,
  on_error: 'skip',
});

async function run(s: Scenario, factory?: (cfg: ModelConfig, seed: number) => AgentModel): Promise<TraceEvent[]> {
  const sim = Simulation.create(s, factory ? { modelFactory: factory } : {});
  const events: TraceEvent[] = [];
  sim.on((e) => {
    events.push(e);
  });
  const result = await sim.run();
  assert.equal(result.status, 'completed');
  return events;
}

const errors = (events: TraceEvent[]): string[] =>
  events.filter((e): e is Extract<TraceEvent, { type: 'error' }> => e.type === 'error').map((e) => e.message);
const rooms = (events: TraceEvent[]) =>
  events.filter((e): e is Extract<TraceEvent, { type: 'room' }> => e.type === 'room');

function withEvents(events: Scenario['events'], over: Partial<Scenario> = {}): Scenario {
  const base = makeScenario(6);
  return makeScenario(6, { world: { ...base.world, rounds: 4 }, events, ...over });
}

describe('values set at run time', () => {
  it('a room set without `members` gets the defaults (members [], size 4) and is drawn each round', async () => {
    const settings = settingsFromScenario(makeScenario(3));
    assert.deepEqual(
      applySet(settings, {
        'world.rooms': [
          { name: 'r', size: 3 },
          { name: 'q', topic: 'jazz' },
        ],
      }),
      [],
    );
    assert.deepEqual(settings.world.rooms, [
      { name: 'r', members: [], size: 3 },
      { name: 'q', topic: 'jazz', members: [], size: 4 },
    ]);
    assert.deepEqual(applySet(settings, { world: { rooms: [{ name: 'f', members: ['p0', 'p1'] }] } }), []);
    assert.deepEqual(settings.world.rooms, [{ name: 'f', members: ['p0', 'p1'], size: 4 }]);
  });

  it('a timed `set: { world.rooms: [ { name: r, size: 3 } ] }` runs (it used to crash the run)', async () => {
    const events = await run(withEvents([{ at: 2, set: { 'world.rooms': [{ name: 'r', size: 3 }] } }]));
    assert.deepEqual(errors(events), []);
    const held = rooms(events);
    assert.deepEqual(
      held.map((r) => r.round),
      [2, 3, 4],
    );
    for (const r of held) assert.equal(r.members.length, 3);
  });

  it('a room that still does not fit is an error event; the change is skipped and the run goes on', async () => {
    const bad: unknown[] = [
      [{ name: 'tiny', size: 1 }],
      [{ size: 3 }],
      [{ name: 'm', members: 'p0' }],
      [{ name: 'n', members: [5] }],
      [{ name: 'x', size: 3, colour: 'red' }],
      ['lobby'],
      [null],
    ];
    const events = await run(
      withEvents([
        { at: 1, set: { 'world.rooms': [{ name: 'ok', members: ['p0', 'p1', 'p2'] }] } },
        ...bad.map((value) => ({ at: 2, set: { 'world.rooms': value } as Record<string, unknown> })),
      ]),
    );
    const messages = errors(events);
    assert.equal(messages.length, bad.length, messages.join('\n'));
    for (const m of messages) assert.match(m, /^'world\.rooms(\[\d+\])?(\.\w+)?(\[\d+\])?' /, m);
    assert.ok(
      messages.some((m) => m.includes('>= 2')),
      messages.join('\n'),
    );
    // The earlier room stays: every round from 1 on holds it, with its three fixed members.
    assert.deepEqual(
      rooms(events).map((r) => `${r.round}:${r.room}:${r.members.join(',')}`),
      [1, 2, 3, 4].map((r) => `${r}:ok:p0,p1,p2`),
    );
  });

  it('the trace records what a set changed (defaults filled in, rejected paths left out), and replay takes it as it is', async () => {
    // QA: replay re-checked set values with a compiled schema validator, which the society view's
    // CSP (no eval) blocks: the view logged the generated code and applied values unchecked.
    const sim = Simulation.create(
      withEvents([
        {
          at: 2,
          set: { 'world.rooms': [{ name: 'r', size: 3 }], 'ties.threshold': 7, 'world.encounters.exploration': 0.4 },
        },
      ]),
    );
    const events: TraceEvent[] = [];
    sim.on((e) => {
      events.push(e);
    });
    await sim.run();
    const replayTrace = (list: TraceEvent[], round: number) => replay(sim.header, list, round);
    const fired = events.find((e): e is Extract<TraceEvent, { type: 'event_fired' }> => e.type === 'event_fired')!;
    assert.deepEqual(
      { ...fired.applied },
      {
        'world.rooms': [{ name: 'r', size: 3, members: [] }],
        'world.encounters.exploration': 0.4,
      },
    );
    assert.equal(errors(events).length, 1, 'the threshold of 7 is rejected');
    const state = replayTrace(events, 4);
    assert.deepEqual(state.settings.world.rooms, [{ name: 'r', size: 3, members: [] }]);
    assert.equal(state.settings.world.encounters.exploration, 0.4);
    assert.equal(state.settings.ties.threshold, makeScenario(6).ties.threshold);
    // What the trace says is what replay sets: it does not judge the values again.
    const forged = events.map((e) =>
      e === fired ? { ...fired, applied: { 'world.encounters.exploration': 0.9 } } : e,
    );
    assert.equal(replayTrace(forged, 4).settings.world.encounters.exploration, 0.9);
  });

  it('out-of-range values are rejected as the check rejects them; other paths of the same event still apply', () => {
    const settings = settingsFromScenario(makeScenario(3));
    const messages = applySet(settings, {
      'world.encounters.exploration': 2,
      'ties.threshold': 0.5,
      'world.rooms.0': 1,
    });
    assert.equal(settings.world.encounters.exploration, 0.2);
    assert.equal(settings.ties.threshold, 0.5);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0], /'world\.encounters\.exploration' must be <= 1/);
    // Unknown and inherited names are still no settings; a mistyped value keeps its message.
    assert.deepEqual(applySet(settings, { 'coaching.modle': 'x', 'world.constructor': 1, toString: 1 }), [
      "unknown setting 'coaching.modle'",
      "unknown setting 'world.constructor'",
      "unknown setting 'toString'",
    ]);
    assert.deepEqual(applySet(settings, { 'ties.decay': 'fast' }), ["'ties.decay' must be a number"]);
    assert.deepEqual(applySet(settings, { 'world.rounds': 5 }), ["'world.rounds' cannot change during a run"]);
  });

  it("an experiment condition's rooms get the same defaults (experiment/overrides.ts → settingsFromScenario)", async () => {
    const base = makeScenario(5);
    const conditioned = withOverrides(makeScenario(5, { world: { ...base.world, rounds: 2 } }), {
      'world.rooms': [{ name: 'r', size: 3 }],
    });
    assert.deepEqual(settingsFromScenario(conditioned).world.rooms, [{ name: 'r', members: [], size: 3 }]);
    const events = await run(conditioned);
    assert.deepEqual(
      rooms(events).map((r) => r.members.length),
      [3, 3],
    );
    // A condition is checked as a timed `set` is, before anything runs.
    assert.throws(
      () => withOverrides(makeScenario(5), { 'world.rooms': [{ name: 'r', size: 1 }] }),
      /'world\.rooms\[0\]\.size' must be >= 2/,
    );
    // A condition may set what the scenario left unset, as a timed event may.
    const coached = withOverrides(makeScenario(3, { models: { default: offline('default'), alt: offline('alt') } }), {
      'coaching.model': 'alt',
    });
    assert.equal(coached.coaching.model, 'alt');
    assert.throws(() => withOverrides(makeScenario(3), { 'coaching.model': 'nosuch' }), /unknown model 'nosuch'/);
  });

  it('`coaching.model` can be set when the scenario leaves it unset, and the coach then uses that model', async () => {
    const settings = settingsFromScenario(makeScenario(3));
    assert.equal(settings.coaching.model, undefined);
    assert.deepEqual(applySet(settings, { 'coaching.model': 'alt' }), []);
    assert.equal(settings.coaching.model, 'alt');
    assert.deepEqual(applySet(settings, { coaching: { model: 7 } }), ["'coaching.model' must be a string"]);

    const advisedBy: string[] = [];
    const factory = recordingFactory((req, name) => {
      if (req.kind === 'advise') advisedBy.push(`${req.round}:${name}`);
    });
    const s = withEvents(
      [
        { at: 3, set: { 'coaching.model': 'alt' } },
        { at: 4, set: { 'coaching.model': 'nosuch' } },
      ],
      {
        coaching: { enabled: true, every: 1 },
        models: { default: offline('default'), alt: offline('alt') },
      },
    );
    const events = await run(s, factory);
    assert.deepEqual(errors(events), ["'coaching.model': unknown model 'nosuch' (scenario models: default, alt)"]);
    const byRound = (r: number) => [...new Set(advisedBy.filter((x) => x.startsWith(`${r}:`)))];
    assert.deepEqual([1, 2, 3, 4].map(byRound), [['1:default'], ['2:default'], ['3:alt'], ['4:alt']]);
  });
});
