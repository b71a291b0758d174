// One debugged run: the loaded scenario, its Simulation (with a decision log for the Variables
// view) and the SimulationRuntime over it. Restart builds a fresh one from the file on disk.
import { defaultRoot, loadScenarioFile, formatDiagnostic, type Scenario } from '../core/format';
import type { Simulation } from '../core/engine';
import { SimulationRuntime } from '../core/debug/runtime';
import { offlineOnlyFactory, type ModelFactory } from '../core/engine';
import { DecisionLog } from '../core/debug/decisionLog';
import { SurveyBook } from '../core/debug/surveyBook';
import { RunHarness } from '../core/run/runHarness';
import type { RunModels } from '../core/run/runModels';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchArgsProblem } from './launchArgs';
import { counted } from '../core/text/counted';
import type { TraceEvent } from '../core/trace/events';
import { PromptLookup } from '../core/llm/promptLookup';

export interface LaunchArgs {
  /** The scenario .society file. */
  scenario: string;
  rounds?: number;
  seed?: number;
  /** A model name of the scenario's `models` every agent uses. */
  model?: string;
  stopOnEntry?: boolean;
  noDebug?: boolean;
  /** Write the debugged run's trace (JSONL) here, interventions included. */
  trace?: string;
  /**
   * The folder includes may reach (VS Code's workspace folder, set by the extension), as Run
   * Simulation and the editor's checks use. Default: the working directory if the scenario is
   * inside it, else the scenario's folder — which refused `include: ../personas/*.society`.
   */
  root?: string;
  /** An agent a person plays ("Play an Agent…"): the extension asks them its decisions in a panel. */
  play?: string;
}

/**
 * A scenario's models as the host gives them: what the run harness builds the provider layer with
 * (keys, VS Code models), or a factory of its own instead (tests).
 */
export interface ModelSetup {
  /**
   * For the provider layer, built by the harness as for every run: its call records carry faults
   * retries got past to the trace and the Retried breakpoint; `embeddings` give memory relevance.
   */
  models?: RunModels;
  /** Builds every model instead of the provider layer (tests: the offline model only). */
  modelFactory?: ModelFactory;
  /**
   * The scenario to run instead of the loaded one, when the provider changes it (the editor's
   * settings: default model, base URL, limits); the factory must be built for this one.
   */
  scenario?: Scenario;
}

/**
 * The launch's own run length, which prompts' `{{rounds}}` must say (a `rounds` in the launch
 * configuration overrides the scenario's): the harness gives it to the models.
 */
export interface RunShape {
  rounds?: number;
}
/** Builds the models for a scenario (the extension brings keys and VS Code models and applies its settings). */
export type ModelFactoryProvider = (
  scenario: Scenario,
  run: RunShape,
) => ModelFactory | ModelSetup | Promise<ModelFactory | ModelSetup>;

export interface DebugRun {
  scenario: Scenario;
  file: string;
  sim: Simulation;
  runtime: SimulationRuntime;
  decisions: DecisionLog;
  /** Each agent's survey answers and judgements so far (the Variables view's). */
  surveys: SurveyBook;
  /** Every event of the run so far, in trace order: the Debug Console's `why` reads them. */
  events: TraceEvent[];
  /** Every model call so far, by decision: the Variables view's "Model call" scope. */
  prompts: PromptLookup;
  abort: AbortController;
  /** The scenario's warnings as `file:line:col: warning CODE message` (the Debug Console shows them). */
  warnings: string[];
  /** Flushes and closes the trace (if any): everything up to the stop, interventions included. */
  close(): Promise<void>;
}

export async function createRun(args: LaunchArgs, models?: ModelFactoryProvider): Promise<DebugRun> {
  const problem = launchArgsProblem(args as unknown as Record<string, unknown>);
  if (problem) throw new Error(problem);
  const loaded = await loadScenarioFile(args.scenario, { root: args.root ?? defaultRoot([args.scenario]) });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.scenario || errors.length) {
    // Where each error is, as `society check` prints it, so it can be found (and clicked) in the file.
    const shown = errors.slice(0, 10).map((d) => formatDiagnostic(d));
    const more =
      errors.length > shown.length ? [`… and ${errors.length - shown.length} more (see \`society check\`)`] : [];
    throw new Error(
      [
        `${args.scenario} cannot be debugged: ${errors.length ? `it has ${counted(errors.length, 'error')}` : 'it could not be loaded'}.`,
        ...shown,
        ...more,
      ].join('\n'),
    );
  }
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning').map((d) => formatDiagnostic(d));
  const decisions = new DecisionLog();
  const setup = models ? await models(loaded.scenario, { rounds: args.rounds }) : offlineOnlyFactory;
  const given: ModelSetup = typeof setup === 'function' ? { modelFactory: setup } : setup;
  const { modelFactory: own, scenario = loaded.scenario } = given;
  // The debugger drives the run step by step (SimulationRuntime), so the harness only keeps its
  // trace; every decision goes to the log the Variables view shows.
  const trace = args.trace;
  const prompts = new PromptLookup();
  const heard = given.models?.onPrompt;
  const harness = RunHarness.open(scenario, {
    simulation: {
      seed: args.seed,
      rounds: args.rounds,
      model: args.model,
      file: args.scenario,
      // The adapter starts only in a trusted workspace (extension/debug/configurations.ts asks
      // requireTrust('debug') first), so the scenario's module may run.
      allowModule: true,
    },
    // The host's own wrap (a person playing an agent) inside the log, so the log records what they decided.
    models: {
      ...given.models,
      onPrompt: (c) => {
        heard?.(c);
        prompts.addCall(c);
      },
      wrap: (registry) => decisions.wrap(given.models?.wrap ? given.models.wrap(own ?? registry) : (own ?? registry)),
    },
    ...(trace
      ? { trace: { path: trace, beforeOpen: () => fs.mkdirSync(path.dirname(trace), { recursive: true }) } }
      : {}),
  });
  const sim = harness.sim;
  const events: TraceEvent[] = [];
  // Copies: the engine may reuse what it emits (the trace writer has serialised it by then).
  const surveys = new SurveyBook();
  sim.on((e) => {
    const copy = structuredClone(e);
    events.push(copy);
    surveys.add(copy);
  });
  const runtime = new SimulationRuntime(sim, { stopOnEntry: !!args.stopOnEntry && !args.noDebug });
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => (closed ??= harness.close());
  return {
    scenario,
    file: args.scenario,
    sim,
    runtime,
    decisions,
    surveys,
    events,
    prompts,
    abort: new AbortController(),
    warnings,
    close,
  };
}
