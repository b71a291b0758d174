import * as assert from 'node:assert/strict';
import { makeScenario } from './scenarioFixture';
import { Simulation, type StepPoint } from '../../../src/core/engine/simulation';
import { SimulationRuntime, type StopReason } from '../../../src/core/engine/runtime';
import { PHASES } from '../../../src/core/trace/events';

function nextStop(rt: SimulationRuntime): Promise<[StopReason, StepPoint]> {
  return new Promise((resolve) => { const l = (r: StopReason, p: StepPoint): void => { resolve([r, p]); }; rt.onStop(l); });
}

describe('debugger runtime', () => {
  it('stops on entry, steps phase by phase in order, then by turn and by round', async () => {
    const rt = new SimulationRuntime(Simulation.create(makeScenario(4, { world: { ...makeScenario(1).world, rounds: 3 } })), { stopOnEntry: true });
    const stops: [StopReason, StepPoint][] = [];
    rt.onStop((r, p) => stops.push([r, p]));
    const done = rt.start();
    await new Promise((r) => setImmediate(r));
    assert.equal(stops[0][0], 'entry');
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      rt.stepPhase();
      await new Promise((r) => setImmediate(r));
      const p = stops[stops.length - 1][1];
      if (p.kind === 'phase') seen.push(p.phase);
    }
    assert.deepEqual(seen.slice(0, 8), [...PHASES]);
    rt.stepTurn();
    await new Promise((r) => setImmediate(r));
    const turn = stops[stops.length - 1][1];
    assert.ok((turn.kind === 'phase' && turn.phase === 'perceive') || turn.kind === 'round_end');
    rt.stepRound();
    await new Promise((r) => setImmediate(r));
    assert.equal(stops[stops.length - 1][1].kind, 'round_end');
    assert.ok(rt.paused);
    rt.continue();
    assert.equal((await done).status, 'completed');
  });

  it('hits phase breakpoints and event breakpoints, and exposes state while paused', async () => {
    const sim = Simulation.create(makeScenario(5, { coaching: { enabled: true, every: 1 }, world: { ...makeScenario(1).world, rounds: 4 } }));
    const rt = new SimulationRuntime(sim);
    rt.setBreakpoints([{ agent: 'p3', phase: 'coach', round: 2 }, { event: 'advice', agent: 'p1' }]);
    const first = nextStop(rt);
    const done = rt.start();
    const [reason, p] = await first;
    assert.ok(reason === 'breakpoint' || reason === 'event');
    assert.ok(rt.paused);
    assert.ok(sim.agent('p3')!.memories.length > 0);
    const reasons: StopReason[] = [reason];
    rt.onStop((r) => { reasons.push(r); setImmediate(() => rt.continue()); });
    rt.continue();
    await done;
    assert.ok(reasons.includes('breakpoint') && reasons.includes('event'), reasons.join(','));
    assert.ok(p.round >= 1);
    assert.match((await sim.interview('p3', 'What do you think of chess?'))!, /I'm /);
  });

  it('pause stops at the next step point', async () => {
    const rt = new SimulationRuntime(Simulation.create(makeScenario(30, { world: { ...makeScenario(1).world, rounds: 50 } })));
    const stop = nextStop(rt);
    const done = rt.start();
    setTimeout(() => rt.pause(), 20);
    const [reason] = await stop;
    assert.equal(reason, 'pause');
    rt.continue();
    await done;
  });
});
