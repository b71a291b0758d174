// The workspace every host opens: workspace.ts's file set handed the semantic checks of
// semantic.ts. The checker imports the workspace's types, never the other way round.
import type { SocietyFileSystem } from './fileSystem';
import { checkFile, checkScenario } from './semantic';
import { Workspace, type WorkspaceChecks } from './workspace';

const SEMANTIC_CHECKS: WorkspaceChecks = { file: checkFile, scenario: checkScenario };

export class SocietyWorkspace extends Workspace {
  /** `root`: includes may not leave this folder. */
  constructor(fs: SocietyFileSystem, root: string) {
    super(fs, root, SEMANTIC_CHECKS);
  }
}
