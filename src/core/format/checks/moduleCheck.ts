// The module a scenario names (`module:`, engine/phases/act/societyModule.ts) must be a file beside it. The
// check only asks whether the file exists: validation never loads a module (its code runs only in
// a run the host allowed), so an untrusted workspace can be validated safely.
import * as path from 'node:path';
import { confinedPath } from '../io/dataFile';
import type { FileCheck } from './fileCheck';

export const checkModule: FileCheck = async (value, at, file, fs, root) => {
  const module = value.module;
  if (typeof module !== 'string' || !module) return [];
  // Confined as a data file is (dataFile.ts): a module outside the workspace is not this project's.
  const where = await confinedPath(fs, module, file, root);
  const target = where.file;
  if (!('why' in where) && (await fs.kind(target)) === 'file') return [];
  return [
    {
      code: 'SOC074',
      severity: 'error',
      message:
        'why' in where
          ? `Module '${module}' ${where.why}`
          : `Module '${module}' not found: no file ${path.basename(target)} in ${path.dirname(target)}`,
      file,
      range: at.valueRange(['module']),
    },
  ];
};
