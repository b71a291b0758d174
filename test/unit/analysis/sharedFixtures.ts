// Locates shared/fixtures/graphs: `shared/` sits beside the repository clone (<clone>/../shared).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest ancestor of this file holding the project's package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'society-studio') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no society-studio package.json above ${__dirname}`);
    dir = parent;
  }
}

/** shared/fixtures/graphs beside the clone; fails loudly when missing rather than skipping. */
export function graphFixturesDir(): string {
  const dir = path.resolve(repoRoot(), '..', 'shared', 'fixtures', 'graphs');
  if (!existsSync(dir)) throw new Error(`graph fixtures not found at ${dir} (shared/ must sit beside the clone)`);
  return dir;
}
