// What every check of a scenario uses: value guards, the diagnostic it makes, a file's short name.
import type { Diagnostic, DiagnosticCode, DiagnosticFix } from '../model/diagnostics';
import type { Range } from '../model/model';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function shortName(file: string): string {
  return file.split(/[\\/]/).slice(-2).join('/');
}

export function mk(
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
