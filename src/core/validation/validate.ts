// `society validate`: runs each library entry's experiment (its conditions × seeds) through the
// experiment machinery and scores the simulated figures against the human ones (classify.ts).
import * as path from 'node:path';
import { type ModelConfig, type Scenario, loadScenarioFile, formatDiagnostic } from '../format';
import type { UsageTotals } from '../trace/events';
import { nameRecord } from '../text/nameRecord';
import {
  runExperiment,
  type ExperimentOptions,
  type ExperimentResult,
  type NullModel,
  estimate,
  type Estimate,
} from '../experiment';
import {
  classify,
  classifyDirection,
  directionAgainst,
  directionAgainstNumber,
  unanswered,
  type ScoredFigure,
  type SeedValues,
} from './classify';
import type { LibraryEntry } from './reference';
import type { SpendMeter } from '../llm/spendMeter';

export interface EntryResult {
  entry: LibraryEntry;
  scored: ScoredFigure[];
  /** Per human series, the simulated one: mean and 95% CI over seeds per round. */
  series: { metric: string; condition: string; rounds: { round: number; sim: Estimate }[] }[];
  seeds: number[];
  /** What the entry's runs cost (model calls, tokens, USD): all zero on the offline model. */
  usage: UsageTotals;
  /** The files the entry's experiment wrote (its own folder under the output folder). */
  files: string[];
  /** Runs that got no model answer at all (runs.csv's no_model_answer): their figures have no verdict. */
  unanswered: { condition: string; seed: number }[];
}

export interface ValidateOptions {
  dir: string;
  outDir: string;
  seeds?: number[];
  jobs?: number;
  /** Plays every agent and the coach of every entry (`--model`): the scenario's own models otherwise. */
  model?: ModelConfig;
  onEntry?: (entry: LibraryEntry) => void;
  /** --max-cost, metered before every call of every entry's runs (llm/spendMeter.ts). */
  meter?: SpendMeter;
}

/** runExperiment's options for an entry's experiment: its folder, seeds, jobs and the metered limit. */
export function entryRunOptions(options: ValidateOptions, outDir: string): ExperimentOptions {
  return {
    outDir,
    traces: false,
    ...(options.seeds ? { seeds: options.seeds } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.meter ? { meter: options.meter } : {}),
  };
}

export async function loadEntryScenario(dir: string, entry: LibraryEntry): Promise<Scenario> {
  const file = path.join(dir, entry.scenario);
  const loaded = await loadScenarioFile(file, { root: dir });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.scenario || errors.length) {
    throw new Error(`${entry.scenario}: ${errors.map((d) => formatDiagnostic(d)).join('; ') || 'no scenario'}`);
  }
  return loaded.scenario;
}

/** `<metric>.excess.<null>`: which null model each suffix names (analyze.ts's baselines). */
const EXCESS: readonly [string, NullModel][] = [
  ['.excess.gnm', 'G(n, m)'],
  ['.excess.degree-preserving', 'degree-preserving'],
];

/** The entry's scenario as it will run: with `model` (when given) under every model name it declares. */
export async function entryScenario(dir: string, entry: LibraryEntry, model?: ModelConfig): Promise<Scenario> {
  const scenario = await loadEntryScenario(dir, entry);
  if (!model) return scenario;
  return { ...scenario, models: nameRecord(Object.keys(scenario.models).map((name) => [name, { ...model, name }])) };
}

/** What the runs spent, summed. */
export const sumUsage = (runs: ExperimentResult['runs']): UsageTotals =>
  runs.reduce(
    (s, r) => ({
      calls: s.calls + r.usage.calls,
      input_tokens: s.input_tokens + r.usage.input_tokens,
      output_tokens: s.output_tokens + r.usage.output_tokens,
      cost_usd: s.cost_usd + r.usage.cost_usd,
    }),
    { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
  );

/** The simulated estimate of a figure: its metric in its condition over the seeds. */
export function simulatedOf(result: ExperimentResult, metric: string, condition: string): Estimate {
  for (const [suffix, model] of EXCESS) {
    if (!metric.endsWith(suffix)) continue;
    const base = metric.slice(0, -suffix.length);
    const found = result.baselines.find(
      (b) => b.metric === base && b.condition === condition && b.null_model === model,
    );
    return found ? found.excess : estimate([]);
  }
  const summary = result.summaries.find((s) => s.metric === metric)?.byCondition[condition];
  if (summary) return summary;
  return estimate(result.runs.filter((r) => r.condition === condition).map((r) => r.metrics[metric] ?? null));
}

/** Per seed, a figure's value in its condition: the metric, or its excess over a null model in that run. */
export function seedValuesOf(result: ExperimentResult, metric: string, condition: string): SeedValues {
  const runs = result.runs.filter((r) => r.condition === condition);
  for (const [suffix, model] of EXCESS) {
    if (!metric.endsWith(suffix)) continue;
    const base = metric.slice(0, -suffix.length);
    return new Map(
      runs.map((r) => {
        const observed = r.metrics[base] ?? null;
        const random = (model === 'G(n, m)' ? r.baseline : (r.degree_baseline ?? {}))[base] ?? null;
        return [r.seed, observed !== null && random !== null ? observed - random : null];
      }),
    );
  }
  return new Map(runs.map((r) => [r.seed, r.metrics[metric] ?? null]));
}

/** The conditions a figure's verdict reads: its own, and the one it is compared with. */
function conditionsRead(figure: LibraryEntry['figures'][number], entry: LibraryEntry): string[] {
  const than = figure.direction?.than;
  const vs = figure.vs === undefined ? undefined : entry.figures.find((f) => f.id === figure.vs)?.condition;
  return [figure.condition, ...(typeof than === 'string' ? [than] : []), ...(vs !== undefined ? [vs] : [])];
}

export function scoreEntry(entry: LibraryEntry, result: ExperimentResult, files: string[] = []): EntryResult {
  // A run whose every model call failed holds the fallback's figures (on_error): no verdict from it.
  const dead = result.runs.filter((r) => r.faults.no_model_answer);
  const deadConditions = new Set(dead.map((r) => r.condition));
  const sims = new Map(entry.figures.map((f) => [f.id, simulatedOf(result, f.metric, f.condition)]));
  const byId = new Map(entry.figures.map((f) => [f.id, f]));
  const scored = entry.figures.map((f) => {
    if (conditionsRead(f, entry).some((c) => deadConditions.has(c))) return unanswered(f);
    const own = seedValuesOf(result, f.metric, f.condition);
    if (f.direction) {
      const { than, sign } = f.direction;
      const want = sign === 'higher' ? 1 : -1;
      return typeof than === 'number'
        ? classifyDirection(f, sims.get(f.id)!, than, directionAgainstNumber(own, than, want))
        : classifyDirection(
            f,
            sims.get(f.id)!,
            simulatedOf(result, f.metric, than).mean,
            directionAgainst(own, seedValuesOf(result, f.metric, than), want),
          );
    }
    if (f.vs === undefined) return classify(f, sims.get(f.id)!);
    // People's direction: the sign of (this − that) in the published values (never 0: reference.ts).
    const vs = byId.get(f.vs)!;
    const want = f.human! > vs.human! ? 1 : -1;
    return classify(f, sims.get(f.id)!, directionAgainst(own, seedValuesOf(result, vs.metric, vs.condition), want));
  });
  const series = entry.series.map((s) => {
    const runs = result.runs.filter((r) => r.condition === s.condition && r.series && !r.faults.no_model_answer);
    const rounds = runs[0]?.series?.rounds ?? [];
    return {
      metric: s.metric,
      condition: s.condition,
      rounds: rounds.map((round, k) => ({
        round,
        sim: estimate(runs.map((r) => r.series!.metrics[s.metric]?.[k] ?? null)),
      })),
    };
  });
  return {
    entry,
    scored,
    series,
    seeds: result.seeds,
    usage: sumUsage(result.runs),
    files,
    unanswered: dead.map((r) => ({ condition: r.condition, seed: r.seed })),
  };
}

export async function validateLibrary(
  entries: readonly LibraryEntry[],
  options: ValidateOptions,
): Promise<EntryResult[]> {
  const out: EntryResult[] = [];
  for (const entry of entries) {
    options.onEntry?.(entry);
    const scenario = await entryScenario(options.dir, entry, options.model);
    const run = await runExperiment(scenario, entryRunOptions(options, path.join(options.outDir, entry.id)));
    out.push(scoreEntry(entry, run.result, run.files));
  }
  return out;
}
