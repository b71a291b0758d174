// The CLI's side of core/tools/progressLines.ts: a line on stderr for the host that asked for them
// (an assistant's `society mcp`), nothing for a person at a terminal or a log.
import { PROGRESS_ENV, progressLine, type ToolProgress } from '../core/tools/progressLines';

export function sayToolProgress(p: ToolProgress): void {
  if (process.env[PROGRESS_ENV]) process.stderr.write(progressLine(p));
}
