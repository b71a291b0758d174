// How a finished run says how it went (issue 42: the "Open Trace / Show Log" notification stayed
// over the trace table until dismissed: one with buttons does not fade). A clean run whose society
// view is in sight already shows its outcome there (the badge, the table, the network); it says
// the rest in the status bar item, whose tooltip offers Open Trace and Show Log. A run whose view
// is out of sight, or one with failed model calls, still says so in a notification. Pure (no
// vscode import), so it is unit-tested.

export type OutcomeLevel = 'info' | 'warning' | 'error';

/** Whether the outcome is said in a notification, rather than only in the view and the status bar. */
export function needsNotification(level: OutcomeLevel, viewInSight: boolean): boolean {
  return level !== 'info' || !viewInSight;
}

/** The commands the tooltip's links may run (a trusted Markdown tooltip runs only these). */
export const OUTCOME_COMMANDS = ['society.openTrace', 'society.showLog', 'society.revealExperimentFiles'] as const;

/** A `command:` link opening `file` in the trace editor (its argument a marshalled file URI). */
function openTraceLink(file: string): string {
  const uri = { $mid: 1, scheme: 'file', path: file.replace(/\\/g, '/').replace(/^([A-Za-z]):/, '/$1:') };
  return `command:society.openTrace?${encodeURIComponent(JSON.stringify([uri]))}`;
}

/** Markdown text and link labels are the author's and the file system's: no link or emphasis of theirs. */
const plainMarkdown = (s: string): string => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

/** The status bar item's tooltip (Markdown) after a run: what happened, the trace, the two ways on. */
export function outcomeTooltip(outcome: string, tracePath: string): string {
  return [
    plainMarkdown(outcome),
    plainMarkdown(tracePath),
    `[Open Trace](${openTraceLink(tracePath)}) · [Show Log](command:society.showLog)`,
  ].join('\n\n');
}

/**
 * The status bar item's tooltip after an experiment: what happened, and Reveal Files (the report in
 * the OS file manager, or selected in the Explorer). The report beside is the answer, so a plain
 * success is said here and not in a notification over its claims table (issue 88).
 */
export function experimentTooltip(outcome: string, files: readonly string[]): string {
  const link = `command:society.revealExperimentFiles?${encodeURIComponent(JSON.stringify([files]))}`;
  return [plainMarkdown(outcome), `[Reveal Files](${link}) · [Show Log](command:society.showLog)`].join('\n\n');
}
