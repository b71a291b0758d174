// Creating a folder and its missing parents, one level at a time. Node's
// `mkdirSync(dir, { recursive: true })` loops forever at full CPU on some paths it cannot create
// (under /proc, Node 20: QA's `society run --out /proc/nope/x` hung); this fails with the error.
// It gives the folders it made, so that a command which then fails can take them away again.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Makes `dir` and its missing parents; gives the folders it made, outermost first. */
export function makeFolders(dir: string): string[] {
  const missing: string[] = [];
  const made: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(d)) break;
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
      made.push(d);
    } catch (err) {
      // Made meanwhile by someone else (another command on the same --out) is fine.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(d).isDirectory()) throw err;
    }
  }
  // A file in the way reads as EEXIST from mkdir, as the recursive form reports it.
  if (!fs.statSync(dir).isDirectory()) {
    throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${dir}'`), { code: 'EEXIST', path: dir });
  }
  return made;
}
