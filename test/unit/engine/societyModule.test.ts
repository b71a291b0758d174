// The escape hatch (engine/phases/act/societyModule.ts): a scenario's `module:` is never loaded by validation,
// refuses to run unless the host allows it, and when allowed its hooks change the declared state,
// ties and memories through the API — bounded, seeded, in the trace, resumable — and a hook that
// throws is an error event, not a crash.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { ModuleNotAllowed } from '../../../src/core/engine/phases/act/societyModule';
import { scratchDir } from '../../support/scratch';
import { traceOf } from './traceHelpers';
import { runInto } from './resumeHelper';

const SCENARIO = `kind: scenario
name: market day
personas:
  - { id: ana, name: Ana }
  - { id: bo, name: Bo }
  - { id: cy, name: Cy }
world: { rounds: 4, conversation: { turns: 2 } }
coaching: { enabled: false }
state:
  world:
    price: { initial: 10, min: 1, max: 20 }
  agents:
    coins: { initial: 5, min: 0, max: 50 }
actions:
  sell:
    description: Sell a good at today's price.
    effects: { me.coins: "me.coins + 1.0" }
  hold:
    description: Keep your goods.
module: ./market.mjs
`;

// The market clears in code: the price follows the number of sellers, a random shock, and each
// seller hears the price; the richest and poorest grow closer (a tie moved by the module).
const MODULE = `
let sellers = 0;
globalThis.__marketLoaded = (globalThis.__marketLoaded ?? 0) + 1;
export function afterAction(world, action) {
  if (action.action === 'sell') sellers++;
}
export function endRound(world) {
  const shock = world.random() - 0.5;
  world.setWorld('price', world.world('price') - sellers + shock + 100);
  for (const a of world.agents) world.remember(a.id, 'The price closed at ' + world.world('price') + ' today.', 3);
  const byCoins = [...world.agents].sort((x, y) => world.quantity(x.id, 'coins') - world.quantity(y.id, 'coins'));
  world.moveTie(byCoins[0].id, byCoins[byCoins.length - 1].id, 0.1);
  sellers = 0;
  if (world.round === 3) world.setQuantity('ghost', 'coins', 1);
}
`;

async function scenario(module = MODULE): Promise<Scenario> {
  const dir = scratchDir('society-module-');
  fs.writeFileSync(path.join(dir, 'market.mjs'), module);
  const file = path.join(dir, 'market.society');
  fs.writeFileSync(file, SCENARIO);
  const { scenario: s, diagnostics } = await loadScenarioFile(file, { root: dir });
  assert.ok(s, diagnostics.map((d) => d.message).join('\n'));
  return s;
}

type Line = Record<string, any>;
const lines = (t: string): Line[] =>
  t
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('a scenario module (the escape hatch)', function () {
  it('validation never loads it, and a run refuses it unless the host allows code to run', async () => {
    const g = globalThis as { __marketLoaded?: number };
    const before = g.__marketLoaded ?? 0;
    const s = await scenario();
    assert.equal(s.module, './market.mjs');
    assert.equal(g.__marketLoaded ?? 0, before, 'loading the scenario did not import the module');
    assert.throws(
      () => Simulation.create(s),
      (err: Error) => {
        assert.ok(err instanceof ModuleNotAllowed);
        assert.match(err.message, /names a module \(\.\/market\.mjs\).*trusted workspace.*--allow-module/);
        return true;
      },
    );
    assert.equal(g.__marketLoaded ?? 0, before, 'refused before importing');
  });

  it('allowed: its hooks change the state (bounded), ties and memories, in the trace, the same every run', async () => {
    const s = await scenario();
    const first = await traceOf(s, { allowModule: true });
    const events = lines(first);
    const prices = events.filter((e) => e.type === 'state' && e.round > 0).map((e) => e.world.price);
    assert.deepEqual(prices, [20, 20, 20, 20], 'set far above its ceiling: clamped to max');
    const told = events.filter((e) => e.type === 'memory' && /The price closed at 20 today\./.test(e.memory.text));
    assert.equal(told.length, 3 * 4);
    const moved = events.filter((e) => e.type === 'tie' && e.cause === 'module');
    assert.ok(moved.length >= 1);
    // A hook that fails (an unknown agent) is an error event; the run goes on.
    const failed = events.filter((e) => e.type === 'error' && e.reason === 'module');
    assert.equal(failed.length, 1);
    assert.match(failed[0].message, /module endRound: module: no agent 'ghost'/);
    assert.equal(failed[0].round, 3);
    assert.ok(events.some((e) => e.type === 'run_end'));
    assert.equal(await traceOf(s, { allowModule: true }), first, 'seeded: the same trace again');
  });

  it('resumes from a checkpoint to the uninterrupted trace (its state is the declared state)', async () => {
    const s = await scenario(MODULE.replace("if (world.round === 3) world.setQuantity('ghost', 'coins', 1);", ''));
    const whole = await runInto(scratchDir('society-module-whole-'), s, { sim: { allowModule: true } });
    const dir = scratchDir('society-module-resume-');
    await runInto(dir, s, { stopAfter: 2, sim: { allowModule: true } });
    assert.equal(await runInto(dir, s, { resume: true, sim: { allowModule: true } }), whole);
  });

  it('a module without hooks is refused by name when the run starts', async () => {
    const s = await scenario('export const nothing = 1;\n');
    await assert.rejects(Simulation.create(s, { allowModule: true }).run(), /exports no hook/);
  });

  it('a module file that does not exist is SOC074 at the value, without loading anything', async () => {
    const dir = scratchDir('society-module-missing-');
    const file = path.join(dir, 'market.society');
    fs.writeFileSync(file, SCENARIO);
    const { scenario: s, diagnostics } = await loadScenarioFile(file, { root: dir });
    assert.equal(s, undefined);
    const d = diagnostics.find((x) => x.code === 'SOC074')!;
    assert.ok(d, diagnostics.map((x) => x.message).join('\n'));
    assert.equal(d.severity, 'error');
    assert.match(d.message, /^Module '\.\/market\.mjs' not found: no file market\.mjs in /);
    const line = SCENARIO.split('\n').findIndex((l) => l.startsWith('module:'));
    assert.deepEqual(d.range.start, { line, character: 'module: '.length });
  });
});
