// `society validate --out`: what it writes there goes through the folder's own-files manifest, as
// every command that writes into a run folder does: its own files are replaced by a second run,
// a user's file of the same name only with --overwrite.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateCommand } from '../../../src/cli/commands/validate';
import { MANIFEST_FILE } from '../../../src/cli/manifest';
import { quietly } from '../../support/quietly';

const LIBRARY = path.resolve(__dirname, '../../../validation');

describe('society validate: the output folder', function () {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-out-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const validate = (...extra: string[]) =>
    quietly(() =>
      validateCommand.run([
        '--library',
        LIBRARY,
        '--only',
        'dictator',
        '--seeds',
        '1',
        '--jobs',
        '1',
        '--out',
        dir,
        ...extra,
      ]),
    );

  it('refuses --jobs that is not a whole number ≥ 1, as experiment does, before running anything', async () => {
    for (const bad of ['0', '-3', 'abc', '1.5', '']) {
      const r = await quietly(() =>
        validateCommand.run([
          '--library',
          LIBRARY,
          '--only',
          'dictator',
          '--seeds',
          '1',
          `--jobs=${bad}`,
          '--out',
          dir,
        ]),
      );
      assert.equal(r.result, 2, bad);
      assert.match(
        r.errors,
        new RegExp(`^society validate: --jobs must be an integer ≥ 1, got '${bad}'\\nUsage: `),
        bad,
      );
    }
    assert.deepEqual(fs.readdirSync(dir), [], 'nothing was written');
  });

  it('lists what it wrote as its own, and replaces its own files on a second run (offline: no estimate)', async () => {
    const first = await validate();
    assert.equal(first.result, 0);
    assert.doesNotMatch(first.errors, /estimate:/, 'the offline model sends nothing: no estimate to give');
    const listed = (d: string) => JSON.stringify(JSON.parse(fs.readFileSync(path.join(d, MANIFEST_FILE), 'utf8')));
    for (const f of ['validation.csv', 'validation.json', 'validation.html']) assert.match(listed(dir), new RegExp(f));
    assert.match(listed(path.join(dir, 'dictator')), /summary\.csv/);
    assert.equal((await validate()).result, 0, 'its own files are replaced');
  });

  it("keeps a user's file of the same name unless --overwrite", async () => {
    fs.writeFileSync(path.join(dir, 'validation.csv'), 'mine\n');
    const refused = await validate();
    assert.equal(refused.result, 1);
    assert.match(refused.errors, /validation\.csv, which Society Studio did not write/);
    assert.equal(fs.readFileSync(path.join(dir, 'validation.csv'), 'utf8'), 'mine\n');
    assert.equal(fs.existsSync(path.join(dir, 'dictator')), false, 'nothing was run');
    assert.equal((await validate('--overwrite')).result, 0);
    assert.match(fs.readFileSync(path.join(dir, 'validation.csv'), 'utf8'), /^entry,figure/);
  });

  it('--varied writes varied.csv and varied.json as its own, and names an entry that has no variations', async () => {
    const plain = await quietly(() =>
      validateCommand.run(['--library', LIBRARY, '--varied', '--only', 'town-diffusion', '--out', dir]),
    );
    assert.equal(plain.result, 2);
    assert.match(plain.errors, /--varied: town-diffusion has no variations/);
    const run = await validate('--varied');
    assert.equal(run.result, 0, run.errors);
    assert.match(run.out, /Dictators who may also take give less: /);
    const listed = fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8');
    assert.match(listed, /varied\.csv/);
    assert.match(listed, /varied\.json/);
    assert.ok(fs.existsSync(path.join(dir, 'dictator-varied', 'summary.csv')));
  });
});
