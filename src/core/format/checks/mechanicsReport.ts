// How the checks of the mechanics and the round report a problem: a diagnostic at a range of the
// scenario, and for a misspelt name the name meant, as a quick fix when the range is that name.
import type { Diagnostic, DiagnosticCode, DiagnosticFix } from '../model/diagnostics';
import type { Locator } from '../syntax/locate';
import type { Range } from '../model/model';
import type { Mechanics } from '../model/mechanics';
import { didYouMean } from '../model/suggest';

/** What a check reads and where it reports. */
export interface Report {
  /** The scenario's raw value. */
  v: Record<string, unknown>;
  at: Locator;
  m: Mechanics;
  /** The scenario has syntax errors: "not defined" checks wait until it reads cleanly. */
  unsure: boolean;
  out: Diagnostic[];
}

export function report(
  r: Report,
  code: DiagnosticCode,
  severity: Diagnostic['severity'],
  message: string,
  range: Range,
  fixes?: DiagnosticFix[],
): void {
  const d: Diagnostic = { code, severity, message, file: r.at.file.file, range };
  r.out.push(fixes?.length ? { ...d, fixes } : d);
}

/** How an unknown name is told: the problem, what the known ones are, and what to do when there are none. */
export interface UnknownWords {
  unknown: string;
  kind: string;
  none: string;
}

/**
 * `name`, written at `range`, is not among `known`: an error saying which there are (or, with none,
 * what to do), with the name meant as a quick fix.
 */
export function unknownName(
  r: Report,
  code: DiagnosticCode,
  range: Range,
  name: string,
  known: readonly string[],
  words: UnknownWords,
): void {
  const meant = didYouMean(name, known);
  const lines = r.at.file.lines;
  const written = lines.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
  const fixes =
    meant && written === name ? [{ title: `Change to '${meant}'`, file: r.at.file.file, range, newText: meant }] : [];
  const dym = meant ? `. Did you mean '${meant}'?` : '';
  const rest = known.length ? ` (${words.kind}: ${known.join(', ')})` : `: ${words.none}`;
  report(r, code, 'error', `${words.unknown}${dym}${rest}`, range, fixes);
}
