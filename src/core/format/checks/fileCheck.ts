// A check that reads files a scenario names (its module, observed data, local model files): the
// one signature the workspace calls each of them by (FILE_CHECKS), after the checks that read the
// document alone. A new check of this kind is one file and one entry in the table.
import type { Diagnostic } from '../model/diagnostics';
import type { SocietyFileSystem } from '../io/fileSystem';
import type { Locator } from '../syntax/locate';
import type { Obj } from './checkKit';

export type FileCheck = (
  value: Obj,
  at: Locator,
  file: string,
  fs: SocietyFileSystem,
  root: string,
) => Promise<Diagnostic[]>;
