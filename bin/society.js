#!/usr/bin/env node
// The `society` command. Runs the bundled CLI (npm run build). In a checkout whose sources are
// newer than the bundle (edited since the last build) or before the first build, it runs the
// TypeScript sources through tsx instead, so a stale bundle never shadows an edit.
const path = require('path');
const fs = require('fs');
const root = path.join(__dirname, '..');
const bundled = path.join(root, 'dist', 'cli.js');
const sources = path.join(root, 'src');

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newest(dir) {
  let t = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function hasTsx() {
  try {
    require.resolve('tsx/cjs');
    return true;
  } catch {
    return false;
  }
}

/**
 * The bundle compiled with V8's code cache, kept in the studio's cache folder (where the models
 * are): compiling the 5 MB bundle was 100 of the 250 ms every `society` spends before its work,
 * and tests and tools start it hundreds of times. The cache is keyed by the bundle's path, size and
 * time and by Node's version; V8 checks it against the source and rejects a mismatch, and then the
 * bundle is compiled as before and the cache written again (temporary file, renamed into place, in
 * a folder of the user's own). Undefined when anything about the cache fails: then a plain require.
 */
function compiledBundle() {
  try {
    const vm = require('vm');
    const crypto = require('crypto');
    const os = require('os');
    const Module = require('module');
    const own = process.env.SOCIETY_CACHE && process.env.SOCIETY_CACHE.trim();
    const dir = path.join(own ? path.resolve(own) : path.join(os.homedir(), '.cache', 'society-studio'), 'compiled');
    const st = fs.statSync(bundled);
    const key = crypto
      .createHash('sha256')
      .update(`${bundled}\0${st.size}\0${st.mtimeMs}\0${process.version}\0${process.arch}`)
      .digest('hex')
      .slice(0, 24);
    const file = path.join(dir, `cli-${key}.bin`);
    let cachedData;
    try {
      const c = fs.lstatSync(file);
      if (c.isFile() && c.size < 64 << 20) cachedData = fs.readFileSync(file);
    } catch {
      // None yet.
    }
    const script = new vm.Script(Module.wrap(fs.readFileSync(bundled, 'utf8')), { filename: bundled, cachedData });
    if (!cachedData || script.cachedDataRejected) {
      // Written at exit: the functions run by then are compiled into the cache too.
      process.once('exit', () => {
        try {
          fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
          const tmp = `${file}.${process.pid}.tmp`;
          fs.writeFileSync(tmp, script.createCachedData(), { flag: 'wx', mode: 0o600 });
          fs.renameSync(tmp, file);
        } catch {
          // A cache that cannot be written is a slower start, nothing more.
        }
      });
    }
    return { fn: script.runInThisContext(), Module };
  } catch {
    return undefined;
  }
}

const built = fs.existsSync(bundled) ? fs.statSync(bundled).mtimeMs : 0;
const stale = built > 0 && fs.existsSync(sources) && newest(sources) > built && hasTsx();
const compiled = built > 0 && !stale && !process.env.SOCIETY_NO_CODE_CACHE ? compiledBundle() : undefined;
if (compiled) {
  // Run as Node runs a required file: its own module, require, __filename and __dirname.
  const m = new compiled.Module(bundled, module);
  m.filename = bundled;
  m.paths = compiled.Module._nodeModulePaths(path.dirname(bundled));
  require.cache[bundled] = m;
  compiled.fn.call(m.exports, m.exports, compiled.Module.createRequire(bundled), m, bundled, path.dirname(bundled));
  m.loaded = true;
} else if (built > 0 && !stale) {
  require(bundled);
} else {
  require('tsx/cjs');
  require(path.join(sources, 'cli', 'main.ts'));
}
