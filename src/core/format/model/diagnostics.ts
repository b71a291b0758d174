// Diagnostics: every problem found in .society files, with a stable code, so editors, the CLI,
// CI problem matchers and documentation all speak of the same thing.
import type { Range } from './model';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedInformation {
  file: string;
  range: Range;
  message: string;
}

/** A quick fix the editor can offer: replace `range` in `file` with `newText`. */
export interface DiagnosticFix {
  title: string;
  file: string;
  range: Range;
  newText: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  related?: RelatedInformation[];
  fixes?: DiagnosticFix[];
  /**
   * Schema diagnostics: the path inside the document it is about (the mapping missing a required
   * property; the unknown key), so editors can build structural fixes (add it, remove it).
   */
  path?: (string | number)[];
  /** How many problems this one diagnostic stands for, when more than one ("…and 44,883 more"). */
  count?: number;
}

/** Stable codes. Never renumber: users put them in CI filters and issue reports. */
export const CODES = {
  SOC001: 'YAML syntax error',
  SOC002: 'Duplicate key',
  SOC003: 'Missing or unknown document kind',
  SOC004: 'File cannot be read',
  SOC005: 'Not a text file',
  SOC006: 'Control character in the text',
  SOC010: 'Missing required property',
  SOC011: 'Unknown property',
  SOC012: 'Wrong type',
  SOC013: 'Value not allowed',
  SOC020: 'Duplicate persona id',
  SOC021: 'Unknown persona id',
  SOC022: 'Relationship with oneself',
  SOC023: 'Reserved name',
  SOC030: 'Include matches no file',
  SOC031: 'Include cycle',
  SOC032: 'Include leaves the workspace',
  SOC033: 'Included scenario settings ignored',
  SOC034: 'Include not loaded in an untrusted workspace',
  SOC035: 'Include glob matches something that is not a file',
  SOC040: 'Unknown model name',
  SOC041: 'Secret written in a file',
  SOC042: 'Models share an endpoint with different limits',
  SOC043: 'Model setting its provider ignores',
  SOC050: 'Unknown template variable',
  SOC051: 'All reward weights are zero',
  SOC052: 'Event after the last round',
  SOC053: 'Scenario without personas',
  SOC054: 'Unknown parameter path',
  SOC055: 'Invalid distribution',
  SOC056: 'Duplicate name',
  SOC057: 'Parameter fixed during a run',
  SOC058: 'All tie weights are zero',
  SOC059: 'Event can never apply',
  SOC060: 'Relationship with someone absent',
  SOC061: 'Invalid expression',
  SOC062: 'Unknown effect target',
  SOC063: 'Inconsistent bounds',
  SOC064: 'Action that can never be taken',
  SOC065: 'World quantity that plays no part',
  SOC066: 'Unknown action in a phase',
  SOC067: 'Unknown group',
  SOC068: 'Unknown feed',
  SOC069: 'No feed to post on or read from',
  SOC070: 'Wrong argument for a platform action',
  SOC071: 'Invalid phase',
  SOC072: 'Phase that never runs',
  SOC073: 'Evaluate without meet',
  SOC074: 'Module file not found',
  SOC075: 'Expression too costly',
  SOC076: 'Not a finite number',
  SOC077: 'Whole-number division',
  SOC078: 'Unknown condition or metric in an experiment',
  SOC079: 'Labels and bounds disagree',
  SOC080: 'Invalid argument condition',
  SOC081: 'Condition on a number argument',
  SOC082: 'Unknown group in actions by group',
  SOC083: 'Unknown action in actions by group',
  SOC085: 'Unknown agent quantity in a starting state',
  SOC086: 'World quantity in a starting state',
  SOC087: 'Starting value out of bounds',
  SOC088: 'Unknown feed in a timed post',
  SOC089: 'Unknown author of a timed post',
  SOC090: 'Unknown action or feed in a list a condition sets',
  SOC091: 'Unknown place',
  SOC092: 'Unknown part of the day in a plan',
  SOC093: 'Plans or moves without places',
  SOC094: 'Place capacity below 1',
  SOC095: 'Overflow chain in a circle',
  SOC096: 'Part of the day named twice',
  SOC097: 'Move to an argument that is not a place',
  SOC098: 'Overflow that is never used',
  SOC100: 'Unknown source of a knowledge item',
  SOC101: 'Unknown persona or group knowing an item at the start',
  SOC102: 'Knowledge nobody knows at the start',
  SOC103: 'Unknown series in a time outcome',
  SOC104: 'Time outcome after the last round',
  SOC105: 'Malformed time outcome',
  SOC106: 'Bookkeeping (tally, flag, world counter) that steers choices',
  SOC107: 'Action that changes only unvalued quantities',
  SOC110: 'Unknown instrument in a survey',
  SOC111: 'Unknown persona or group a survey goes to',
  SOC112: 'Unknown item in a scale',
  SOC113: 'Survey round after the last round',
  SOC114: 'Item declared twice in an instrument',
  SOC115: 'Scale item that cannot be scored',
  SOC116: 'Malformed response scale',
  SOC120: 'Unknown judge',
  SOC121: 'Unknown shipped rubric',
  SOC122: 'Malformed rubric dimension',
  SOC123: 'Unknown group to judge',
  SOC124: 'Judging that cannot happen as written',
  SOC125: 'Census table missing or unreadable',
  SOC126: 'Unknown census attribute, column or field',
  SOC127: 'Census category absent from its table',
  SOC128: 'Census marginals with different totals',
  SOC129: 'Census margin the joint table cannot reach',
  SOC130: 'Unknown series in a calibration measure',
  SOC131: 'Calibration sweep value repeated',
  SOC132: 'Calibration seed repeated',
  SOC133: 'Observed data missing or malformed',
  SOC134: 'Observed measure the runs cannot be compared on',
  SOC140: 'Observed rows no run can be compared with',
  SOC141: 'Unknown group compared in an expression',
  SOC142: 'Time outcome met at the start of every run',
  SOC150: 'Unknown group to match',
  SOC151: 'Matching that leaves agents unmatched',
  SOC152: 'Encounters within match groups without a matching',
  SOC153: 'Local model file outside the workspace and the models cache',
  SOC154: 'Run too large',
  SOC155: 'Local model file unusable',
  SOC156: 'Local model context past what the model or the machine holds',
  SOC160: 'Study scenario unreadable',
  SOC161: 'Unknown condition or metric in a hypothesis',
  SOC162: 'Seed plan without a usable cap',
  SOC163: 'Study model this machine cannot run',
  SOC164: 'Study anchor on a condition the study does not run',
} as const;
export type DiagnosticCode = keyof typeof CODES;

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code)
  );
}

/** `file:line:col: severity CODE message` with 1-based line and column (gcc/eslint style). */
export function formatDiagnostic(d: Diagnostic, displayFile = d.file): string {
  return `${displayFile}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`;
}

/** A diagnostic, with its quick fixes only when there are some (the checks and the schema's words share it). */
export function diagnosticOf(
  code: DiagnosticCode,
  severity: Diagnostic['severity'],
  message: string,
  file: string,
  range: Range,
  fixes?: DiagnosticFix[],
): Diagnostic {
  return fixes && fixes.length
    ? { code, severity, message, file, range, fixes }
    : { code, severity, message, file, range };
}
