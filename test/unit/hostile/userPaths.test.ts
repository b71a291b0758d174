// Issue 58, kind 2: a data path a user writes, in a .society file or on the command line, read
// through one reader (core/format/io/dataFile.ts, cli/optionFile.ts). A scenario's path stays
// in its workspace folder (`../` and symbolic links that lead out are refused at the path, with
// file:line:col); every path is read only when it is a regular file within the size limit, so a
// FIFO is refused at once and /dev/zero is never read.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem, SocietyWorkspace } from '../../../src/core/format';
import { readDataFileSync } from '../../../src/core/format/io/fileLimits';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const society = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });

const MARGINALS = 'attribute,category,count\njob,baker,3\njob,smith,2\n';
const censusScenario = (marginals: string) =>
  [
    'kind: scenario',
    'name: S',
    'seed: 1',
    'population:',
    '  - group: people',
    '    count: 5',
    `    census: { marginals: [${marginals}], attributes: { job: occupation } }`,
    '',
  ].join('\n');
const observedScenario = (observed: string) =>
  [
    'kind: scenario',
    'name: S',
    'seed: 1',
    'personas: [{ id: a, name: A }]',
    `calibration: { observed: '${observed}' }`,
    '',
  ].join('\n');

/** `society check`-style lines of a scenario file resolved in workspace `root`. */
async function said(file: string, root: string): Promise<string[]> {
  const r = await new SocietyWorkspace(new NodeFileSystem(), root).resolveScenario(file, undefined, { build: false });
  return r.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
}

describe('hostile paths: a data path a user writes is confined and bounded', function () {
  let top: string, proj: string;
  beforeEach(() => {
    top = scratchDir('society-paths-');
    proj = path.join(top, 'proj');
    fs.mkdirSync(path.join(top, 'outside'), { recursive: true });
    fs.mkdirSync(proj);
    fs.writeFileSync(path.join(top, 'outside/secret.csv'), MARGINALS);
  });

  it('census marginals `../outside/secret.csv`: SOC125 at the path (it was read into the trace)', async () => {
    const file = path.join(proj, 's.society');
    fs.writeFileSync(file, censusScenario('../outside/secret.csv'));
    const lines = await said(file, proj);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /^7:27 SOC125 Census table '\.\.\/outside\/secret\.csv' leaves the workspace folder/);
  });

  it('census marginals through a symbolic link out of the workspace: SOC125 naming where it leads', async function () {
    if (process.platform === 'win32') this.skip();
    fs.symlinkSync(path.join(top, 'outside/secret.csv'), path.join(proj, 'm.csv'));
    fs.symlinkSync(path.join(top, 'outside'), path.join(proj, 'data'));
    const file = path.join(proj, 's.society');
    fs.writeFileSync(file, censusScenario('m.csv, data/secret.csv'));
    const lines = await said(file, proj);
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.match(
      lines[0],
      /^7:27 SOC125 Census table 'm\.csv' leads outside the workspace folder .* through a symbolic link/,
    );
    assert.match(lines[1], /^7:34 SOC125 Census table 'data\/secret\.csv' leads outside/);
    // A link that stays inside the workspace reads as the file it leads to.
    fs.mkdirSync(path.join(proj, 'tables'));
    fs.writeFileSync(path.join(proj, 'tables/m.csv'), MARGINALS);
    fs.symlinkSync(path.join(proj, 'tables/m.csv'), path.join(proj, 'inside.csv'));
    fs.writeFileSync(file, censusScenario('inside.csv'));
    assert.deepEqual(await said(file, proj), []);
  });

  it('calibration data `../..` to /etc/passwd and /proc/self/environ: SOC133 at the path', async function () {
    if (process.platform === 'win32') this.skip();
    const file = path.join(proj, 's.society');
    for (const target of ['/etc/passwd', '/proc/self/environ']) {
      const rel = path.relative(proj, target);
      fs.writeFileSync(file, observedScenario(rel));
      const lines = await said(file, proj);
      assert.equal(lines.length, 1, lines.join('\n'));
      assert.match(lines[0], /^5:26 SOC133 Observed data '(\.\.\/)+.*' leaves the workspace folder/);
      fs.writeFileSync(file, observedScenario(target));
      assert.match((await said(file, proj))[0], /SOC133 Observed data '\/.*' is an absolute path/);
    }
  });

  it('a FIFO or a device named by a scenario is refused at once (regular files only)', async function () {
    if (process.platform === 'win32') this.skip();
    spawnSync('mkfifo', [path.join(proj, 'pipe.csv')]);
    fs.symlinkSync('/dev/zero', path.join(proj, 'zero.csv'));
    const file = path.join(proj, 's.society');
    fs.writeFileSync(file, censusScenario('pipe.csv'));
    assert.match((await said(file, proj))[0], /SOC125 Census table 'pipe\.csv' is a named pipe \(FIFO\)/);
    // /dev/zero is outside the workspace; in a workspace at / it is still no file.
    fs.writeFileSync(file, observedScenario('zero.csv'));
    assert.match((await said(file, proj))[0], /SOC133 Observed data 'zero\.csv' leads outside/);
    fs.writeFileSync(file, observedScenario(path.relative(path.dirname(file), '/dev/zero')));
    assert.match((await said(file, '/'))[0], /SOC133 Observed data '.*' is a character device/);
  });

  it('the reader is bounded: a file over the limit, or one that says it is empty (/proc), is read no further', () => {
    const big = path.join(proj, 'big.csv');
    fs.writeFileSync(big, 'x'.repeat(3000));
    const refused = readDataFileSync(big, 1000);
    assert.ok(
      'refused' in refused && /over the 0 MB limit for a data file \(raise SOCIETY_MAX_FILE_MB\)/.test(refused.refused),
    );
    assert.deepEqual(readDataFileSync(big, 3000), { text: 'x'.repeat(3000) });
    if (process.platform === 'linux') {
      const proc = readDataFileSync('/proc/self/environ', 16);
      assert.ok('refused' in proc, 'a /proc file (size 0 by stat) is still bounded');
    }
  });

  it('--edits, --answers and --observed given /dev/zero or a FIFO: refused at once, naming the file', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(proj, 'pipe');
    spawnSync('mkfifo', [fifo]);
    fs.writeFileSync(
      path.join(proj, 's.society'),
      observedScenario('o.csv').replace(/calibration.*\n/, '') + 'world: { rounds: 1 }\n',
    );
    for (const bad of ['/dev/zero', fifo]) {
      const what = bad === fifo ? /is a named pipe \(FIFO\)/ : /is a character device/;
      const fork = society(['fork', 'nowhere', '--round', '1', '--edits', bad], proj);
      assert.equal(fork.error, undefined, 'fork ended');
      assert.equal(fork.status, 2);
      assert.match(fork.stderr, new RegExp(`--edits ${bad.replace(/[/.]/g, '\\$&')}: ${what.source}`));
      const play = society(['run', 's.society', '--out', 'out', '--play', 'a', '--answers', bad, '-q'], proj);
      assert.equal(play.error, undefined, 'run --answers ended');
      assert.notEqual(play.status, 0);
      assert.match(play.stderr, new RegExp(`cannot read the recorded answers .*: ${what.source}`));
      const cal = society(['calibrate', 's.society', '--observed', bad, '--seeds', '1', '-q'], proj);
      assert.equal(cal.error, undefined, 'calibrate ended');
      assert.equal(cal.status, 1);
      assert.match(cal.stderr, new RegExp(`cannot read the observed data .*: ${what.source}`));
    }
  });
});

describe('hostile paths: a local model file is confined like every data path (issue 87: 6)', function () {
  let top: string, proj: string, cache: string;
  const scenario = (model: string) =>
    [
      'kind: scenario',
      'name: S',
      'personas: [{ id: a, name: A }]',
      'models:',
      `  default: { provider: local, model: ${JSON.stringify(model)} }`,
      '',
    ].join('\n');
  beforeEach(() => {
    top = scratchDir('society-model-paths-');
    proj = path.join(top, 'proj');
    cache = path.join(top, 'cache');
    fs.mkdirSync(path.join(top, 'outside'), { recursive: true });
    fs.mkdirSync(path.join(cache, 'models'), { recursive: true });
    fs.mkdirSync(proj);
    fs.writeFileSync(path.join(top, 'outside/secret.gguf'), 'x');
    fs.writeFileSync(path.join(cache, 'models/m.gguf'), 'x');
    process.env.SOCIETY_CACHE = cache;
  });
  afterEach(() => delete process.env.SOCIETY_CACHE);

  it('refuses an absolute path, `..` and a link out with SOC153 at the value; the models cache and the workspace are allowed', async function () {
    if (process.platform === 'win32') this.skip();
    fs.symlinkSync(path.join(top, 'outside/secret.gguf'), path.join(proj, 'out.gguf'));
    fs.symlinkSync(path.join(cache, 'models/m.gguf'), path.join(proj, 'cached.gguf'));
    const cases: [string, RegExp | undefined][] = [
      [
        path.join(top, 'outside/secret.gguf'),
        /^5:38 SOC153 Model file '.*secret\.gguf' is an absolute path outside the models cache/,
      ],
      ['../outside/secret.gguf', /^5:38 SOC153 Model file '\.\.\/outside\/secret\.gguf' leaves the workspace folder/],
      ['out.gguf', /^5:38 SOC153 Model file 'out\.gguf' leads outside the workspace folder .* through a symbolic link/],
      ['cached.gguf', undefined],
      [path.join(cache, 'models/m.gguf'), undefined],
      ['models/absent.gguf', undefined],
    ];
    for (const [model, want] of cases) {
      const file = path.join(proj, 's.society');
      fs.writeFileSync(file, scenario(model));
      const lines = (await said(file, proj)).filter((l) => l.includes('SOC153'));
      if (want) {
        assert.equal(lines.length, 1, `${model}: ${lines.join('\n')}`);
        assert.match(lines[0], want);
      } else assert.deepEqual(lines, [], model);
    }
  });
  it('society check reads a confined model file: missing, not GGUF, alignment 0, each SOC155 at the value', async () => {
    const u32 = (n: number) => {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(n);
      return b;
    };
    const u64 = (n: number) => {
      const b = Buffer.alloc(8);
      b.writeBigUInt64LE(BigInt(n));
      return b;
    };
    const key = 'general.alignment';
    fs.writeFileSync(
      path.join(proj, 'align0.gguf'),
      Buffer.concat([Buffer.from('GGUF'), u32(3), u64(0), u64(1), u64(key.length), Buffer.from(key), u32(4), u32(0)]),
    );
    fs.writeFileSync(path.join(proj, 'page.gguf'), '<html>not a model</html>');
    for (const [model, want] of [
      ['absent.gguf', /SOC155 Model file 'absent\.gguf': no such model file/],
      ['page.gguf', /SOC155 Model file 'page\.gguf': not a GGUF model/],
      ['align0.gguf', /SOC155 Model file 'align0\.gguf': the GGUF header is damaged \(general\.alignment is 0/],
    ] as const) {
      const file = path.join(proj, 's.society');
      fs.writeFileSync(file, scenario(model));
      const r = society(['check', file, '--root', proj], proj, { SOCIETY_CACHE: cache });
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout + r.stderr, want);
    }
  });

  it('a context_size no model has (1e308) is refused by the schema, at the value', async () => {
    const file = path.join(proj, 's.society');
    fs.writeFileSync(
      file,
      scenario('m.gguf').replace('provider: local,', 'provider: local, local: { context_size: 1e308 },'),
    );
    const lines = await said(file, proj);
    assert.ok(
      lines.some((l) => /context_size|1048576/.test(l)),
      lines.join('\n'),
    );
  });
});
