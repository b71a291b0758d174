// Ids that are properties of every JavaScript object (SOC023): refused in persona files
// (fileChecks.ts) and inline personas (checkContext.ts) alike.
import type { Diagnostic } from '../model/diagnostics';
import type { Range } from '../model/model';
import { mk } from './checkKit';

/**
 * Ids that are properties of every JavaScript object (`constructor` is the one the id pattern
 * lets through): network libraries keyed by plain objects mistake them for existing entries.
 */
export function isReservedId(id: string): boolean {
  return id === '__proto__' || id in Object.prototype;
}

export function reservedIdDiagnostic(id: string, file: string, range: Range): Diagnostic {
  return mk(
    'SOC023',
    'error',
    `Persona id '${id}' is reserved (a built-in property name that network analysis cannot tell apart from its own data): choose another id, e.g. '${id}_1'`,
    file,
    range,
  );
}
