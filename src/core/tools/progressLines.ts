// A long tool's progress, from the `society` child to the host that runs it (one module for both
// sides). When the host sets PROGRESS_ENV, the CLI writes a line `society-progress {…}` on stderr as
// each run, round or entry ends; the host reads the lines as they come and tells the assistant
// "3 of 12 runs done" instead of only how long the call has taken.

/** Set (to "1") in the child's environment by a host that reads progress lines. */
export const PROGRESS_ENV = 'SOCIETY_TOOL_PROGRESS';
const PREFIX = 'society-progress ';
const UNITS = ['runs', 'rounds', 'entries'] as const;

export interface ToolProgress {
  done: number;
  total: number;
  /** What is counted: an experiment's or a study's runs, a run's rounds, a validation's entries. */
  of: (typeof UNITS)[number];
}

/** The line the CLI writes (with its newline). */
export function progressLine(p: ToolProgress): string {
  return `${PREFIX}${JSON.stringify({ done: p.done, total: p.total, of: p.of })}\n`;
}

/** A progress line's figures, or undefined for any other line (or a malformed one). */
export function readProgressLine(line: string): ToolProgress | undefined {
  if (!line.startsWith(PREFIX)) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(line.slice(PREFIX.length));
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const { done, total, of } = v as Record<string, unknown>;
  const count = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!count(done) || !count(total) || done > total) return undefined;
  if (!UNITS.includes(of as ToolProgress['of'])) return undefined;
  return { done, total, of: of as ToolProgress['of'] };
}

/** "3 of 12 runs done". */
export function progressText(p: ToolProgress): string {
  return `${p.done} of ${p.total} ${p.of} done`;
}

/** True for the protocol's lines, which a host leaves out of the stderr it shows. */
export function isProgressLine(line: string): boolean {
  return line.startsWith(PREFIX);
}
