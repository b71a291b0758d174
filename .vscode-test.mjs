// Extension-host tests with @vscode/test-cli (downloads VS Code; needs update.code.visualstudio.com):
//   npm run test:vscode
// Offline CI runs the same suite inside code-server instead (test/e2e/inhost.e2e.ts).
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A throwaway copy of the friends example: the suite edits (and reverts) files in it.
const workspace = mkdtempSync(join(tmpdir(), 'society-vscode-test-'));
cpSync('examples/friends', workspace, { recursive: true });

export default defineConfig({
  files: 'out/test/vscode/suite/**/*.test.js',
  version: '1.100.3',
  workspaceFolder: workspace,
  mocha: { ui: 'bdd', timeout: 30000 },
  launchArgs: ['--disable-extensions'],
});
