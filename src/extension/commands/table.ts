// Every command the extension registers, in one table (as rust-analyzer's editors/code does): the
// id, and how to make its handler from the shared context. extension.ts registers them all; the
// palette entries of package.json follow this table (test/unit/contributions/commands.test.ts).
// A command that acts on a feature's objects (the run controller, the memory views) reads them from
// the context when it is called, so it says so if that feature failed to start.
import * as vscode from 'vscode';
import type { SocietyContext } from '../context';
import { newSociety } from './newSociety';
import { importPersonasCommand } from './importPersonas';
import { exportTiesCommand } from './exportTies';
import { compareRunsCommand } from './compareRuns';
import { writeReportCommand } from './writeReport';
import { openExampleCommand } from './examples';
import { compareConditionsCommand } from './compareConditions';
import { revealExperimentFiles, runExperimentCommand } from '../experiment/runExperiment';
import { runStudyCommand } from '../study/runStudy';
import { openTrace } from '../run/register';
import type { RunServices } from '../run/runServices';
import type { RunArgs } from '../run/runController';
import { clearApiKey, setApiKey } from '../run/apiKeys';
import { requireTrust } from '../trust/guard';
import { branchHere, type BranchArgs } from '../branch/branchHere';
import { playAgent } from '../play/playAgent';
import { openPageView } from '../views/pageEditor';
import type { MemoryViews } from '../memory/memoryViews';
import { revealAgent, showMemories } from '../memory/memoryCommands';
import { revealInTrace } from '../memory/revealInTrace';

/** What VS Code calls: arguments come from menus, links and other code, untyped. */
type Handler = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A command's handler, made from the shared context. */
export type Command = (ctx: SocietyContext) => Handler;

interface CommandEntry {
  readonly make: Command;
  /** Called by the extension's own views and links, not offered in the palette (not in package.json). */
  readonly internal?: true;
}

function unavailable(feature: string): void {
  void vscode.window.showErrorMessage(`Society Studio: the ${feature} feature did not start; see the log.`);
}

/** A command of the runs feature. */
const withRuns =
  (fn: (run: RunServices, ctx: SocietyContext) => Handler): Command =>
  (ctx) =>
  (...args) =>
    ctx.runs ? fn(ctx.runs, ctx)(...args) : unavailable('runs');

/** A command of the memory feature. */
const withMemory =
  (fn: (views: MemoryViews) => Handler): Command =>
  (ctx) =>
  (...args) =>
    ctx.memoryViews ? fn(ctx.memoryViews)(...args) : unavailable('memory');

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  'society.newSociety': { make: newSociety },
  'society.openExample': { make: openExampleCommand },
  'society.run': {
    make: withRuns(
      ({ runs }) =>
        (uri?: vscode.Uri, args?: RunArgs) =>
          runs.run(uri, args),
    ),
  },
  'society.runWithModel': {
    make: withRuns(
      ({ runs }) =>
        (uri?: vscode.Uri) =>
          runs.run(uri, {}, true),
    ),
  },
  'society.stop': {
    make: withRuns(
      ({ runs }) =>
        () =>
          runs.stop(),
    ),
  },
  'society.playAgent': {
    make: withRuns(
      ({ runs }, ctx) =>
        (uri?: vscode.Uri, agent?: unknown) =>
          playAgent(ctx.extension.extensionUri, runs, ctx.projects, uri, typeof agent === 'string' ? agent : undefined),
    ),
  },
  'society.showView': {
    make: withRuns(
      ({ runs, panels }) =>
        () =>
          panels.visible ? panels.reveal() : openTrace(runs.lastTrace),
    ),
  },
  'society.openTrace': {
    make: withRuns(
      ({ runs }) =>
        (uri?: vscode.Uri) =>
          openTrace(uri?.fsPath, runs.lastTrace),
    ),
  },
  'society.showLog': {
    make: withRuns(
      ({ log }) =>
        () =>
          log.show(),
    ),
  },
  // From the explorer a trace file comes as its Uri; from the society view, its trace and round.
  'society.branchHere': {
    make: withRuns(
      ({ runs }, ctx) =>
        (args?: BranchArgs | vscode.Uri) =>
          branchHere(runs, ctx.extension.secrets, args instanceof vscode.Uri ? { trace: args.fsPath } : args),
    ),
  },
  'society.setApiKey': {
    make: withRuns(
      ({ keyNames }, ctx) =>
        (envName?: unknown) =>
          requireTrust('apiKey') &&
          setApiKey(ctx.extension.secrets, typeof envName === 'string' ? [envName] : [], keyNames),
    ),
  },
  // Removing a key is safe in Restricted Mode too: no trust needed.
  'society.clearApiKey': {
    make: withRuns(
      ({ keyNames }, ctx) =>
        () =>
          clearApiKey(ctx.extension.secrets, keyNames),
    ),
  },
  'society.runExperiment': {
    make: (ctx) => (uri?: vscode.Uri) => runExperimentCommand(ctx.extension.secrets, ctx.status, uri),
  },
  'society.runStudy': {
    make: (ctx) => (uri?: vscode.Uri) => runStudyCommand(ctx.extension.secrets, ctx.status, uri),
  },
  'society.importPersonas': { make: importPersonasCommand },
  'society.exportTies': { make: exportTiesCommand },
  'society.compareRuns': { make: compareRunsCommand },
  'society.writeReport': { make: writeReportCommand },
  'society.compareConditions': { make: compareConditionsCommand },
  'society.openPageView': { make: () => openPageView },
  'society.memory.show': { make: withMemory((views) => (arg?: unknown) => showMemories(views, arg)) },
  'society.memory.useRun': {
    make: withMemory(({ hub }) => (element?: { file?: string }) => {
      if (element?.file) hub.use(element.file);
    }),
  },
  'society.memory.refresh': {
    make: withMemory(
      ({ tree }) =>
        () =>
          tree.refresh(),
    ),
  },
  'society.memory.revealAgent': {
    make: withMemory((views) => (agent: string) => revealAgent(views, agent)),
    internal: true,
  },
  'society.memory.reveal': { make: () => (file: string, line: number) => revealInTrace(file, line), internal: true },
  // The experiment outcome's tooltip link (runOutcome.ts experimentTooltip): its report's files.
  'society.revealExperimentFiles': {
    make: () => (files: unknown) =>
      Array.isArray(files) && files.every((f) => typeof f === 'string') && files.length
        ? revealExperimentFiles(files)
        : undefined,
    internal: true,
  },
};
