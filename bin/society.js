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

const built = fs.existsSync(bundled) ? fs.statSync(bundled).mtimeMs : 0;
const stale = built > 0 && fs.existsSync(sources) && newest(sources) > built && hasTsx();
if (built > 0 && !stale) {
  require(bundled);
} else {
  require('tsx/cjs');
  require(path.join(sources, 'cli', 'main.ts'));
}
