// Issue 42 (1): "Action taken" stops right after each action, with the state as that action left
// it — in a simultaneous phase (everyone chooses, then the choices apply one by one) and in a
// sequential one — not at the next agent's phase or the end of the round with "and N more".
import * as assert from 'node:assert/strict';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { SimulationRuntime, type StopDetail } from '../../../src/core/debug/runtime';
import type { StepPoint } from '../../../src/core/engine/kernel/simulation';
import { eventFilter } from '../../../src/core/debug/eventFilters';
import { stateScope } from '../../../src/core/debug/stateScope';
import { evaluateExpression } from '../../../src/core/debug/expression';
import type { TraceEventOf } from '../../../src/core/trace/events';
import { scenarioFromText } from '../engine/traceHelpers';

/** A public goods game with punishment: a simultaneous `give` phase, a sequential `punish` one. */
const GAME = `kind: scenario
name: public goods
personas:
  - { id: p1, name: Abigail Chen }
  - { id: p2, name: Klaus Mueller }
  - { id: p3, name: Maria Lopez }
  - { id: p4, name: Sam Moore }
world: { rounds: 3 }
state:
  world:
    pot: { initial: 0, min: 0 }
    rounds_played: { initial: 0, update: "world.rounds_played + 1.0" }
  agents:
    wealth: { initial: 10, min: 0, update: "me.wealth + world.pot * 1.6 / double(n)" }
    fines: { initial: 0, min: 0, valued: false }
actions:
  give:
    description: Put some of your wealth in the pot.
    args:
      amount: { type: number, min: 1, max: 4 }
    when: "me.wealth >= 1.0"
    effects:
      me.wealth: "me.wealth - args.amount"
      world.pot: "world.pot + args.amount"
  keep:
    description: Keep what you have.
  fine:
    description: Pay one to take two from another player.
    args:
      target: { type: agent }
    when: "me.wealth >= 1.0"
    effects:
      me.wealth: "me.wealth - 1.0"
      target.wealth: "target.wealth - 2.0"
      target.fines: "target.fines + 1.0"
round:
  - phase: contribute
    actions: [give, keep]
  - phase: sanction
    actions: [fine, keep]
    order: sequential
`;

interface Stop {
  point: StepPoint;
  detail?: StopDetail;
  /** The state when the run stood there, as Variables read it. */
  world: Record<string, number>;
  agents: Record<string, Record<string, number>>;
}

async function stopsAfterActions(): Promise<{ stops: Stop[]; actions: TraceEventOf<'action'>[]; sim: Simulation }> {
  const sim = Simulation.create(await scenarioFromText(GAME), { seed: 3 });
  const actions: TraceEventOf<'action'>[] = [];
  sim.on((e) => {
    if (e.type === 'action') actions.push(e);
  });
  const runtime = new SimulationRuntime(sim);
  const filter = eventFilter('action')!;
  runtime.setBreakpoints([{ event: filter.type, tag: filter.id, onEvent: (e) => filter.matches(e, 1) }]);
  const stops: Stop[] = [];
  runtime.onStop((_reason, point, detail) => {
    const state = sim.world.state!;
    const agents = Object.fromEntries([...sim.world.agents.keys()].map((id) => [id, { ...state.of(id) }]));
    stops.push({ point, detail, world: { ...state.world }, agents });
    setImmediate(() => runtime.continue());
  });
  assert.equal((await runtime.start()).status, 'completed');
  return { stops, actions, sim };
}

describe('debugger: Action taken stops right after each action (issue 42: 1)', () => {
  it('stops once per action, at the point right after it, with no action left over', async () => {
    const { stops, actions } = await stopsAfterActions();
    assert.ok(actions.length >= 3 * 4 * 2 - 4, `about two actions per player and round (${actions.length})`);
    assert.equal(stops.length, actions.length, 'one stop per action');
    stops.forEach((s, k) => {
      assert.equal(s.point.kind, 'action', `stop ${k} is right after an action, not ${s.point.kind}`);
      assert.equal(s.detail?.event, actions[k]);
      assert.equal(s.detail?.more, 0, 'no other action between the event and its stop');
      if (s.point.kind === 'action') {
        assert.equal(s.point.agent, actions[k].agent);
        assert.equal(s.point.action, actions[k].action);
        assert.equal(s.point.step, actions[k].phase);
      }
    });
    assert.deepEqual([...new Set(actions.map((a) => a.phase))].sort(), ['contribute', 'sanction']);
  });

  it('at each stop the state is what the action left: every change it reports is the value there', async () => {
    const { stops } = await stopsAfterActions();
    let checked = 0;
    for (const s of stops) {
      const event = s.detail!.event as TraceEventOf<'action'>;
      for (const [key, [, after]] of Object.entries(event.changes)) {
        const dot = key.indexOf('.');
        const owner = key.slice(0, dot),
          name = key.slice(dot + 1);
        const now = owner === 'world' ? s.world[name] : s.agents[owner][name];
        assert.equal(now, after, `round ${event.round}, ${event.agent} ${event.action}: ${key} is ${now} at the stop`);
        checked++;
      }
    }
    assert.ok(checked > 10, `changes checked: ${checked}`);
  });

  it('conditions read the action point: agent, phase, turn and action', async () => {
    const sim = Simulation.create(await scenarioFromText(GAME), { seed: 3 });
    const runtime = new SimulationRuntime(sim);
    const seen: string[] = [];
    runtime.setBreakpoints([
      {
        when: (p) => {
          if (p.kind !== 'action') return false;
          const scope = stateScope(sim, p);
          seen.push(String(evaluateExpression('agent + " " + phase + " " + action', scope)));
          return false;
        },
      },
    ]);
    assert.equal((await runtime.start()).status, 'completed');
    assert.ok(seen.length > 0);
    for (const line of seen) assert.match(line, /^p\d (contribute (give|keep)|sanction (fine|keep))$/);
  });
});
