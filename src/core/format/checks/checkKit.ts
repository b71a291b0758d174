// What every check of a scenario uses: value guards, the diagnostic it makes, a file's short name.
import { diagnosticOf } from '../model/diagnostics';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function shortName(file: string): string {
  return file.split(/[\\/]/).slice(-2).join('/');
}

/** A diagnostic (model/diagnostics.ts diagnosticOf). */
export const mk = diagnosticOf;
