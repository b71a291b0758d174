import * as assert from 'node:assert/strict';
import { makeScenario } from './scenarioFixture';
import { Simulation, type StepPoint } from '../../../src/core/engine/kernel/simulation';
import { SimulationRuntime, type StopReason } from '../../../src/core/debug/runtime';
import { PHASES } from '../../../src/core/trace/events';
import { turnOrder } from '../../../src/core/engine/kernel/roundRun';
import { MEET } from '../../../src/core/engine/phases/meet/meet';
import { LEARN } from '../../../src/core/engine/phases/learn/learn';

function nextStop(rt: SimulationRuntime): Promise<[StopReason, StepPoint]> {
  return new Promise((resolve) => {
    const l = (r: StopReason, p: StepPoint): void => {
      resolve([r, p]);
    };
    rt.onStop(l);
  });
}

describe('debugger runtime', () => {
  it('stops on entry, steps phase by phase (agent by agent, stage by stage), then by agent and by round', async () => {
    const sim = Simulation.create(makeScenario(4, { world: { ...makeScenario(1).world, rounds: 3 } }));
    const rt = new SimulationRuntime(sim, { stopOnEntry: true });
    const stops: [StopReason, StepPoint][] = [];
    rt.onStop((r, p) => stops.push([r, p]));
    const done = rt.start();
    await new Promise((r) => setImmediate(r));
    assert.equal(stops[0][0], 'entry');
    const seen: string[] = [];
    while (seen.length < 32) {
      rt.stepPhase();
      await new Promise((r) => setImmediate(r));
      const p = stops[stops.length - 1][1];
      if (p.kind === 'phase' && p.round === 1) seen.push(`${p.agent}:${p.phase}`);
    }
    // Round 1, four agents in turn order: perceive…act for each, then the evaluation barrier, then reward…reflect.
    const order = turnOrder(sim.world, 1).map((a) => a.id);
    const expected = [
      ...order.flatMap((id) => MEET.steps.map((s) => `${id}:${s.name}`)),
      ...order.map((id) => `${id}:evaluate`),
      ...order.flatMap((id) => LEARN.steps.map((s) => `${id}:${s.name}`)),
    ];
    assert.deepEqual(seen, expected);
    // Every phase but the world phase, which only scenarios with `actions:` or `state:` have.
    assert.deepEqual(new Set(expected.map((x) => x.split(':')[1])), new Set(PHASES.filter((p) => p !== 'world')));
    rt.stepPhase();
    await new Promise((r) => setImmediate(r));
    const at = stops[stops.length - 1][1];
    assert.equal(at.kind, 'round_end');
    rt.stepPhase();
    await new Promise((r) => setImmediate(r));
    rt.stepPhase();
    await new Promise((r) => setImmediate(r));
    const from = stops[stops.length - 1][1];
    assert.ok(from.kind === 'phase' && from.phase === 'perceive' && from.round === 2);
    rt.stepTurn();
    await new Promise((r) => setImmediate(r));
    const turn = stops[stops.length - 1][1];
    assert.ok(turn.kind === 'phase' && turn.phase === 'perceive' && turn.agent !== from.agent, JSON.stringify(turn));
    rt.stepRound();
    await new Promise((r) => setImmediate(r));
    assert.equal(stops[stops.length - 1][1].kind, 'round_end');
    assert.ok(rt.paused);
    rt.continue();
    assert.equal((await done).status, 'completed');
  });

  it('hits phase breakpoints and event breakpoints, and exposes state while paused', async () => {
    const sim = Simulation.create(
      makeScenario(5, { coaching: { enabled: true, every: 1 }, world: { ...makeScenario(1).world, rounds: 4 } }),
    );
    const rt = new SimulationRuntime(sim);
    rt.setBreakpoints([
      { agent: 'p3', phase: 'coach', round: 2 },
      { event: 'advice', agent: 'p1' },
    ]);
    const first = nextStop(rt);
    const done = rt.start();
    const [reason, p] = await first;
    assert.ok(reason === 'breakpoint' || reason === 'event');
    assert.ok(rt.paused);
    assert.ok(sim.agent('p3')!.memories.length > 0);
    const reasons: StopReason[] = [reason];
    rt.onStop((r) => {
      reasons.push(r);
      setImmediate(() => rt.continue());
    });
    rt.continue();
    await done;
    assert.ok(reasons.includes('breakpoint') && reasons.includes('event'), reasons.join(','));
    assert.ok(p.round >= 1);
    assert.match((await sim.interview('p3', 'What do you think of chess?'))!, /I'm /);
  });

  it('pause stops at the next step point', async () => {
    const sim = Simulation.create(makeScenario(30, { world: { ...makeScenario(1).world, rounds: 5 } }));
    const rt = new SimulationRuntime(sim);
    const stop = nextStop(rt);
    // Asked for when round 2 starts (an event, not a timer: a busy machine cannot move it).
    let asked = false;
    const after: string[] = [];
    sim.on((e) => {
      if (asked) after.push(e.type);
      else if (e.type === 'round_start' && e.round === 2) {
        asked = true;
        rt.pause();
      }
    });
    const done = rt.start();
    const [reason, at] = await stop;
    assert.equal(reason, 'pause');
    // The very next step point: round 2's first agent about to perceive, nothing of round 2 done yet.
    assert.deepEqual(at, { kind: 'phase', round: 2, agent: turnOrder(sim.world, 2)[0].id, phase: 'perceive', turn: 0 });
    assert.deepEqual(rt.position, at);
    assert.equal(after.join(', '), '', 'no event between the pause and the stop');
    rt.continue();
    assert.equal((await done).status, 'completed');
    assert.ok(after.includes('run_end'), 'the run went on after continue');
  });
});
