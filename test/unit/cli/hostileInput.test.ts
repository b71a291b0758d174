// Issue 33, defects 1, 3, 7 and 8: input that is not a .society file a person wrote. A FIFO or a
// device named by an include hung `check` and `run`; escape sequences quoted in messages reached
// the terminal raw; a 50 MB file was read whole; UTF-16 and binary files gave unclear errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const society = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ...env },
  });
/** Raw control bytes a terminal would act on (the progress bar's own \r aside: none is drawn here). */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/;
const SCENARIO = (include: string) =>
  `kind: scenario\nname: S\npersonas:\n  - include: ${include}\nworld: { setting: x, rounds: 1 }\n`;

describe('hostile input files (issue 33: 1, 3, 7, 8)', function () {
  let dir: string;
  beforeEach(() => {
    dir = scratchDir('society-hostile-');
    fs.mkdirSync(path.join(dir, 'personas'));
  });

  it('names a FIFO an include points at, and ends (it hung forever), in check and in run', function () {
    if (process.platform === 'win32') this.skip();
    spawnSync('mkfifo', [path.join(dir, 'personas/pipe.society')]);
    fs.writeFileSync(path.join(dir, 's.society'), SCENARIO('personas/pipe.society'));
    const check = society(['check', 's.society'], dir);
    assert.equal(check.error, undefined, 'check ended');
    assert.equal(check.status, 1);
    assert.match(
      check.stdout,
      /s\.society:4:14: error SOC004 Include 'personas\/pipe\.society': personas\/pipe\.society is a named pipe \(FIFO\)/,
    );
    const run = society(['run', 's.society', '--out', 'out'], dir);
    assert.equal(run.error, undefined, 'run ended');
    assert.equal(run.status, 1);
    assert.match(run.stdout + run.stderr, /named pipe \(FIFO\)/);
  });

  it('says a device is one instead of reading /dev/zero for half a gigabyte; a FIFO given itself is named too', function () {
    if (process.platform === 'win32') this.skip();
    fs.symlinkSync('/dev/zero', path.join(dir, 'personas/zero.society'));
    fs.writeFileSync(path.join(dir, 's.society'), SCENARIO('personas/zero.society'));
    const check = society(['check', 's.society'], dir);
    assert.match(
      check.stdout,
      /SOC004 Include 'personas\/zero\.society': personas\/zero\.society is a character device/,
    );
    spawnSync('mkfifo', [path.join(dir, 'lone.society')]);
    const lone = society(['check', 'lone.society'], dir);
    assert.equal(lone.error, undefined);
    assert.match(lone.stdout, /lone\.society:1:1: error SOC004 The file is a named pipe \(FIFO\)/);
  });

  it('refuses a file over the size limit, and SOCIETY_MAX_FILE_MB raises it', () => {
    const persona = (i: number) => `---\nkind: persona\nid: p${i}\nname: Person ${i}\nbio: ${'x'.repeat(200)}\n`;
    fs.writeFileSync(path.join(dir, 'big.society'), Array.from({ length: 6000 }, (_, i) => persona(i)).join(''));
    const refused = society(['check', 'big.society'], dir, { SOCIETY_MAX_FILE_MB: '1' });
    assert.match(
      refused.stdout,
      /big\.society:1:1: error SOC004 The file is 1\.\d MB, over the 1 MB limit for a \.society file \(split it into included files, or raise SOCIETY_MAX_FILE_MB\)/,
    );
    const allowed = society(['check', 'big.society'], dir, { SOCIETY_MAX_FILE_MB: '4' });
    assert.doesNotMatch(allowed.stdout, /SOC004/);
  });

  it('says in one line that a file is UTF-16 or binary, and marks control characters in values', () => {
    fs.writeFileSync(
      path.join(dir, 'u16.society'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: persona\nid: x\nname: N\n', 'utf16le')]),
    );
    fs.writeFileSync(
      path.join(dir, 'bin.society'),
      Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)),
    );
    fs.writeFileSync(path.join(dir, 'nul.society'), 'kind: persona\nid: x\nname: "N\u0000ull"\n');
    const out = society(['check', 'u16.society', 'bin.society', 'nul.society'], dir).stdout.trim().split('\n');
    assert.deepEqual(out, [
      'bin.society:1:1: error SOC005 This file is a binary file, not text (it holds NUL bytes)',
      'nul.society:1:1: error SOC005 This file is a binary file, not text (it holds NUL bytes)',
      'u16.society:1:1: error SOC005 This file is not UTF-8 text (UTF-16 byte order mark found): save the file as UTF-8',
    ]);
  });

  it('prints no raw escape sequence from the input: check, metrics, report (the title, colour and bell stay inert)', () => {
    fs.writeFileSync(path.join(dir, 'e.society'), 'kind: per\x1b]0;PWNED\x07\x1b[31msona\nid: x\nname: N\n');
    const check = society(['check', 'e.society'], dir);
    assert.equal(check.status, 1);
    assert.match(check.stdout, /e\.society:1:10: error SOC006 Control character U\+001B in the text/);
    assert.doesNotMatch(check.stdout + check.stderr, RAW_CONTROL);
    fs.writeFileSync(path.join(dir, 'g.json'), '{"nodes": [{"id": "a\x1b]0;PWNED\x07"}], "edges": [');
    const metrics = society(['metrics', 'g.json'], dir);
    assert.notEqual(metrics.status, 0);
    assert.doesNotMatch(metrics.stdout + metrics.stderr, RAW_CONTROL);
    fs.writeFileSync(path.join(dir, 't.jsonl'), '{"type": "header", "x": "\x1b[2J\x1b]0;PWNED\x07"\n');
    const report = society(['report', 't.jsonl', '--out', 'r'], dir);
    assert.notEqual(report.status, 0);
    assert.match(report.stderr, /society report/);
    assert.doesNotMatch(report.stdout + report.stderr, RAW_CONTROL);
  });
});
