// SimulationRuntime's breakpoints at a point that stops anyway: every breakpoint matching the
// point sees it (logpoints log, hit counts count), whatever stops there, and the point stops once.
import * as assert from 'node:assert/strict';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { SimulationRuntime, type StopReason } from '../../../src/core/debug/runtime';
import { planFunction } from '../../../src/core/debug/breakpoints';
import { makeScenario } from '../engine/scenarioFixture';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { stateScope } from '../../../src/core/debug/stateScope';

function harness(stopOnEntry = false) {
  const sim = Simulation.create(makeScenario(3), { rounds: 3 });
  const runtime = new SimulationRuntime(sim, { stopOnEntry });
  const log: string[] = [];
  const stops: string[] = [];
  let waiting: (() => void) | undefined;
  runtime.onStop((reason: StopReason, p, d) => {
    stops.push(
      `${reason} r${p.round}${p.kind === 'phase' ? ` ${p.agent}.${p.phase}` : ` ${p.kind}`}${d?.breakpoint?.ref !== undefined ? ` #${d.breakpoint.ref}` : ''}`,
    );
    waiting?.();
  });
  const next = (): Promise<void> =>
    new Promise((r) => {
      waiting = r;
    });
  const ctx = { sim: () => sim, log: (t: string) => log.push(t.trim()) };
  const plan = (name: string, o: { condition?: string; hitCondition?: string; logMessage?: string }, ref: number) => ({
    ...planFunction(name, o, ctx).spec!,
    ref,
  });
  return { sim, runtime, log, stops, next, plan };
}

describe('debug runtime: breakpoints at a point that stops for another reason', () => {
  it('a logpoint logs, in order with other logpoints, when a breakpoint at the same point stops', async () => {
    const { runtime, log, stops, next, plan } = harness();
    runtime.setBreakpoints([
      plan('p1.perceive', { logMessage: 'A r{round}' }, 1),
      plan('p1.perceive', { condition: 'round == 2' }, 2),
      plan('p1.perceive', { logMessage: 'B r{round}' }, 3),
    ]);
    const hit = next();
    const done = runtime.start();
    await hit;
    assert.deepEqual(log, ['A r1', 'B r1', 'A r2', 'B r2']);
    assert.deepEqual(stops, ['breakpoint r2 p1.perceive #2']);
    runtime.continue();
    assert.equal((await done).status, 'completed');
    assert.deepEqual(log, ['A r1', 'B r1', 'A r2', 'B r2', 'A r3', 'B r3']);
    assert.deepEqual(stops, ['breakpoint r2 p1.perceive #2'], 'one stop only');
  });

  it('a logpoint logs while stepping over its point; the step stops there once', async () => {
    const { runtime, log, stops, next, plan } = harness(true);
    runtime.setBreakpoints([plan('p1.perceive', { logMessage: 'LP r{round}' }, 1)]);
    let stopped = next();
    const done = runtime.start();
    await stopped; // entry
    // Step into, phase by phase, until the run has passed p1's perceive of round 1.
    for (let i = 0; i < 40 && !stops.some((s) => s.includes('p1.retrieve')); i++) {
      stopped = next();
      runtime.stepPhase();
      await stopped;
    }
    assert.deepEqual(log, ['LP r1']);
    assert.equal(stops.filter((s) => s.includes('r1 p1.perceive')).length, 1);
    runtime.continue();
    await done;
    assert.deepEqual(log, ['LP r1', 'LP r2', 'LP r3']);
  });

  it('hit counts count the passes where a step or another breakpoint stopped', async () => {
    const { runtime, stops, next, plan } = harness();
    runtime.setBreakpoints([
      plan('p1.perceive', { condition: 'round == 1' }, 1),
      plan('p1.perceive', { hitCondition: '2' }, 2),
    ]);
    let stopped = next();
    const done = runtime.start();
    await stopped;
    stopped = next();
    runtime.continue();
    await stopped;
    assert.deepEqual(stops, ['breakpoint r1 p1.perceive #1', 'breakpoint r2 p1.perceive #2']);
    runtime.continue();
    await done;
  });
});

describe('debug runtime: a declared action phase as a function breakpoint', () => {
  it("'police' stops at the police phase's choices only, and the phase variable names it", async () => {
    const file = path.join(__dirname, '../../../examples/commons/commons.society');
    const { scenario } = await loadScenarioFile(file);
    const [fish, ...others] = scenario!.mechanics!.actions.map((a) => a.name);
    scenario!.round = [
      { kind: 'act', name: 'work', actions: [fish], order: 'simultaneous' },
      { kind: 'act', name: 'police', actions: others, order: 'simultaneous' },
    ];
    const sim = Simulation.create(scenario!, { rounds: 2 });
    const runtime = new SimulationRuntime(sim, {});
    const ctx = { sim: () => sim, log: () => undefined };
    assert.equal(planFunction('patrol', {}, ctx).verified, false);
    assert.match(planFunction('patrol', {}, ctx).message ?? '', /work, police/);
    const planned = planFunction('police', {}, ctx);
    assert.equal(planned.verified, true);
    runtime.setBreakpoints([{ ...planned.spec!, ref: 1 }]);
    let stop: { step?: string; phase?: string; scope?: unknown } | undefined;
    const stopped = new Promise<void>((r) =>
      runtime.onStop((_reason, p) => {
        if (p.kind === 'phase') stop = { step: p.step, phase: p.phase, scope: stateScope(sim, p).vars.phase };
        r();
      }),
    );
    const done = runtime.start();
    await stopped;
    assert.deepEqual(stop, { step: 'police', phase: 'world', scope: 'police' });
    runtime.setBreakpoints([]);
    runtime.continue();
    assert.equal((await done).status, 'completed');
  });
});
