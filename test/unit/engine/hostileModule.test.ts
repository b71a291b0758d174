// A module's hooks cannot hold a run (issue 41): a hook that loops for ever is stopped at its time
// limit, one that is async is refused before the run begins, one that hands back a promise anyway
// stops the run — each with an error event after the last whole round, whose checkpoint stands,
// so --resume continues from it. Never a hang, an unhandled rejection or a raw stack.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { parseCheckpoint } from '../../../src/core/engine/persist/checkpoint';
import { RunFailure } from '../../../src/core/engine/flow/runFailure';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { scratchDir } from '../../support/scratch';
import { runIn, traceIn } from './harnessHelpers';

const SCENARIO = `kind: scenario
name: clock
personas:
  - { id: ana, name: Ana }
  - { id: bo, name: Bo }
world: { rounds: 4, conversation: { turns: 2 } }
coaching: { enabled: false }
state:
  world:
    ticks: { initial: 0, max: 100, valued: false }
module: ./clock.mjs
`;

/** A module that counts rounds, and from round `from` on does what `then` says instead. */
const clock = (from: number, then: string): string => `
export function endRound(w) {
  if (w.round >= ${from}) { ${then} }
  w.setWorld('ticks', w.world('ticks') + 1);
}
`;

async function scenario(dir: string, module: string): Promise<Scenario> {
  fs.writeFileSync(path.join(dir, 'clock.mjs'), module);
  const file = path.join(dir, 'clock.society');
  fs.writeFileSync(file, SCENARIO);
  const { scenario: s, diagnostics } = await loadScenarioFile(file, { root: dir });
  assert.ok(s, diagnostics.map((d) => d.message).join('\n'));
  return s;
}

describe('a module that would hold the run', function () {
  it('a hook that loops for ever is stopped at its time limit: a fatal error event after the last whole round, resumable', async () => {
    const dir = scratchDir('society-module-loop-');
    const looping = await scenario(dir, clock(2, 'for (;;) {}'));
    // The message names the time limit that stopped it; how long the test took is not asserted.
    await assert.rejects(runIn(dir, looping, { limitMs: 300 }), (err: Error) => {
      assert.ok(err instanceof RunFailure, String(err));
      assert.match(err.message, /^module endRound: ran longer than 0\.3 s \(its time limit\): stopped$/);
      return true;
    });
    const events = traceIn(dir);
    const last = events[events.length - 1];
    assert.deepEqual(
      { type: last.type, round: last.round, handling: last.handling, reason: last.reason },
      { type: 'error', round: 2, handling: 'fatal', reason: 'module' },
    );
    assert.equal(events[events.length - 2].type, 'round_end', 'the failed round is dropped');
    assert.equal(events[events.length - 2].round, 1);
    assert.equal(parseCheckpoint(fs.readFileSync(path.join(dir, 'checkpoint.json'), 'utf8')).completed, 1);
    // The module mended (beside a copy of the scenario: Node imports a file once), --resume
    // continues from round 1's checkpoint to the uninterrupted trace.
    const mended = await scenario(fs.mkdtempSync(path.join(dir, 'mended-')), clock(99, ''));
    assert.equal((await runIn(dir, mended, { resume: true })).status, 'completed');
    const whole = scratchDir('society-module-whole-');
    await runIn(whole, await scenario(whole, clock(99, '')));
    assert.deepEqual(traceIn(dir).slice(1), traceIn(whole).slice(1));
    assert.deepEqual(
      traceIn(dir)
        .filter((e) => e.type === 'state')
        .map((e) => e.world.ticks),
      [0, 1, 2, 3, 4],
    );
  });

  it('an async hook is refused by name before the first round', async () => {
    const dir = scratchDir('society-module-async-');
    const s = await scenario(dir, 'export async function endRound(w) { await null; w.setWorld("ticks", 5); }\n');
    await assert.rejects(
      Simulation.create(s, { allowModule: true }).run(),
      /'endRound' is async: hooks must be synchronous \(the run calls them and goes on, so changes after an await would land outside the hook\)/,
    );
  });

  it('a hook that hands back a promise that rejects stops the run with an error event, not an unhandled rejection', async () => {
    const dir = scratchDir('society-module-promise-');
    const s = await scenario(dir, clock(1, "return Promise.reject(new Error('later'));"));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await assert.rejects(runIn(dir, s, { limitMs: 300 }), (err: Error) => {
        assert.ok(err instanceof RunFailure);
        assert.match(err.message, /^module endRound: returned a promise: hooks must be synchronous/);
        return true;
      });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    assert.deepEqual(unhandled, []);
    const last = traceIn(dir).at(-1)!;
    assert.equal(last.handling, 'fatal');
    assert.equal(last.round, 1);
  });

  it("a stop (the editor's AbortSignal) is heard between slow hook calls, not only at the round's end", async () => {
    const dir = scratchDir('society-module-slow-');
    const personas = Array.from({ length: 30 }, (_, i) => `  - { id: p${i}, name: P${i} }`).join('\n');
    const file = path.join(dir, 'slow.society');
    fs.writeFileSync(
      path.join(dir, 'slow.mjs'),
      'export function afterAction() { const end = Date.now() + 100; while (Date.now() < end); }\n',
    );
    fs.writeFileSync(
      file,
      SCENARIO.replace(/personas:\n.*\n.*\n/, `personas:\n${personas}\n`)
        .replace('./clock.mjs', './slow.mjs')
        .concat('actions:\n  wait:\n    description: Wait.\n'),
    );
    const { scenario: s, diagnostics } = await loadScenarioFile(file, { root: dir });
    assert.ok(s, diagnostics.map((d) => d.message).join('\n'));
    // 30 actions × 100 ms: a round's actions take 3 s; the stop comes 500 ms into them.
    const sim = Simulation.create(s, { allowModule: true });
    const stop = new AbortController();
    // Counted in hook calls, not milliseconds (a loaded machine only delays the stop's timer): the
    // timer fires between two busy hook calls, and at most the action under way is applied after it.
    let actions = 0,
      atStop = -1;
    sim.on((e) => {
      if (e.type !== 'action') return;
      if (actions++ === 0) {
        setTimeout(() => {
          atStop = actions;
          stop.abort();
        }, 500);
      }
    });
    const result = await sim.run(stop.signal);
    assert.equal(result.status, 'aborted');
    assert.equal(result.completed, 0);
    assert.ok(atStop > 0 && atStop < 30, `stopped after ${atStop} of 30 actions`);
    assert.ok(actions - atStop <= 1, `${actions - atStop} actions applied after the stop`);
  });
});
