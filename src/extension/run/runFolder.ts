// Where a run from the editor writes its trace: <runs folder>/<scenario>-<timestamp>/trace.jsonl,
// so every run is kept and sorts by time. No vscode here: the naming is tested in plain Node.
import * as path from 'node:path';
import { slug } from '../../core/format';

export function scenarioSlug(name: string): string {
  return slug(name, 'run');
}

/** Local time as YYYYMMDD-HHMMSS. */
export function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/**
 * The folder of a new run. `runsFolder` is relative to `root` (the workspace folder) unless
 * absolute; `exists` lets a second run in the same second get its own folder.
 */
export function runDirectory(
  root: string,
  runsFolder: string,
  scenarioName: string,
  at: Date,
  exists: (dir: string) => boolean,
): string {
  const base = path.resolve(root, runsFolder, `${scenarioSlug(scenarioName)}-${timestamp(at)}`);
  let dir = base;
  for (let i = 2; exists(dir); i++) dir = `${base}-${i}`;
  return dir;
}

export const TRACE_FILE = 'trace.jsonl';
export const CHECKPOINT_FILE = 'checkpoint.json';
