// Bundles the extension-host tests (test/vscode/suite/*.ts) to out/test/vscode/suite/*.js:
// CommonJS for the extension host, with `vscode` and npm packages (mocha) left external.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dir = 'test/vscode/suite';
const entryPoints = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(dir, f));
fs.rmSync('out/test/vscode', { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir: 'out/test/vscode/suite',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  external: ['vscode'],
  logLevel: 'warning',
});
