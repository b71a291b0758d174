// `society experiment`: every condition × seed of a scenario, in parallel worker threads when the
// models are offline (CPU-bound) and one run at a time otherwise (LLM runs are already concurrent
// inside), then the analysis and the report files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Scenario, isInstant, traitsOf, modelWords } from '../format';
import { analyzeExperiment, unknownReference } from './analyze';
import type { ExperimentResult } from './types';
import { writeExperimentFiles } from './experimentFiles';
import { shardFileOf, shardPlan, writeShardFile, type Shard } from './shard';
import { planExperiment, startOrder } from './plan';
import { runOnPool } from './pool';
import type { WorkerTask } from './worker';
import { runOne, type RunOneOptions } from './runOne';
import type { RunOutcome } from './outcome';
import { withOverrides } from './overrides';
import { experimentWorld } from './experimentWorld';
import { paperClaimsApply } from './paperClaimsApply';
import { workersFor } from './workerLimits';
import { partialText, type PartialRuns } from './partial';
import { bookPathOf, dropPart, dropStale, keepTrace, partPath, traceFileClash, traceFileName } from './traceFiles';
import { callsModels } from '../llm/promptBookOpen';
import { outputSubfolder } from '../files/safeWrite';
import { SpendLimitReached, type SpendMeter } from '../llm/spendMeter';

export interface ExperimentOptions {
  outDir: string;
  /** The scenario's `module:` may run (a trusted workspace; `--allow-module`). */
  allowModule?: boolean;
  seeds?: number[];
  rounds?: number;
  /** Parallel runs; default: the machine's cores for offline scenarios, 1 otherwise. */
  jobs?: number;
  reference?: string;
  /** Run only this shard's part of the plan and write shard.json (shard.ts), not the report files. */
  shard?: Shard;
  /** Keep each run's trace under outDir/traces (default true). */
  traces?: boolean;
  /** Keep each run's model calls under outDir/prompts, beside its trace (default true; `--no-prompts`). */
  prompts?: boolean;
  /** Stop at once: the runs under way are cut off (their traces deleted). See ExperimentCancelled. */
  signal?: AbortSignal;
  /** Start no more runs; the ones under way finish. See ExperimentCancelled. */
  stopStarting?: AbortSignal;
  /**
   * Keys and VS Code language models (the editor's), for runs in this thread — every run of a
   * scenario with LLM models, unless `jobs` asks for workers, which read keys from the environment.
   */
  models?: RunOneOptions['models'];
  onProgress?: (p: ExperimentProgress) => void;
  /** Told each run's outcome as it finishes (its usage: what it spent, for a cost limit). */
  onOutcome?: (outcome: RunOutcome) => void;
  /**
   * The command's spending meter (llm/spendMeter.ts): every model call of every run, in this
   * thread or a worker's, asks it first. Once the limit is reached no call is made: the runs under
   * way stop unfinished, none starts, and the experiment is partial (ExperimentCancelled).
   */
  meter?: SpendMeter;
}

/** How far an experiment has come: runs finished, and rounds done over every run. */
export interface ExperimentProgress {
  done: number;
  total: number;
  roundsDone: number;
  roundsTotal: number;
}

export interface ExperimentRun {
  result: ExperimentResult;
  files: string[];
  wallSeconds: number;
  /** The workers the runs were spread over: never more than there are runs. */
  jobs: number;
  /** Why `jobs` is fewer than asked: as many as there are runs, or an endpoint's limits (workerLimits.ts). */
  fewerJobs?: 'runs' | 'endpoint';
  /** Set when the experiment was stopped before every run finished: `result` holds the finished ones. */
  partial?: PartialRuns;
}

/**
 * An experiment stopped (`signal`, `stopStarting`) before every run finished. Its files are
 * written all the same, for the finished runs and marked partial; `run` is what they hold. It
 * rejects rather than resolves so that a caller taking a cancelled experiment for one with
 * nothing to show (the editor's) is not handed a partial result as a whole one.
 */
export class ExperimentCancelled extends Error {
  constructor(readonly run: ExperimentRun & { partial: PartialRuns }) {
    super(`experiment cancelled: ${partialText(run.partial)}`);
    this.name = 'ExperimentCancelled';
  }
}

export function isOffline(scenario: Scenario): boolean {
  return Object.values(scenario.models).every(isInstant);
}

/** The models a scenario uses, each named once (two offline models are one kind of model). */
export function modelLine(scenario: Pick<Scenario, 'models'>): string {
  const names = Object.values(scenario.models).map((m) => (isInstant(m) ? traitsOf(m.provider).label : modelWords(m)));
  return [...new Set(names)].join(', ');
}

/**
 * Each condition's run length: its own (`world.rounds` may be one of its overrides) unless `rounds`
 * says otherwise for all. A condition that cannot be applied throws here, before any run starts.
 */
export function roundsByCondition(
  scenario: Scenario,
  conditions: readonly { name: string; set: Record<string, unknown> }[],
  rounds?: number,
): Map<string, number> {
  return new Map(conditions.map((c) => [c.name, rounds ?? withOverrides(scenario, c.set).world.rounds]));
}

export async function runExperiment(scenario: Scenario, options: ExperimentOptions): Promise<ExperimentRun> {
  const started = performance.now();
  const plan = planExperiment(scenario, { seeds: options.seeds });
  // Checked before any run: an unknown reference used to fail the analysis after every run had run.
  const unknown = unknownReference(plan.conditions, options.reference);
  if (unknown) throw new Error(unknown);
  const clash = traceFileClash(plan.conditions);
  if (clash) throw new Error(clash);
  const roundsBy = roundsByCondition(scenario, plan.conditions, options.rounds);
  // The runs this machine runs: the whole plan, or a shard's part of it numbered 0..m-1.
  const todo = shardPlan(plan, options.shard);
  // traces/ is made here, or must be a folder: a link there (a shared folder's) would take the runs out.
  const traceDir =
    options.traces === false ? path.join(options.outDir, 'traces') : outputSubfolder(options.outDir, 'traces');
  fs.mkdirSync(options.outDir, { recursive: true });
  const conditionOf = (name: string) => plan.conditions.find((c) => c.name === name)!;
  // Each run's trace, by task id; runs write it under a `.part` name until they finish (traceFiles.ts).
  const tracePaths =
    options.traces === false
      ? undefined
      : todo.runs.map((run) => path.join(traceDir, traceFileName(run.condition, run.seed)));
  // Each run's prompt book beside its trace, when a run of some condition calls a model.
  const books =
    tracePaths && options.prompts !== false && plan.conditions.some((c) => callsModels(withOverrides(scenario, c.set)))
      ? outputSubfolder(options.outDir, 'prompts')
      : undefined;
  const tasks: WorkerTask[] = todo.runs.map((run) => ({
    id: run.index,
    scenario,
    condition: conditionOf(run.condition),
    seed: run.seed,
    rounds: roundsBy.get(run.condition)!,
    ...(options.allowModule ? { allowModule: true } : {}),
    ...(tracePaths ? { tracePath: partPath(tracePaths[run.index]) } : {}),
    ...(books && tracePaths ? { promptsPath: partPath(bookPathOf(tracePaths[run.index])) } : {}),
  }));
  const total = tasks.length;
  const { finished, onRound, onDone } = progressOf(tasks, tracePaths, options);
  const { jobs, fewerJobs } = jobsFor(scenario, options.jobs, total);

  // LLM answers are cached beside the report, so a rerun of the experiment costs nothing.
  const cacheDir = isOffline(scenario) ? undefined : path.join(options.outDir, 'cache');
  let outcomes: (RunOutcome | undefined)[];
  try {
    if (jobs > 1) {
      for (const t of tasks) {
        t.share = jobs;
        if (cacheDir) t.cacheDir = cacheDir;
        if (options.meter) t.meter = options.meter.port;
      }
      outcomes = await runOnPool(
        startOrder(todo, tasks),
        jobs,
        { onRound, onDone },
        { signal: options.signal, stopStarting: options.stopStarting },
      );
    } else {
      outcomes = await runInThisThread(startOrder(todo, tasks), { ...options, cacheDir, onRound, onDone });
    }
  } finally {
    // Whatever stopped the experiment (a cancel, a failed run), a run cut off leaves no trace.
    if (tracePaths) for (const t of tasks) if (!finished.has(t.id)) dropPart(tracePaths[t.id]);
  }
  const ran = outcomes.filter((o): o is RunOutcome => o !== undefined);
  const partial = ran.length < total ? { planned: total, finished: ran.length } : undefined;
  // The report below replaces any earlier one in this folder: its traces of runs not finished now go too.
  if (partial && tracePaths) for (const t of tasks) if (!finished.has(t.id)) dropStale(tracePaths[t.id]);

  // Claims and figures from the finished runs only; a condition without one has no values (n = 0).
  const result = analyzeExperiment(scenario.name, plan.conditions, plan.seeds, ran, {
    reference: options.reference,
    metrics: scenario.experiment?.metrics,
    claims: scenario.experiment?.claims,
    world: experimentWorld(scenario, plan.conditions),
    paperClaims: paperClaimsApply(scenario),
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const model = modelLine(scenario);
  const files = options.shard
    ? [
        writeShardFile(
          options.outDir,
          shardFileOf({
            ...{ scenario, plan, shard: options.shard, planIndex: todo.planIndex, outcomes, outDir: options.outDir },
            ...{ tracePaths, roundsBy, reference: options.reference, model, wallSeconds },
          }),
        ),
      ]
    : writeExperimentFiles(options.outDir, { result, model, roundsBy, wallSeconds, planned: total });
  const run: ExperimentRun = { result, files, wallSeconds, jobs, ...(fewerJobs ? { fewerJobs } : {}) };
  if (partial) throw new ExperimentCancelled({ ...run, partial });
  return run;
}

/** Counts rounds and finished runs for `onProgress`; a finished run's trace loses its `.part` name. */
function progressOf(
  tasks: readonly WorkerTask[],
  tracePaths: readonly string[] | undefined,
  { onProgress, onOutcome }: Pick<ExperimentOptions, 'onProgress' | 'onOutcome'>,
): {
  finished: Set<number>;
  onRound: (id: number, round: number) => void;
  onDone: (id: number, outcome: RunOutcome) => void;
} {
  const total = tasks.length;
  const roundsTotal = tasks.reduce((sum, t) => sum + t.rounds, 0);
  const progressByRun = new Array<number>(total).fill(0);
  const finished = new Set<number>();
  const report = (): void =>
    onProgress?.({ done: finished.size, total, roundsDone: progressByRun.reduce((a, b) => a + b, 0), roundsTotal });
  const onRound = (id: number, round: number): void => {
    progressByRun[id] = round;
    report();
  };
  const onDone = (id: number, outcome: RunOutcome): void => {
    if (tracePaths) keepTrace(tracePaths[id]);
    finished.add(id);
    report();
    onOutcome?.(outcome);
  };
  return { finished, onRound, onDone };
}

/** The worker threads for `total` runs, and why there are fewer than asked when there are. */
function jobsFor(
  scenario: Scenario,
  askedJobs: number | undefined,
  total: number,
): { jobs: number; fewerJobs?: 'runs' | 'endpoint' } {
  const asked =
    askedJobs ??
    (isOffline(scenario) ? Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, total)) : 1);
  // Workers share each endpoint's limits (workerLimits.ts): fewer of them when a limit is small.
  const shared = workersFor(scenario, asked);
  // A worker per run at most: more would start idle, and take a share of an endpoint's limits unused.
  const jobs = Math.max(1, Math.min(shared, total));
  return { jobs, fewerJobs: jobs >= asked ? undefined : jobs === total ? 'runs' : 'endpoint' };
}

/**
 * One run at a time in this thread (LLM runs, `jobs: 1`): outcomes by task id, undefined for the
 * runs that a stop left unfinished or unstarted.
 */
async function runInThisThread(
  tasks: WorkerTask[],
  o: Pick<ExperimentOptions, 'signal' | 'stopStarting' | 'models' | 'meter'> & {
    cacheDir?: string;
    onRound: (id: number, round: number) => void;
    onDone: (id: number, outcome: RunOutcome) => void;
  },
): Promise<(RunOutcome | undefined)[]> {
  const outcomes = new Array<RunOutcome | undefined>(tasks.length).fill(undefined);
  for (const t of tasks) {
    if (o.signal?.aborted || o.stopStarting?.aborted || o.meter?.reached) break;
    let outcome: RunOutcome;
    try {
      outcome = await runOne(t.scenario, t.condition, t.seed, {
        rounds: t.rounds,
        tracePath: t.tracePath,
        promptsPath: t.promptsPath,
        signal: o.signal,
        models: { ...o.models, ...(o.meter ? { meter: () => o.meter } : {}) },
        cacheDir: o.cacheDir,
        allowModule: t.allowModule,
        onRound: (round) => o.onRound(t.id, round),
      });
    } catch (err) {
      // Aborted, or the cost limit reached (the run is left unfinished: the experiment is partial).
      if (o.signal?.aborted || err instanceof SpendLimitReached) break;
      throw err;
    }
    outcomes[t.id] = outcome;
    o.onDone(t.id, outcome);
  }
  return outcomes;
}
