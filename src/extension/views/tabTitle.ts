// The tab of a run's file says whose it is: every trace was titled `trace.jsonl` and every report
// `report.html`, so three runs open side by side could not be told apart (issue 73).
import * as path from 'node:path';

/** "friends-seed3 · trace.jsonl": the run folder, then the file. */
export function runFileTitle(file: string): string {
  const folder = path.basename(path.dirname(file));
  return folder ? `${folder} · ${path.basename(file)}` : path.basename(file);
}
