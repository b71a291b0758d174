// `society calibrate`'s exit codes: 2 for a bad command line or no observed data to use, 1 for an
// observed file missing or malformed or naming a condition the calibration does not run, 0 with
// the ranking, the best setting and its runner-up printed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { calibrateCommand } from '../../../src/cli/commands/calibrate';
import { scratchDir } from '../../support/scratch';
import { quietly } from '../../support/quietly';
import { runCommand } from '../../../src/cli/commands/run';
import { reportCommand } from '../../../src/cli/commands/report';

const SCENARIO = `kind: scenario
name: Growth
personas:
  - { id: ana, name: Ana }
  - { id: bo, name: Bo }
world: { rounds: 4 }
state:
  world:
    rate: { initial: 1 }
    stock: { initial: 10, update: "world.stock + world.rate" }
`;
const CALIBRATION = `calibration:
  observed: observed.csv
  measures: { stock: world.stock }
  sweep: { state.world.rate.initial: [1, 3] }
  seeds: [1]
`;

async function calibrate(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [],
    err: string[] = [];
  const log = console.log,
    error = console.error;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    const code = await calibrateCommand.run(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

describe('society calibrate', () => {
  let dir: string;
  before(() => {
    dir = scratchDir('society-calibrate-');
    fs.writeFileSync(path.join(dir, 'plain.society'), SCENARIO);
    fs.writeFileSync(path.join(dir, 'growth.society'), SCENARIO + CALIBRATION);
    fs.writeFileSync(path.join(dir, 'observed.csv'), 'round,measure,value\n0,stock,10\n2,stock,16\n4,stock,22\n');
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'round,measure,value\n0,stock,ten\n');
    fs.writeFileSync(path.join(dir, 'cond.csv'), 'round,measure,value,condition\n0,stock,10,initial=4\n');
  });

  it('exit 2: no observed data, a bad --fit', async () => {
    const none = await calibrate([path.join(dir, 'plain.society'), '-q']);
    assert.equal(none.code, 2);
    assert.match(none.err, /plain\.society has no calibration: block; give the observed data with --observed FILE/);
    const fit = await calibrate([path.join(dir, 'growth.society'), '--fit', 'r2', '-q']);
    assert.equal(fit.code, 2);
    assert.match(fit.err, /--fit is rmse or ks, not 'r2'/);
  });

  it('exit 1: the observed file missing, malformed, or naming a condition not run', async () => {
    const missing = await calibrate([path.join(dir, 'plain.society'), '--observed', path.join(dir, 'nope.csv'), '-q']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read the observed data .*nope\.csv: no such file/);
    const bad = await calibrate([path.join(dir, 'plain.society'), '--observed', path.join(dir, 'bad.csv'), '-q']);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /bad\.csv:2: value 'ten' is not a number/);
    const cond = await calibrate([path.join(dir, 'growth.society'), '--observed', path.join(dir, 'cond.csv'), '-q']);
    assert.equal(cond.code, 1);
    assert.match(
      cond.err,
      /cond\.csv:2: condition 'initial=4' is not one the calibration runs \(did you mean 'initial=1'\?\)/,
    );
  });

  it('exit 0: prints the ranking with the best setting and the runner-up', async function () {
    const out = path.join(dir, 'out');
    const r = await calibrate([path.join(dir, 'growth.society'), '--out', out, '-q']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /best fit: initial=3 \(0\)/);
    assert.match(r.out, /runner-up: initial=1 /);
    assert.ok(fs.existsSync(path.join(out, 'fit.csv')));
    // Again into the same folder: refused without --overwrite.
    const again = await calibrate([path.join(dir, 'growth.society'), '--out', out, '-q']);
    assert.equal(again.code, 1);
    assert.match(again.err, /holds a calibration or an experiment/);
  });

  it('a finished run: compared as it is, fit.csv beside its trace, a Fit section in its report', async function () {
    const run = path.join(dir, 'run');
    const made = await quietly(() => runCommand.run([path.join(dir, 'growth.society'), '--out', run, '-q']));
    assert.equal(made.result, 0, made.errors);
    const r = await calibrate([run]);
    assert.equal(r.code, 0, r.err);
    // rate 1: 10, 12, 14 against 10, 16, 22 → errors 0, 4, 8.
    // python3 -c "import math; print(math.sqrt((0+16+64)/3)/12)"
    assert.match(r.out, /^fit of the run, normalised RMSE .*: 0\.4303/);
    assert.match(r.out, /stock ~ world\.stock: RMSE 5\.164/);
    assert.ok(fs.existsSync(path.join(run, 'fit.csv')));
    // The run's report gains a Fit section against the scenario's observed data.
    const report = await quietly(() => reportCommand.run([path.join(run, 'trace.jsonl'), '--static', '-q']));
    assert.equal(report.result, 0, report.errors);
    const html = fs.readFileSync(path.join(run, 'report.html'), 'utf8');
    assert.match(html, /<section id="fit"><h2>Fit<\/h2>/);
    assert.match(html, /Best fit: <strong>this run<\/strong>/);
    const gone = await calibrate([path.join(run, 'trace.jsonl'), '--observed', path.join(dir, 'nope.csv')]);
    assert.equal(gone.code, 1);
    // Rows naming a condition its scenario has not are refused at the row, as for a scenario (issue 70).
    const before = fs.readFileSync(path.join(run, 'fit.csv'), 'utf8');
    const cond = await calibrate([run, '--observed', path.join(dir, 'cond.csv')]);
    assert.equal(cond.code, 1, cond.out);
    assert.match(
      cond.err,
      /cond\.csv:2: condition 'initial=4' is not one the calibration runs \(did you mean 'initial=1'\?\)/,
    );
    assert.equal(fs.readFileSync(path.join(run, 'fit.csv'), 'utf8'), before, 'nothing was fitted');
  });
});
