import type * as vscode from 'vscode';
import type { SocietyPanels } from '../views/societyPanel';
import type { KeyNames } from './apiKeys';
import type { RunController } from './runController';

/** What the run commands (commands/table.ts) act on, kept on the context once the feature starts. */
export interface RunServices {
  readonly runs: RunController;
  readonly panels: SocietyPanels;
  readonly log: vscode.LogOutputChannel;
  readonly keyNames: KeyNames;
}
