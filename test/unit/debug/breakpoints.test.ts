// Planning breakpoints from what the editor sends: anything that cannot work comes back
// unverified with a sentence, and never throws (one bad logpoint used to fail the whole file).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { hitTest, planFunction, planLine, type PlanContext } from '../../../src/core/debug/breakpoints';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { SimulationRuntime } from '../../../src/core/debug/runtime';
import { makeScenario } from '../engine/scenarioFixture';

const dir = path.resolve(__dirname, '../../../examples/friends');
const scenarioFile = path.join(dir, 'friends.society');
const maya = path.join(dir, 'personas/maya_chen.society');
const read = (f: string): string[] => {
  try {
    return fs.readFileSync(f, 'utf8').split(/\r?\n/);
  } catch {
    return [];
  }
};

describe('debug breakpoints: planning', () => {
  let scenario: Scenario;
  let ctx: PlanContext;
  before(async () => {
    scenario = (await loadScenarioFile(scenarioFile, { root: dir })).scenario!;
    const sim = Simulation.create(scenario, { rounds: 1 });
    ctx = { sim: () => sim, log: () => undefined };
  });

  it("a logpoint that does not parse is unverified with the reason; the file's other breakpoints are unaffected", () => {
    const bad = planLine(scenario, maya, 16, read, { logMessage: 'hi {round +}' }, ctx);
    assert.equal(bad.verified, false);
    assert.equal(bad.message, "log message 'hi {round +}': unexpected end of expression");
    assert.equal(planLine(scenario, maya, 1, read, {}, ctx).verified, true);
  });

  it('a breakpoint carries the line it is on, as the run parsed the file, for its stop to point at (issue 73: 2)', () => {
    const nameLine = read(maya).findIndex((l) => l.startsWith('name:'));
    assert.deepEqual(planLine(scenario, maya, nameLine, read, {}, ctx).spec?.at, { file: maya, line: nameLine });
    const rounds = read(scenarioFile).findIndex((l) => /^\s+rounds:/.test(l));
    assert.deepEqual(planLine(scenario, scenarioFile, rounds - 1, read, {}, ctx).spec?.at, {
      file: scenarioFile,
      line: rounds - 1,
    });
    // The file edited since the launch: the line in the text the scenario's ranges point into.
    const parsed = { line: nameLine, read };
    assert.deepEqual(planLine(scenario, maya, nameLine + 3, read, {}, ctx, parsed).spec?.at, {
      file: maya,
      line: nameLine,
    });
  });

  it('a line outside the file says so, in the scenario file and in a persona file', () => {
    const lines = read(maya).filter((l, i, all) => i < all.length - 1 || l !== '').length;
    for (const line of [999, -1, -6]) {
      assert.deepEqual(planLine(scenario, maya, line, read, {}, ctx), {
        verified: false,
        message: `Line ${line + 1} is outside maya_chen.society, which has ${lines} lines.`,
      });
    }
    const r = planLine(scenario, scenarioFile, 499, read, {}, ctx);
    assert.equal(r.verified, false);
    assert.match(r.message!, /^Line 500 is outside friends\.society, which has \d+ lines\.$/);
    assert.match(
      planLine(scenario, path.join(dir, 'nope.society'), 3, read, {}, ctx).message!,
      /not part of the scenario/,
    );
  });

  it('hit counts that can never be reached are refused', () => {
    for (const never of ['% 0', '0', '== 0', '<= 0', '< 1']) {
      assert.throws(() => hitTest(never), /can never be reached/, never);
    }
    assert.deepEqual(planFunction('coach', { hitCondition: '% 0' }, ctx).verified, false);
    assert.deepEqual([1, 2, 3].filter(hitTest('< 2')), [1]);
  });

  it('a function breakpoint is a phase or agent.phase, nothing else', () => {
    for (const name of ['.coach', 'a.b.c', 'maya.', '']) {
      const r = planFunction(name, {}, ctx);
      assert.equal(r.verified, false, name);
      assert.equal(
        r.message,
        `'${name}' is not a function breakpoint: write a phase (coach) or an agent and a phase (maya.coach).`,
      );
    }
    assert.deepEqual(planFunction('maya.coach', {}, ctx).spec?.agent, 'maya_chen');
    assert.match(planFunction('maya.sleep', {}, ctx).message!, /^'sleep' is not a phase/);
  });

  it('a condition that fails at a stop stops there and the stop says why', async () => {
    const sim = Simulation.create(makeScenario(2), { rounds: 1 });
    const logged: string[] = [];
    const planned = planFunction(
      'act',
      { condition: 'tie("p0", "nobody") > 0' },
      { sim: () => sim, log: (t) => logged.push(t) },
    );
    const runtime = new SimulationRuntime(sim);
    runtime.setBreakpoints([planned.spec!]);
    const note = new Promise<string | undefined>((resolve) =>
      runtime.onStop((_r, _p, d) => {
        resolve(d?.note);
        runtime.setBreakpoints([]);
        runtime.continue();
      }),
    );
    await runtime.start();
    const why = 'breakpoint condition \'tie("p0", "nobody") > 0\' failed: no agent \'nobody\'';
    assert.equal(await note, why);
    assert.deepEqual(logged, [`${why}\n`]);
  });
  it("a breakpoint on an action's effect line stops when an agent takes that action, not at a round's start (issue 88)", async () => {
    const file = path.resolve(__dirname, '../../../examples/commons/commons.society');
    const commons = (await loadScenarioFile(file)).scenario!;
    const lines = read(file);
    const rest = lines.findIndex((l) => /^\s+rest:/.test(l));
    const fishEffect = lines.findIndex((l) => /^\s+world\.fish: "world\.fish - /.test(l));
    assert.ok(rest > 0 && fishEffect > 0);
    const sim = Simulation.create(commons, { rounds: 2 });
    const plan = (line: number) => planLine(commons, file, line, read, {}, { sim: () => sim, log: () => undefined });
    const onEffect = plan(fishEffect);
    const onKey = plan(rest);
    assert.ok(onEffect.verified && onKey.verified);
    const runtime = new SimulationRuntime(sim);
    runtime.setBreakpoints([onEffect.spec!]);
    const stops: { kind: string; action?: string; at?: number }[] = [];
    runtime.onStop((_reason, p, d) => {
      stops.push({ kind: p.kind, ...(p.kind === 'action' ? { action: p.action } : {}), at: d?.breakpoint?.at?.line });
      if (stops.length >= 3) runtime.setBreakpoints([]);
      runtime.continue();
    });
    await runtime.start();
    assert.ok(stops.length >= 3, `stops: ${JSON.stringify(stops)}`);
    for (const stop of stops) assert.deepEqual(stop, { kind: 'action', action: 'fish', at: fishEffect });
    // The action's own key line is its line too.
    const keyed = onKey.spec!.when!;
    assert.equal(keyed({ kind: 'action', round: 1, agent: 'x', action: 'rest', turn: 0 }), true);
    assert.equal(keyed({ kind: 'action', round: 1, agent: 'x', action: 'fish', turn: 0 }), false);
    assert.equal(keyed({ kind: 'round_start', round: 1 }), false);
  });
});
