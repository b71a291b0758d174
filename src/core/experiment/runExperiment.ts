// `society experiment`: every condition × seed of a scenario, in parallel worker threads when the
// models are offline (CPU-bound) and one run at a time otherwise (LLM runs are already concurrent
// inside), then the analysis and the report files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Scenario } from '../format/model';
import { slug } from '../format/slug';
import { analyzeExperiment, type ExperimentResult } from './analyze';
import { EXPERIMENT_FILES, renderExperimentHtml, runsCsv, summaryCsv } from './experimentReport';
import { planExperiment } from './plan';
import { runOnPool } from './pool';
import type { WorkerTask } from './worker';
import { runOne, type RunOneOptions } from './runOne';
import type { RunOutcome } from './outcome';
import { withOverrides } from './overrides';
import { workersFor } from './workerLimits';

export interface ExperimentOptions {
  outDir: string;
  seeds?: number[];
  rounds?: number;
  /** Parallel runs; default: the machine's cores for offline scenarios, 1 otherwise. */
  jobs?: number;
  reference?: string;
  /** Keep each run's trace under outDir/traces (default true). */
  traces?: boolean;
  signal?: AbortSignal;
  /**
   * Keys and VS Code language models (the editor's), for runs in this thread — every run of a
   * scenario with LLM models, unless `jobs` asks for workers, which read keys from the environment.
   */
  models?: RunOneOptions['models'];
  onProgress?: (p: { done: number; total: number; roundsDone: number; roundsTotal: number }) => void;
}

export interface ExperimentRun { result: ExperimentResult; files: string[]; wallSeconds: number; jobs: number }

export function isOffline(scenario: Scenario): boolean {
  return Object.values(scenario.models).every((m) => m.provider === 'offline');
}

/** The models a scenario uses, each named once (two offline models are one kind of model). */
export function modelLine(scenario: Pick<Scenario, 'models'>): string {
  const names = Object.values(scenario.models).map((m) => (m.provider === 'offline' ? 'the offline rule-based model (not an LLM)' : `${m.provider}${m.model ? ` ${m.model}` : ''}`));
  return [...new Set(names)].join(', ');
}

/**
 * Each condition's run length: its own (`world.rounds` may be one of its overrides) unless `rounds`
 * says otherwise for all. A condition that cannot be applied throws here, before any run starts.
 */
export function roundsByCondition(scenario: Scenario, conditions: readonly { name: string; set: Record<string, unknown> }[], rounds?: number): Map<string, number> {
  return new Map(conditions.map((c) => [c.name, rounds ?? withOverrides(scenario, c.set).world.rounds]));
}

export async function runExperiment(scenario: Scenario, options: ExperimentOptions): Promise<ExperimentRun> {
  const started = performance.now();
  const plan = planExperiment(scenario, { seeds: options.seeds });
  const roundsBy = roundsByCondition(scenario, plan.conditions, options.rounds);
  const traceDir = path.join(options.outDir, 'traces');
  fs.mkdirSync(options.traces === false ? options.outDir : traceDir, { recursive: true });
  const conditionOf = (name: string) => plan.conditions.find((c) => c.name === name)!;
  const tasks: WorkerTask[] = plan.runs.map((run) => ({
    id: run.index, scenario, condition: conditionOf(run.condition), seed: run.seed, rounds: roundsBy.get(run.condition)!,
    ...(options.traces === false ? {} : { tracePath: path.join(traceDir, `${slug(run.condition, 'condition')}-seed${run.seed}.jsonl`) }),
  }));
  const total = tasks.length;
  const roundsTotal = tasks.reduce((sum, t) => sum + t.rounds, 0);
  const progressByRun = new Array<number>(total).fill(0);
  let done = 0;
  const report = (): void => options.onProgress?.({ done, total, roundsDone: progressByRun.reduce((a, b) => a + b, 0), roundsTotal });
  const asked = options.jobs ?? (isOffline(scenario) ? Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, total)) : 1);
  // Workers share each endpoint's limits (workerLimits.ts): fewer of them when a limit is small.
  const jobs = workersFor(scenario, asked);

  let outcomes: RunOutcome[];
  // LLM answers are cached beside the report, so a rerun of the experiment costs nothing.
  const cacheDir = isOffline(scenario) ? undefined : path.join(options.outDir, 'cache');
  if (jobs > 1) {
    for (const t of tasks) { t.share = jobs; if (cacheDir) t.cacheDir = cacheDir; }
    outcomes = await runOnPool(tasks, jobs, {
      onRound: (id, round) => { progressByRun[id] = round; report(); },
      onDone: () => { done++; report(); },
    }, options.signal);
  } else {
    outcomes = [];
    for (const t of tasks) {
      outcomes.push(await runOne(t.scenario, t.condition, t.seed, {
        rounds: t.rounds, tracePath: t.tracePath, signal: options.signal, models: options.models, cacheDir,
        onRound: (round) => { progressByRun[t.id] = round; report(); },
      }));
      done++;
      report();
    }
  }

  const result = analyzeExperiment(scenario.name, plan.conditions, plan.seeds, outcomes, { reference: options.reference, metrics: scenario.experiment?.metrics });
  const wallSeconds = (performance.now() - started) / 1000;
  const model = modelLine(scenario);
  const rounds = Object.fromEntries(roundsBy);
  // `rounds`: the run length when every condition has the same, else null (then `rounds_by_condition` says).
  const lengths = new Set(roundsBy.values());
  const files: [string, string][] = [
    [EXPERIMENT_FILES.html, renderExperimentHtml(result, { model, rounds, wallSeconds })],
    [EXPERIMENT_FILES.summary, summaryCsv(result)],
    [EXPERIMENT_FILES.runs, runsCsv(result)],
    [EXPERIMENT_FILES.json, JSON.stringify({ ...result, rounds: lengths.size === 1 ? [...lengths][0] : null, rounds_by_condition: rounds, model, wall_seconds: wallSeconds }, null, 2)],
  ];
  for (const [name, text] of files) fs.writeFileSync(path.join(options.outDir, name), text);
  return { result, files: files.map(([n]) => path.join(options.outDir, n)), wallSeconds, jobs };
}

