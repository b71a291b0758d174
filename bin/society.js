#!/usr/bin/env node
// The `society` command. Runs the bundled CLI (npm run build); falls back to the TypeScript
// sources through tsx so a checkout works before the first build.
const path = require('path');
const fs = require('fs');
const bundled = path.join(__dirname, '..', 'dist', 'cli.js');
if (fs.existsSync(bundled)) {
  require(bundled);
} else {
  require('tsx/cjs');
  require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
}
