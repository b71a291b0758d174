// An expression that slips past the check's estimate of its cost (issue 41) stops at its budget
// of steps in the run: a fatal error event after the last whole round, not a run that hangs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { RunFailure } from '../../../src/core/engine/flow/runFailure';
import { scratchDir } from '../../support/scratch';
import { splitOf } from '../format/costlyExpressions';
import { runIn, traceIn } from './harnessHelpers';

describe('an expression too costly for the run', function () {
  it('stops the run with a fatal error event once it passes its budget of steps', async () => {
    const dir = scratchDir('society-costly-');
    const file = path.join(dir, 'costly.society');
    const update = `${splitOf(400)}.exists(a, ${splitOf(400)}.exists(b, a == 'y')) ? 1.0 : world.x`;
    fs.writeFileSync(
      file,
      [
        'kind: scenario',
        'name: costly',
        'personas:',
        '  - { id: ana, name: Ana }',
        'world: { rounds: 3, conversation: { turns: 2 } }',
        'coaching: { enabled: false }',
        'state:',
        '  world:',
        `    x: { initial: 1, max: 100, update: "round > 1 ? (${update}) : world.x + 1.0" }`,
        '',
      ].join('\n'),
    );
    const { scenario, diagnostics } = await loadScenarioFile(file, { root: dir });
    assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
    // The step budget is what stops it (the message says so), not a clock: no timed assertion.
    await assert.rejects(runIn(dir, scenario), (err: Error) => {
      assert.ok(err instanceof RunFailure, String(err));
      assert.match(err.message, /^state\.world\.x\.update: took more than 100,000 steps/);
      return true;
    });
    const events = traceIn(dir);
    const last = events.at(-1)!;
    assert.deepEqual(
      { type: last.type, round: last.round, handling: last.handling, reason: last.reason },
      { type: 'error', round: 2, handling: 'fatal', reason: 'expression' },
    );
    assert.deepEqual(
      events.filter((e) => e.type === 'state').map((e) => e.world.x),
      [1, 2],
    );
  });
});
