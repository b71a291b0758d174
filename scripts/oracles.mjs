// Sets up the reference implementations the oracle tests (test/oracles) call: a Python virtual
// environment with the packages test/oracles/requirements.txt pins (NetworkX, SciPy, NumPy,
// statsmodels), in the cache folder outside the repository ($SOCIETY_CACHE, else
// ~/.cache/society-studio) under `py-oracles-<hash of requirements.txt>`, so a changed pin gets a
// fresh environment and an unchanged one is reused. Does nothing when that environment is there.
// Prints the environment's python on stdout; test/oracles/python.ts reads it from here, so the
// path is worked out in this one place.
//
//   node scripts/oracles.mjs            # install if missing; print the python
//   node scripts/oracles.mjs --where    # print the python if installed, else fail saying how to install
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ATTEMPTS = 3;
/** NumPy 2.4 and SciPy 1.17 need Python 3.11 or later. */
const MIN_PYTHON = [3, 11];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const requirements = join(root, 'test', 'oracles', 'requirements.txt');
const cache = process.env.SOCIETY_CACHE?.trim()
  ? resolve(process.env.SOCIETY_CACHE)
  : join(homedir(), '.cache', 'society-studio');
const pins = readFileSync(requirements);
const venv = join(cache, `py-oracles-${createHash('sha256').update(pins).digest('hex').slice(0, 16)}`);
const python = process.platform === 'win32' ? join(venv, 'Scripts', 'python.exe') : join(venv, 'bin', 'python');
// Written last: an environment without it is a broken install (interrupted, or a failed pip) and is redone.
const done = join(venv, '.installed');

const say = (line) => console.error(`oracles: ${line}`);
function fail(line) {
  say(line);
  process.exit(1);
}

/** Runs a command, retried with a growing pause: PyPI and its mirrors fail now and then. */
function run(cmd, args) {
  for (let attempt = 1; ; attempt++) {
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status === 0) return;
    const why = r.error ? r.error.message : `exit ${r.status}`;
    if (attempt >= ATTEMPTS) fail(`\`${cmd} ${args.join(' ')}\` failed ${ATTEMPTS} times (last: ${why})`);
    say(`\`${cmd} ${args.slice(0, 3).join(' ')}\` failed (${why}); trying again (${attempt + 1} of ${ATTEMPTS})`);
    spawnSync('sleep', [String(5 * attempt)]);
  }
}

/** A Python new enough, able to make a venv with pip in it: python3 or python, whichever answers first. */
function basePython() {
  // ensurepip is what `-m venv` installs pip with; Debian and Ubuntu ship it apart (python3-venv).
  const check = `import sys, venv, ensurepip; sys.exit(0 if sys.version_info[:2] >= (${MIN_PYTHON.join(', ')}) else 3)`;
  for (const candidate of ['python3', 'python']) {
    const r = spawnSync(candidate, ['-c', check], { stdio: 'ignore' });
    if (r.status === 0) return candidate;
    if (r.status === 3) say(`${candidate} is older than Python ${MIN_PYTHON.join('.')}`);
  }
  return fail(
    `Python ${MIN_PYTHON.join('.')} or later with the venv and ensurepip modules is needed for the oracle tests ` +
      '(Debian, Ubuntu: apt-get install python3-venv)',
  );
}

function install() {
  const base = basePython();
  const started = Date.now();
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  say(
    `creating ${venv} with the packages of test/oracles/requirements.txt (from PyPI: about 70 MB of wheels, 400 MB installed)`,
  );
  run(base, ['-m', 'venv', venv]);
  // Wheels only: a source build of SciPy would need a Fortran compiler and take an hour.
  run(python, [
    '-m',
    'pip',
    'install',
    '--disable-pip-version-check',
    '--no-input',
    '--quiet',
    '--only-binary=:all:',
    '--retries',
    '5',
    '-r',
    requirements,
  ]);
  run(python, ['-c', 'import networkx, numpy, scipy.stats, statsmodels.stats.multitest']);
  writeFileSync(done, pins);
  say(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const installed = existsSync(done) && existsSync(python);
if (process.argv.includes('--where')) {
  if (!installed) fail(`no oracle environment at ${venv}: run \`node scripts/oracles.mjs\` first`);
} else if (installed) {
  say(`the oracle environment is in ${venv}`);
} else {
  install();
}
console.log(python);
