// An experiment against an endpoint that fails (a wrong key, an outage) still finishes with
// `on_error: offline`; its runs must say what they lost, and a run that got no model answer at all
// must not pass for a result of the scenario's model.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { experimentCommand } from '../../../src/cli/commands/experiment';
import { describeRunFaults, runsWithoutAnswers } from '../../../src/core/experiment/runFaults';
import { deadEndpointScenario } from '../../support/deadEndpoint';
import { outcome } from './fixtures';

const withFaults = (condition: string, seed: number, failed_calls: number, no_model_answer = false) => ({
  ...outcome(condition, seed),
  faults: { failed_calls, no_model_answer },
});

describe('experiment: failed model calls', function () {
  it('says nothing when no call failed, and names the runs that got no model answer', () => {
    assert.equal(describeRunFaults([outcome('on', 1), outcome('off', 1)]), undefined);
    const runs = [withFaults('on', 1, 3), withFaults('off', 1, 0), withFaults('off', 2, 14, true)];
    assert.equal(runsWithoutAnswers(runs), 1);
    assert.equal(
      describeRunFaults(runs),
      '2 runs of 3 had failed model calls (17 calls in all, skipped or answered by the offline rule-based model as on_error says; runs.csv counts them per run); ' +
        "in 1 run (off seed 2) no model call succeeded, so its figures are the fallback's, not the scenario's model's.",
    );
  });

  it('society experiment on a dead endpoint: exit 3 at once, naming the endpoint', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-faults-'));
    const log = console.log,
      err = console.error;
    let errors = '';
    console.log = () => undefined;
    console.error = (...a: unknown[]) => {
      errors += a.join(' ') + '\n';
    };
    try {
      const file = await deadEndpointScenario(dir);
      const code = await experimentCommand.run([
        file,
        '--seeds',
        '1,2',
        '--out',
        path.join(dir, 'out'),
        '--no-traces',
        '--quiet',
      ]);
      // The endpoint was never reached: the circuit breaker stops the experiment at once (issue 33: 11).
      assert.equal(code, 3);
      assert.match(
        errors,
        /^society experiment: the model endpoint http:\/\/127\.0\.0\.1:\d+\/v1 refused or dropped \d+ connections in a row and has not answered once/m,
      );
    } finally {
      console.log = log;
      console.error = err;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
