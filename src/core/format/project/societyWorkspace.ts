// The workspace every host opens: workspace.ts's file set handed the checks of a file
// (checks/fileChecks.ts) and of a scenario (the CHECKS table, checks/runChecks.ts).
import type { SocietyFileSystem } from '../io/fileSystem';
import { checkFile } from '../checks/fileChecks';
import { checkScenario } from '../checks/runChecks';
import { Workspace } from './workspace';
import { type WorkspaceChecks } from './resolution';

const SEMANTIC_CHECKS: WorkspaceChecks = { file: checkFile, scenario: checkScenario };

export class SocietyWorkspace extends Workspace {
  /** `root`: includes may not leave this folder. */
  constructor(fs: SocietyFileSystem, root: string) {
    super(fs, root, SEMANTIC_CHECKS);
  }
}
