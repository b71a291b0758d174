// The module a scenario names (`module:`, engine/phases/act/societyModule.ts) must be a file beside it. The
// check only asks whether the file exists: validation never loads a module (its code runs only in
// a run the host allowed), so an untrusted workspace can be validated safely.
import * as path from 'node:path';
import type { Diagnostic } from './diagnostics';
import type { SocietyFileSystem } from './fileSystem';
import type { Locator } from './locate';

export async function checkModule(
  value: Record<string, unknown>,
  at: Locator,
  file: string,
  fs: SocietyFileSystem,
): Promise<Diagnostic[]> {
  const module = value.module;
  if (typeof module !== 'string' || !module) return [];
  const target = path.resolve(path.dirname(file), module);
  if ((await fs.kind(target)) === 'file') return [];
  return [
    {
      code: 'SOC074',
      severity: 'error',
      message: `Module '${module}' not found: no file ${path.basename(target)} in ${path.dirname(target)}`,
      file,
      range: at.valueRange(['module']),
    },
  ];
}
