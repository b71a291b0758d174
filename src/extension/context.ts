// What every feature of the extension shares: the projects, the diagnostics they publish, and
// the document selector. Features get it from extension.ts's table.
import * as vscode from 'vscode';
import { Projects } from './projects';
import type { SocietyDiagnostics } from './diagnostics';
import type { MemorySources } from '../core/memory/memorySources';
import type { ActivityStatus } from './run/activityStatus';
import type { RunServices } from './run/runServices';
import type { MemoryViews } from './memory/memoryViews';

export const SELECTOR: vscode.DocumentSelector = [
  { language: 'society', scheme: 'file' },
  { language: 'society', scheme: 'untitled' },
];

export interface SocietyContext {
  readonly extension: vscode.ExtensionContext;
  readonly projects: Projects;
  readonly diagnostics: SocietyDiagnostics;
  /** Where memories are inspected from; a debug session `use`s its paused source and `release`s it at the end. */
  readonly memory: MemorySources;
  /** The status bar item runs, debug sessions and experiments take turns in (run/statusOwners.ts). */
  readonly status: ActivityStatus;
  /** Set by the runs feature once it has started: what the run commands act on. */
  runs?: RunServices;
  /** Set by the memory feature once it has started: what the memory commands act on. */
  memoryViews?: MemoryViews;
}
