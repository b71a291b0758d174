// One simulation run inside the extension host: load and check the scenario, build its models
// (offline, OpenAI-compatible with keys from SecretStorage, or VS Code language models), run the
// engine with an AbortSignal (it yields to the event loop between agent turns, so the host stays
// responsive), and write the trace (every round) and checkpoints under the runs folder.
import type { PanelSlot } from '../views/societyPanel';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadScenarioFile, type Diagnostic, type Scenario } from '../../core/format';
import { Simulation, type ModelFactory, type RunResult } from '../../core/engine';
import {
  ANSWERS_FILE,
  AnswerBook,
  PlaySession,
  answerLine,
  type ParticipantPort,
  type PlayHeader,
} from '../../core/llm/human';
import type { ModelOptions } from '../../core/llm/registry';
import type { TraceEvent, TraceHeader } from '../../core/trace/events';
import { RunHarness } from '../../core/run/runHarness';
import type { SpendLimit } from '../../core/llm/spendLimit';
import { SessionSpend } from '../../core/engine';
import { loadKeys } from './apiKeys';
import { confirmKeyRoutes } from './keyRoutes';
import { languageModelClient } from './languageModelClient';
import { applyModelChoice, type ModelChoice } from './modelChoice';
import { CHECKPOINT_FILE, runDirectory, TRACE_FILE } from './runFolder';
import { applyRunSettings, type RunSettings } from './runSettings';
import { estimateRun, type RunEstimate } from '../../core/llm/estimate';
import { localFitBeforeRun } from '../../core/llm/local/localEstimate';
import { unpricedModels } from '../../core/llm/usage';
import {
  societyDesign,
  stateDeclarations,
  type SocietyDesign,
  type StateDeclarations,
} from '../../core/protocol/viewMessages';
import { appendSafely, writeFileSafely } from '../../core/files/safeWrite';
import { PROMPTS_FILE, type PromptBook } from '../../core/llm/promptBook';
import { openPromptBook } from '../../core/llm/promptBookOpen';
import { PromptLookup } from '../../core/llm/promptLookup';

/** The scenario has errors: the first ones, with where they are. */
export class ScenarioProblems extends Error {
  constructor(readonly problems: Diagnostic[]) {
    super(
      `The scenario has ${problems.length} error${problems.length === 1 ? '' : 's'}: ${problems[0]?.message ?? 'it could not be loaded'}`,
    );
  }
}

export interface RunSetup {
  file: string;
  choice: ModelChoice;
  secrets: vscode.SecretStorage;
  runsFolder: string;
  /** The Society Studio settings (default model, base URL, limits); none: the scenario as written. */
  settings?: RunSettings;
  /** Told when an endpoint's 429 holds the run's calls for a long while (longWait.ts). */
  onLongWait?: ModelOptions['onLongWait'];
  /** A person plays an agent: the session's header and the panel that asks them. */
  play?: { header: PlayHeader; port: ParticipantPort };
}

export interface PreparedRun {
  simulation: Simulation;
  header: TraceHeader;
  directory: string;
  tracePath: string;
  /** The scenario's declared quantities, for the society view's world-state panel. */
  state?: StateDeclarations;
  /** What can make ties in the scenario: the view's legend and the end-of-run message follow it. */
  design: SocietyDesign;
  /** Predicted calls, tokens and cost of the run as configured (the cost limit checks it). */
  estimate: RunEstimate;
  /** Said before the run starts (a local model's answers that may be cut by its context). */
  warnings?: string[];
  /** Logged before the run starts: each local model's context check, also when nothing is wrong. */
  checks?: string[];
  /** What this run's model calls were billed for, a stopped round's included (the trace drops it). */
  spend: SessionSpend;
  /** Every model call heard so far, by decision: the society view's "Prompt & answer" while it runs. */
  prompts: PromptLookup;
  /**
   * Runs to the end or until aborted; the trace is complete up to the last finished round.
   * `pace`, awaited after each round, holds the run while its view catches up.
   */
  run(signal: AbortSignal, onEvent: (e: TraceEvent) => void, pace?: () => Promise<void>): Promise<RunResult>;
  /** The view's title (default: "<scenario> (run)"). */
  title?: string;
  /**
   * Where its society view opens: the runs' panel (default, reused run after run) or, for a
   * branch, a panel of its own beside the one in sight (its parent's), which it must not replace.
   */
  slot?: PanelSlot;
  /**
   * A person plays an agent in it: their questions' panel keeps the front of its group, and the
   * runs' society view, reused, takes the new run behind it (revealed over the play panel as that
   * loaded, the play panel stayed blank, one run in three on a loaded machine: no question shown).
   */
  played?: boolean;
  /** After a completed run: a warning to give, if any (a branch that did not reproduce its parent). */
  note?(): string | undefined;
  /**
   * The cost limit metered as the run spends (core/llm/spendLimit.ts): set before `run`, the run
   * stops at the end of the round that passes it, checkpointed. Undefined: no meter.
   */
  limit?: SpendLimit;
}

export async function prepareRun(setup: RunSetup): Promise<PreparedRun> {
  const loaded = await loadScenarioFile(setup.file, { root: rootOf(setup.file) });
  const problems = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.scenario || problems.length) throw new ScenarioProblems(problems);
  const chosen = applyModelChoice(loaded.scenario, setup.choice);
  const { model } = chosen;
  const scenario = setup.settings ? applyRunSettings(chosen.scenario, setup.settings) : chosen.scenario;
  // A local model whose typical prompt cannot fit its context stops here, counted by the model's
  // own tokenizer as `society run` counts it, not at its first call rounds into the run.
  const fit = await localFitBeforeRun(scenario, { model });
  if (fit.errors.length) throw new Error(`The run does not fit its model: ${fit.errors.join('; ')}. Nothing was run.`);
  const keys = await loadKeys(setup.secrets, scenario);
  const allowKeys = await confirmKeyRoutes(scenario);
  const spend = new SessionSpend(unpricedModels(scenario));
  const metered: { limit?: SpendLimit } = {};
  const root = rootOf(setup.file);
  const directory = runDirectory(root, setup.runsFolder, scenario.name, new Date(), fs.existsSync);
  const play = setup.play && playSession(setup.play, scenario, directory);
  // Every call kept as `society run` keeps it (prompts.jsonl, opened with the folder, one rule:
  // promptBookOpen.ts), and heard live for the view.
  const prompts = new PromptLookup();
  const books: { book?: PromptBook } = {};
  // The models and the simulation now, nothing written: the header is shown and the cost asked first.
  const prepared = RunHarness.prepare(scenario, {
    simulation: {
      // Relative to the run's folder, as `society run` writes it: report, fork and compare find it from there.
      file: path.relative(directory, setup.file),
      model,
      // A scenario's module is code: it runs only in a trusted workspace (engine/phases/act/societyModule.ts).
      allowModule: vscode.workspace.isTrusted,
    },
    models: {
      onCall: (r) => {
        spend.listener(r);
      },
      onPrompt: (c) => {
        prompts.addCall(c);
        books.book?.listener(c);
      },
      // The limit is set once the cost is confirmed, before the run: each call asks its meter then.
      meter: () => metered.limit?.meter,
      secrets: (name) => keys.get(name),
      allowKeys,
      chatClientFactory: (cfg) => languageModelClient(cfg),
      ...(setup.onLongWait ? { onLongWait: setup.onLongWait } : {}),
      // Every model the run uses, so a missing key fails before any file is written.
      buildFirst: true,
      ...(play ? { wrap: (factory: ModelFactory) => play.wrap(factory) } : {}),
    },
  });
  const simulation = prepared.sim;
  const tracePath = path.join(directory, TRACE_FILE);
  return {
    simulation,
    header: simulation.header,
    directory,
    tracePath,
    state: stateDeclarations(scenario.mechanics),
    design: societyDesign(scenario),
    // A local model's: prompts by its tokenizer and seconds at its measured speed (runForecast.ts says them).
    estimate: fit.estimate ?? estimateRun(scenario, { model }),
    warnings: fit.warnings,
    checks: fit.lines,
    spend,
    prompts,
    ...(play ? { played: true } : {}),
    async run(signal, onEvent, pace) {
      fs.mkdirSync(directory, { recursive: true });
      books.book = openPromptBook(path.join(directory, PROMPTS_FILE), scenario, {
        keep: setup.settings?.keepPrompts !== false,
        ...(model !== undefined ? { model } : {}),
      });
      // Checkpoints as `society run` writes them (so `society run --out <run folder> --resume` can
      // continue a cancelled run), piece by piece, so the extension host neither holds a
      // 10,000-agent checkpoint as one string nor stalls on it.
      const harness = RunHarness.attach(prepared, {
        trace: { path: tracePath },
        listeners: [onEvent],
        pace,
        checkpoints: { path: path.join(directory, CHECKPOINT_FILE), async: true },
        stopAfterRound: () => metered.limit?.reached === true,
      });
      try {
        return await harness.run(signal);
      } finally {
        books.book?.close();
        books.book = undefined;
      }
    },
    get limit() {
      return metered.limit;
    },
    set limit(l) {
      metered.limit = l;
    },
  };
}

/** The played session of a run: its answers recorded in the run folder's human.jsonl as they come. */
function playSession(play: NonNullable<RunSetup['play']>, scenario: Scenario, directory: string): PlaySession {
  const file = path.join(directory, ANSWERS_FILE);
  const book = new AnswerBook(play.header, false, [], (r) => {
    if (!fs.existsSync(file)) {
      fs.mkdirSync(directory, { recursive: true });
      writeFileSafely(file, answerLine(play.header));
    }
    appendSafely(file, answerLine(r));
  });
  return new PlaySession({
    book,
    port: play.port,
    templates: scenario.prompts,
    context: { rounds: scenario.world.rounds },
  });
}

/** The workspace folder holding the file (runs and relative paths live there), else its folder. */
export function rootOf(file: string): string {
  return vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath ?? path.dirname(file);
}
