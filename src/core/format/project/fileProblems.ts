// What a workspace says of a file or an include it cannot read, whether a path stays inside the
// workspace, and each diagnostic once (files included twice report alike).
import { type Diagnostic, compareDiagnostics } from '../model/diagnostics';
import type { Range } from '../model/model';
import { MAX_GLOB_LENGTH } from '../io/includeGlob';

export function unreadable(file: string, why?: string): Diagnostic {
  return {
    code: 'SOC004',
    severity: 'error',
    message: why ? `The file ${why}` : 'File not found or not readable',
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

export function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.file}|${d.range.start.line}:${d.range.start.character}|${d.code}|${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out.sort(compareDiagnostics);
}

/** An include no glob can be made of (unreadable or too long) matches no file. */
export function unreadablePattern(glob: string, from: string, range: Range): Diagnostic {
  const why =
    glob.length > MAX_GLOB_LENGTH
      ? `is too long to be a pattern (${glob.length.toLocaleString('en-US')} characters; at most ${MAX_GLOB_LENGTH.toLocaleString('en-US')})`
      : 'is not a pattern that can be read';
  return {
    code: 'SOC030',
    severity: 'error',
    message: `Include ${why}: it matches no file`,
    file: from,
    range,
  };
}

/** Whether a path is inside the workspace root: the one test every user path goes through (io/dataFile.ts). */
export { isInside } from '../io/dataFile';
