// Where the editor finds GGUF model files to offer in "Run with model…": the workspace (searched
// by the editor), the cache the project's script fetches models into, and the folder a user names
// in `society.run.modelsFolder`. A folder is read one level deep, at most MAX_LISTED files, and
// an unreadable one is no error: the pick just lists what there is.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Files listed from one folder, at most. */
export const MAX_LISTED = 50;

/** The `.gguf` files directly in `folder` (absolute, sorted by name), at most MAX_LISTED. */
export function ggufIn(folder: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith('.gguf'))
    .map((e) => path.resolve(folder, e.name))
    .sort()
    .slice(0, MAX_LISTED);
}

/** The files to offer, each once, in the order given: workspace finds, then the named folder, then the cache. */
export function localModelFiles(found: readonly string[], folders: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of [...found.slice(0, MAX_LISTED), ...folders.flatMap(ggufIn)]) {
    const key = path.resolve(f);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(key);
  }
  return out;
}
