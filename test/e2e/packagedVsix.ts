// The .vsix a user installs, for the specs that run the packaged extension (package.e2e.ts,
// newUserPath.e2e.ts): `npm run package` is `npm run build && vsce package --no-dependencies`; the
// e2e stage has built dist/ already, and building it again here would rewrite files that specs
// running beside this one (mocha's parallel mode) copy into their VS Code. So: vsce on the built
// tree, into a temp file of this process, removed after the suite.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './codeServer';

/** Registers the hooks that package the .vsix (before) and remove it (after); gives its path. Call before useWorkbench. */
export function usePackagedVsix(name: string): string {
  const vsix = path.join(os.tmpdir(), `society-studio-e2e-${name}-${process.pid}.vsix`);
  before(function () {
    fs.rmSync(vsix, { force: true });
    execFileSync(path.join(REPO, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--out', vsix], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  });
  after(() => fs.rmSync(vsix, { force: true }));
  return vsix;
}
