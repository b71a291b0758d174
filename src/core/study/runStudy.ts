// `society study`: the plan run, look by look, model by model, each look an experiment of its
// own folder (runs/<model>/seeds-<a>-<b>): a study stopped part-way resumes by reading the looks it
// finished (their experiment.json) and running the rest — nothing recomputed, nothing lost. Then
// the hypotheses are tested, the traces tallied (mechanisms, data quality), the anchored human
// figures scored per model, and the write-up assembled (studyResult.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ModelConfig, Scenario, Study } from '../format';
import {
  runExperiment,
  traceFileName,
  ExperimentCancelled,
  type ExperimentOptions,
  type ExperimentResult,
  type RunOutcome,
} from '../experiment';
import { nameRecord } from '../text/nameRecord';
import { decided, holmAcross, testHypothesis, type HypothesisTest } from './hypothesisTest';
import { looksOf, type Looks } from './seedPlan';
import { addTally, emptyTally, focusOf, tallyTrace, type RunTally } from './traceTally';
import { pushAll } from '../text/pushAll';

/** Where each model's looks and traces go, under the study's folder. */
export const STUDY_RUNS = 'runs';

export interface StudyRunOptions {
  outDir: string;
  jobs?: number;
  allowModule?: boolean;
  /** Keep each run's prompt book beside its trace (default true; `--no-prompts`). */
  prompts?: boolean;
  signal?: AbortSignal;
  stopStarting?: AbortSignal;
  /** Keys and VS Code language models (the editor's). */
  models?: ExperimentOptions['models'];
  /** The command's spending meter (llm/spendMeter.ts): every model call of every model's runs asks it first. */
  meter?: ExperimentOptions['meter'];
  onProgress?: (p: StudyProgress) => void;
  onOutcome?: (o: RunOutcome) => void;
}

export interface StudyProgress {
  model: string;
  look: number;
  looks: number;
  runsDone: number;
  /** Runs of every model's looks so far planned (a sequential plan may plan more). */
  runsPlanned: number;
}

export interface ModelRuns {
  name: string;
  config: ModelConfig | undefined;
  runs: RunOutcome[];
  seeds: number[];
  looksRun: number;
  /** Looks read back from an earlier, interrupted run of the study. */
  looksReused: number;
  tests: HypothesisTest[];
  /** Per hypothesis, per condition: what the traces say (mechanisms, data quality). */
  tallies: Record<string, RunTally>[];
  stoppedEarly: boolean;
  partial: boolean;
}

/** The study's models: its own, else the scenario's, as one (named by the scenario's default). */
export function studyModels(study: Study, scenario: Scenario): { name: string; config: ModelConfig | undefined }[] {
  const own = Object.entries(study.models);
  if (own.length) return own.map(([name, config]) => ({ name, config }));
  return [{ name: scenario.models.default?.provider === 'offline' ? 'offline' : 'scenario', config: undefined }];
}

/** The scenario as one model runs it: that model under every name, only the study's conditions, no claims of its own. */
export function scenarioFor(scenario: Scenario, study: Study, model: ModelConfig | undefined): Scenario {
  const models = model
    ? nameRecord(Object.keys(scenario.models).map((name) => [name, { ...model, name }] as const))
    : scenario.models;
  const conditions = (scenario.experiment?.conditions ?? []).filter((c) => study.conditions.includes(c.name));
  return {
    ...scenario,
    models,
    experiment: {
      seeds: scenario.experiment?.seeds ?? [1],
      conditions: conditions.length ? conditions : [{ name: 'as written', set: {} }],
      claims: [],
      ...(scenario.experiment?.metrics ? { metrics: scenario.experiment.metrics } : {}),
    },
  };
}

/** A look's folder name: the seeds it adds. */
function lookFolder(seeds: readonly number[]): string {
  return seeds.length === 1 ? `seed-${seeds[0]}` : `seeds-${seeds[0]}-${seeds.at(-1)}`;
}

/** A look finished before: its experiment.json, whole, for these seeds and conditions. */
function finishedLook(
  dir: string,
  seeds: readonly number[],
  conditions: readonly string[],
): ExperimentResult | undefined {
  const file = path.join(dir, 'experiment.json');
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > 256 << 20) return undefined;
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as ExperimentResult & { partial?: boolean };
    if (r.partial) return undefined;
    const sameSeeds =
      JSON.stringify([...r.seeds].sort((a, b) => a - b)) === JSON.stringify([...seeds].sort((a, b) => a - b));
    const sameConditions = JSON.stringify(r.conditions.map((c) => c.name)) === JSON.stringify(conditions);
    const tracesKept = r.runs.every((run) =>
      fs.existsSync(path.join(dir, 'traces', traceFileName(run.condition, run.seed))),
    );
    return sameSeeds && sameConditions && tracesKept ? r : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The words that make talk about the world's decision: its actions, their arguments and the
 * quantities the actions change (not every declared quantity: a condition's switch, `talk`, is no
 * word of the decision, and small talk would use it).
 */
export function decisionWords(scenario: Scenario): string[] {
  const actions = scenario.mechanics?.actions ?? [];
  const changed = actions.flatMap((a) => a.effects.map((e) => e.target.split('.').pop() ?? ''));
  const words = [...actions.map((a) => a.name), ...actions.flatMap((a) => a.args.map((x) => x.name)), ...changed];
  return [...new Set(words.map((w) => w.replace(/_/g, ' ')).filter((w) => w.length >= 3))];
}

export async function runStudyModels(
  study: Study,
  scenario: Scenario,
  o: StudyRunOptions,
): Promise<{ looks: Looks; models: ModelRuns[]; stopped: boolean }> {
  const looks = looksOf(study.seeds);
  const models = studyModels(study, scenario);
  const conditions = scenarioFor(scenario, study, undefined).experiment!.conditions.map((c) => c.name);
  const out: ModelRuns[] = [];
  let runsDone = 0;
  let stopped = false;
  // Runs planned so far: the earlier models' runs as they ended, this model's up to its look, and
  // the first look of each model still to come (a sequential plan may plan more as it goes).
  const planned = (modelIndex: number, lookIndex: number): number =>
    out.slice(0, modelIndex).reduce((n, r) => n + r.runs.length, 0) +
    conditions.length * looks.looks[lookIndex].length +
    (models.length - modelIndex - 1) * conditions.length * looks.looks[0].length;
  for (const [mi, m] of models.entries()) {
    const runs: RunOutcome[] = [];
    const mr: ModelRuns = {
      name: m.name,
      config: m.config,
      runs,
      seeds: [],
      looksRun: 0,
      looksReused: 0,
      tests: [],
      tallies: [],
      stoppedEarly: false,
      partial: false,
    };
    out.push(mr);
    if (stopped) {
      mr.partial = true;
      continue;
    }
    const s = scenarioFor(scenario, study, m.config);
    const say = (k: number): void =>
      o.onProgress?.({ model: m.name, look: k + 1, looks: looks.looks.length, runsDone, runsPlanned: planned(mi, k) });
    for (let k = 0; k < looks.looks.length; k++) {
      const before = k === 0 ? [] : looks.looks[k - 1];
      const seeds = looks.looks[k].filter((x) => !before.includes(x));
      const dir = path.join(o.outDir, STUDY_RUNS, m.name, lookFolder(seeds));
      const earlier = finishedLook(dir, seeds, conditions);
      if (earlier) {
        pushAll(runs, earlier.runs);
        mr.looksReused++;
        runsDone += earlier.runs.length;
        say(k);
      } else {
        if (o.stopStarting?.aborted || o.signal?.aborted || o.meter?.reached) {
          stopped = true;
          mr.partial = true;
          break;
        }
        fs.mkdirSync(dir, { recursive: true });
        try {
          const run = await runExperiment(s, {
            outDir: dir,
            seeds,
            ...(study.rounds !== undefined ? { rounds: study.rounds } : {}),
            ...(o.jobs ? { jobs: o.jobs } : {}),
            allowModule: o.allowModule,
            traces: true,
            prompts: o.prompts !== false,
            signal: o.signal,
            stopStarting: o.stopStarting,
            models: o.models,
            ...(o.meter ? { meter: o.meter } : {}),
            onOutcome: (outcome) => {
              runsDone++;
              o.onOutcome?.(outcome);
              say(k);
            },
          });
          pushAll(runs, run.result.runs);
        } catch (e) {
          if (!(e instanceof ExperimentCancelled)) throw e;
          pushAll(runs, e.run.result.runs);
          stopped = true;
          mr.partial = true;
        }
      }
      mr.looksRun = k + 1;
      mr.seeds = [...new Set(runs.map((r) => r.seed))].sort((a, b) => a - b);
      mr.tests = study.hypotheses.map((h) => testHypothesis(h, usable(runs), looks.alpha));
      holmAcross(mr.tests, looks.alpha);
      if (stopped) break;
      if (
        study.seeds.kind === 'sequential' &&
        study.hypotheses.every((h, i) => decided(mr.tests[i], h.smallest_effect))
      ) {
        mr.stoppedEarly = k < looks.looks.length - 1;
        break;
      }
    }
    mr.tallies = await tallyModel(study, scenario, o.outDir, mr);
  }
  return { looks, models: out, stopped };
}

/** Runs whose figures are the model's own: a run no model call answered holds the fallback's. */
export function usable(runs: readonly RunOutcome[]): RunOutcome[] {
  return runs.filter((r) => !r.faults.no_model_answer);
}

/** Per hypothesis, per condition it reads: the traces of the model's runs tallied. */
async function tallyModel(
  study: Study,
  scenario: Scenario,
  outDir: string,
  mr: ModelRuns,
): Promise<Record<string, RunTally>[]> {
  const words = decisionWords(scenario);
  const byFocus = new Map<string, Record<string, RunTally>>();
  const traceOf = new Map<string, string>();
  const root = path.join(outDir, STUDY_RUNS, mr.name);
  for (const look of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    const dir = path.join(root, look, 'traces');
    for (const r of mr.runs) {
      const f = path.join(dir, traceFileName(r.condition, r.seed));
      if (fs.existsSync(f)) traceOf.set(`${r.condition}\u0000${r.seed}`, f);
    }
  }
  const out: Record<string, RunTally>[] = [];
  for (const h of study.hypotheses) {
    const focus = focusOf(h.metric, words);
    const key = focus.quantity ?? '(network)';
    let tallies = byFocus.get(key);
    if (!tallies) {
      tallies = nameRecord<RunTally>();
      for (const r of mr.runs) {
        const f = traceOf.get(`${r.condition}\u0000${r.seed}`);
        if (!f) continue;
        const t = (tallies[r.condition] ??= emptyTally());
        addTally(t, await tallyTrace(f, focus));
      }
      byFocus.set(key, tallies);
    }
    out.push(tallies);
  }
  return out;
}
