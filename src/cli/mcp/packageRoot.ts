// The folder Society Studio is installed in (the one with its package.json): the bundle runs from
// dist/, the sources (tests) from src/cli/mcp/; docs/, examples/ and bin/ are found from here.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'society-studio') return dir;
    } catch {
      // not here: one folder up
    }
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}
