// The Debug Console's `why`: the chain of events that moved a tie or a quantity so far, from the
// events the debug session keeps (createRun collects them from round 0 on).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runConsole } from '../../../src/core/debug/console';
import { why } from '../../../src/core/debug/why';
import { createRun, type DebugRun } from '../../../src/debug/debugRun';
import { offlineOnlyFactory } from '../../../src/core/engine/kernel/world';
import { replay } from '../../../src/core/replay/replay';
import type { Explanation } from '../../../src/core/analysis/explain/explainTypes';

const scenarioFile = path.resolve(__dirname, '../../../examples/friends/friends.society');

describe('debug console: why', function () {
  let run: DebugRun;
  before(async () => {
    run = await createRun({ scenario: scenarioFile, rounds: 3 }, () => offlineOnlyFactory);
    await run.sim.run();
  });
  after(async () => {
    await run?.close();
  });

  it('keeps every event of the run from round 0, in trace order', () => {
    assert.deepEqual([run.events[0].type, run.events[0].round], ['round_start', 0]);
    assert.equal(run.events.filter((e) => e.type === 'agent_added' && e.round === 0).length, 16);
    assert.equal(run.events.at(-1)!.type, 'run_end');
  });

  it('prints the moves of a tie with their lines, adding up to its value as replay has it', async () => {
    const r = await runConsole('why maya nina', run.sim, undefined, { events: () => run.events });
    assert.match(
      r.text,
      /^Why Maya Chen \(maya_chen\) → Nina Petrova \(nina_petrova\) is \d\.\d{3} at the end of round 3:/,
    );
    const x = r.value as Explanation;
    const value = replay(run.sim.header, run.events).ties.get('maya_chen', 'nina_petrova');
    const moves = x.rounds.flatMap((round) => round.moves);
    assert.ok(moves.length > 0);
    assert.ok(Math.abs(moves.reduce((a, m) => a + m.delta, 0) - value) < 1e-9);
    // Lines as in the trace file the session writes: the header, then one event a line.
    for (const m of moves) {
      assert.equal(run.events[m.line - 2].type === 'tie' || run.events[m.line - 2].type === 'tie_decay', true);
    }
  });

  it('takes both directions, and says what it cannot explain as an error', () => {
    assert.deepEqual(Object.keys(why(' maya nina both', run.events).value.values), [
      'maya_chen→nina_petrova',
      'nina_petrova→maya_chen',
    ]);
    assert.throws(
      () => why(' mya nina', run.events),
      /^Error: No agent 'mya' in this run; did you mean maya_chen \(Maya Chen\)\?$/,
    );
    assert.throws(() => why(' maya.wealth', run.events), /No agent quantity 'wealth'/);
    assert.throws(() => why(' a b c d', run.events), /^Error: why needs what to explain/);
  });

  it('asks for its arguments, and for the events where the session keeps none', async () => {
    await assert.rejects(
      runConsole('why', run.sim, undefined, { events: () => run.events }),
      /why needs what to explain: why <from> <to>/,
    );
    await assert.rejects(runConsole('why maya nina', run.sim, undefined), /does not keep/);
  });
});
