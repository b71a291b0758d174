// Every file under some folders (links not followed) by its path and sha256: a refused command
// must leave them as they were (issue 58: nothing in a run folder or a parent changes).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function folderHashes(...dirs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isSymbolicLink()) out.set(p, `link to ${fs.readlinkSync(p)}`);
      else out.set(p, createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
    }
  };
  for (const dir of dirs) if (fs.existsSync(dir)) walk(dir);
  return out;
}
