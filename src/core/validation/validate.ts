// `society validate`: runs each library entry's experiment (its conditions × seeds) through the
// experiment machinery and scores the simulated figures against the human ones (classify.ts).
import * as path from 'node:path';
import type { Scenario } from '../format/language/model';
import { loadScenarioFile } from '../format/language/load';
import { formatDiagnostic } from '../format/language/diagnostics';
import { runExperiment } from '../experiment/runExperiment';
import type { ExperimentResult, NullModel } from '../experiment/types';
import { estimate, type Estimate } from '../experiment/statistics';
import { classify, classifyDirection, type ScoredFigure } from './classify';
import type { LibraryEntry } from './reference';

export interface EntryResult {
  entry: LibraryEntry;
  scored: ScoredFigure[];
  /** Per human series, the simulated one: mean and 95% CI over seeds per round. */
  series: { metric: string; condition: string; rounds: { round: number; sim: Estimate }[] }[];
  seeds: number[];
}

export interface ValidateOptions {
  dir: string;
  outDir: string;
  seeds?: number[];
  jobs?: number;
  /** Replaces each entry's models (`--model`): the scenario's own otherwise. */
  models?: Scenario['models'];
  onEntry?: (entry: LibraryEntry) => void;
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

export function scoreEntry(entry: LibraryEntry, result: ExperimentResult): EntryResult {
  const sims = new Map(entry.figures.map((f) => [f.id, simulatedOf(result, f.metric, f.condition)]));
  const byId = new Map(entry.figures.map((f) => [f.id, f]));
  const scored = entry.figures.map((f) => {
    if (f.direction) {
      const than = f.direction.than;
      return classifyDirection(
        f,
        sims.get(f.id)!,
        typeof than === 'number' ? than : simulatedOf(result, f.metric, than).mean,
      );
    }
    return classify(
      f,
      sims.get(f.id)!,
      f.vs !== undefined ? { figure: byId.get(f.vs)!, simulated: sims.get(f.vs)! } : undefined,
    );
  });
  const series = entry.series.map((s) => {
    const runs = result.runs.filter((r) => r.condition === s.condition && r.series);
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
  return { entry, scored, series, seeds: result.seeds };
}

export async function validateLibrary(
  entries: readonly LibraryEntry[],
  options: ValidateOptions,
): Promise<EntryResult[]> {
  const out: EntryResult[] = [];
  for (const entry of entries) {
    options.onEntry?.(entry);
    let scenario = await loadEntryScenario(options.dir, entry);
    if (options.models) scenario = { ...scenario, models: options.models };
    const run = await runExperiment(scenario, {
      outDir: path.join(options.outDir, entry.id),
      traces: false,
      ...(options.seeds ? { seeds: options.seeds } : {}),
      ...(options.jobs ? { jobs: options.jobs } : {}),
    });
    out.push(scoreEntry(entry, run.result));
  }
  return out;
}
