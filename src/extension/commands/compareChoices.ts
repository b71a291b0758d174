// What Society: Compare Runs… offers to pick from: the runs folder's run folders (each holding a
// trace) and folders of runs (one per seed), newest first. No vscode here: tested in plain Node.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TRACE_FILE } from '../../core/experiment';

export interface RunChoice {
  /** The folder. */
  path: string;
  /** Its name in the runs folder. */
  name: string;
  /** A run folder, or a folder of run folders (one per seed). */
  kind: 'run' | 'runs';
  /** Runs it holds. */
  runs: number;
  modified: number;
}

const hasTrace = (dir: string): boolean =>
  fs.statSync(path.join(dir, TRACE_FILE), { throwIfNoEntry: false })?.isFile() === true;

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

/** The run folders and folders of run folders directly in `runsDir`, newest first. */
export function runChoices(runsDir: string): RunChoice[] {
  const out: RunChoice[] = [];
  for (const dir of subfolders(runsDir)) {
    const one = hasTrace(dir);
    const runs = one ? 1 : subfolders(dir).filter(hasTrace).length;
    if (!runs) continue;
    const modified = fs.statSync(dir).mtimeMs;
    out.push({ path: dir, name: path.basename(dir), kind: one ? 'run' : 'runs', runs, modified });
  }
  return out.sort((a, b) => b.modified - a.modified || a.name.localeCompare(b.name));
}
