// Tools that run the `society` command: estimate, run, experiment and compare. A run or an
// experiment passes the gate first (keys, cost limit); each gives the command's own --json
// summary, cut short when it is large (the files it wrote hold the rest).
import * as path from 'node:path';
import { z } from 'zod';
import { estimateRun } from '../llm/estimate';
import { estimateExperiment } from '../experiment';
import { loadStudyFile } from '../format';
import { scenarioFor, studyModels } from '../study/runStudy';
import { looksOf } from '../study/seedPlan';
import { pathArg } from './pathArg';
import { bounded, type Cut } from './answerBound';
import { gateScenario } from './scenarioGate';
import { allowance, charge, spendingRefusal } from './assistantBudget';
import { ToolRefusal, tool, type ToolHost } from './tool';

/** The largest JSON answer given whole (characters); a larger one is summarised by its keys. */
const MAX_JSON = 16_000;

/** What a large summary loses first, in order (files written beside it keep everything). */
const SUMMARY_CUTS: Cut[] = [
  { what: 'series (per-round values: series.csv, society_sql)', cut: (v) => delete v.series },
  { what: 'baselines (null-model comparisons: experiment.json)', cut: (v) => delete v.baselines },
  { what: 'contrasts (every condition against the reference: summary.csv)', cut: (v) => delete v.contrasts },
  { what: 'summaries (each metric per condition: summary.csv)', cut: (v) => delete v.summaries },
  { what: 'files', cut: (v) => delete v.files },
];

/** Runs `society <args> --json` and gives its JSON (or why it failed). */
async function societyJson(
  host: ToolHost,
  args: string[],
  signal?: AbortSignal,
  drop: string[] = [],
): Promise<unknown> {
  const r = await host.society([...args, '--json'], signal);
  const errors = r.stderr.trim().split('\n').slice(-12).join('\n');
  if (r.code !== 0 && !r.stdout.trim()) throw new ToolRefusal(`society ${args[0]} exited ${r.code}: ${errors}`);
  let value: unknown;
  try {
    value = JSON.parse(r.stdout);
  } catch {
    throw new ToolRefusal(`society ${args[0]} exited ${r.code} without a JSON summary: ${errors}`);
  }
  if (value && typeof value === 'object') for (const key of drop) delete (value as Record<string, unknown>)[key];
  if (JSON.stringify(value).length <= MAX_JSON) return { exitCode: r.code, summary: value };
  // Too large whole: the parts an assistant needs least go first; the claims and verdicts stay.
  const { value: cutValue, cut } = bounded(value, MAX_JSON, SUMMARY_CUTS);
  if (JSON.stringify(cutValue).length <= MAX_JSON) return { exitCode: r.code, cut, summary: cutValue };
  const o = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return {
    exitCode: r.code,
    note: `the summary is ${r.stdout.length} characters; its keys: ${Object.keys(o).join(', ')}`,
    ...('claims' in o ? { claims: o.claims } : {}),
  };
}

/**
 * A run tool's answer, the session charged what its command spent (assistantBudget.ts); a command
 * stopped at the limit (exit 4) says so, and how to ask the user for more.
 */
async function spent(host: ToolHost, allowed: number | undefined, answer: Promise<unknown>): Promise<object> {
  let a: { exitCode?: number; summary?: unknown };
  try {
    a = (await answer) as typeof a;
  } catch (err) {
    // Stopped at the limit with no summary: it spent what it was allowed (the meter's bound).
    if (err instanceof ToolRefusal && / exited 4\b/.test(err.message)) {
      charge(host, allowed, undefined);
      throw spendingRefusal(host, `${err.message}\nIt stopped at the cost limit`);
    }
    throw err;
  }
  charge(host, allowed, a.summary);
  if (a.exitCode !== 4) return a;
  return {
    ...a,
    costLimit: spendingRefusal(host, 'It stopped at the cost limit, partial (its files say what finished)').message,
  };
}

const scenarioInput = pathArg('read', 'the scenario .society file');
const roundsInput = z.number().int().min(1).max(100_000).optional().describe("rounds (default: the scenario's)");

export const estimateTool = tool({
  name: 'society_estimate',
  title: 'Estimate a run, an experiment or a study',
  description:
    "Model calls, tokens, dollars (and seconds: for a local model with a measured speed, and the offline model's CPU time) before anything runs, per model: one run of the scenario; with `experiment`, its every condition × seed; with `study`, a study's every model, condition and the most seeds its plan allows.",
  input: {
    scenario: scenarioInput.optional(),
    study: pathArg('read', 'a study .society file (instead of scenario)').optional(),
    experiment: z
      .boolean()
      .default(false)
      .describe("estimate the scenario's experiment (conditions × seeds), not one run"),
    seeds: z
      .string()
      .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/)
      .optional()
      .describe("with experiment: the seeds (default: the experiment's)"),
    rounds: roundsInput,
  },
  kind: 'read',
  async invoke({ scenario, study, experiment, seeds, rounds }, host) {
    if ((scenario === undefined) === (study === undefined)) {
      throw new ToolRefusal('give `scenario` or `study`, one of the two');
    }
    const costLimitUsd = allowance(host);
    if (study !== undefined) return { ...(await estimateStudy(study, host)), costLimitUsd };
    const gate = await gateScenario(
      scenario!,
      { ...host, costLimitUsd: 0, budget: undefined },
      { rounds, sends: false, ...(experiment ? { experiment: seeds ? { seeds: seedList(seeds) } : {} } : {}) },
    );
    const e = experiment
      ? estimateExperiment(gate.scenario, { rounds, ...(seeds ? { seeds: seedList(seeds) } : {}) })
      : undefined;
    const run = e?.total ?? estimateRun(gate.scenario, { rounds });
    return {
      agents: run.agents,
      rounds: run.rounds,
      ...(e ? { runs: e.runs, conditions: e.conditions, seeds: e.seeds } : {}),
      total: run.total,
      models: modelRows(run),
      ...secondsOf(run),
      // What the user's limit leaves this session (assistantBudget.ts); absent: they lifted it.
      costLimitUsd,
    };
  },
});

function modelRows(run: ReturnType<typeof estimateRun>): object[] {
  return run.models.map((m) => ({
    name: m.name,
    provider: m.provider,
    model: m.model,
    calls: m.calls,
    cost_usd: m.cost_usd,
    priced: m.priced,
    ...(m.local?.seconds !== undefined ? { seconds: Math.round(m.local.seconds) } : {}),
    ...(m.offline?.acts ? { seconds: Math.round(m.offline.seconds) } : {}),
  }));
}

/**
 * Expected seconds where every model that calls has a measured speed (a local one) and the offline
 * model's CPU time (issue 87: estimateOffline.ts); else said unknown.
 */
function secondsOf(run: ReturnType<typeof estimateRun>): { expected_seconds?: number; seconds_note?: string } {
  const calling = run.models.filter((m) => m.calls > 0 && m.provider !== 'offline');
  const offline = run.models.reduce((s, m) => s + (m.offline?.seconds ?? 0), 0);
  const note = run.models.some((m) => m.offline && m.calls > 0)
    ? {
        seconds_note:
          "the offline model's seconds are the CPU time of its action decisions only: conversations, ratings and reflection are not timed",
      }
    : {};
  if (!calling.length) return { expected_seconds: Math.round(offline), ...note };
  if (calling.every((m) => m.local?.seconds !== undefined)) {
    return { expected_seconds: Math.round(offline + calling.reduce((s, m) => s + m.local!.seconds!, 0)), ...note };
  }
  return { seconds_note: 'no measured speed for an endpoint model: time depends on the endpoint' };
}

/** A study's estimate: each model's experiment over the most seeds the plan allows, summed. */
async function estimateStudy(file: string, host: ToolHost): Promise<object> {
  const loaded = await loadStudyFile(path.resolve(host.cwd, file), { root: host.cwd });
  if (!loaded.study || !loaded.scenario) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    throw new ToolRefusal(`the study has errors (society_check lists them)${first ? `: ${first.message}` : ''}`);
  }
  const { study, scenario } = loaded;
  const seeds = looksOf(study.seeds).looks.at(-1)!;
  const models = studyModels(study, scenario).map((m) => {
    const e = estimateExperiment(scenarioFor(scenario, study, m.config), {
      seeds,
      ...(study.rounds ? { rounds: study.rounds } : {}),
    });
    return { model: m.name, runs: e.runs, total: e.total.total, ...secondsOf(e.total) };
  });
  return {
    study: study.name,
    seeds_at_most: seeds.length,
    models,
    cost_usd: models.reduce((s, m) => s + m.total.cost_usd, 0),
  };
}

export const runTool = tool({
  name: 'society_run',
  title: 'Run a society',
  description:
    'Run a scenario headless (as `society run`) into a folder and give its closing summary. Refused when a model it calls has no key here or the estimate is above the cost limit.',
  input: {
    scenario: scenarioInput,
    out: pathArg('write', 'folder for the run (trace.jsonl, checkpoint.json)'),
    rounds: roundsInput,
    seed: z.number().int().optional().describe("seed (default: the scenario's)"),
    overwrite: z.boolean().default(false).describe('replace a run the folder already holds'),
  },
  kind: 'run',
  async invoke({ scenario, out, rounds, seed, overwrite }, host, signal) {
    const gate = await gateScenario(scenario, host, { rounds });
    const args = ['run', gate.file, '--out', out, '--quiet'];
    if (rounds !== undefined) args.push('--rounds', String(rounds));
    if (seed !== undefined) args.push('--seed', String(seed));
    if (overwrite) args.push('--overwrite');
    // What the user's limit leaves, metered before every call of the run (llm/spendMeter.ts).
    const allowed = allowance(host);
    if (allowed !== undefined) args.push('--max-cost', String(allowed));
    // The per-round series are in the trace (society_sql answers them): the summary is the end state.
    const answer = await spent(host, allowed, societyJson(host, args, signal, ['series']));
    return { folder: path.relative(host.cwd, out) || '.', estimatedUsd: gate.costUsd, ...answer };
  },
});

export const experimentTool = tool({
  name: 'society_experiment',
  title: 'Run an experiment',
  description:
    "Run the scenario's experiment (conditions × seeds, as `society experiment`) and give its claims and summaries. Refused as society_run is; the cost limit covers every run together.",
  input: {
    scenario: scenarioInput,
    out: pathArg('write', 'folder for the experiment'),
    seeds: z
      .string()
      .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/)
      .optional()
      .describe('e.g. 1-5 or 1,2,7'),
    rounds: roundsInput,
    overwrite: z.boolean().default(false).describe('replace an experiment the folder already holds'),
  },
  kind: 'run',
  async invoke({ scenario, out, seeds, rounds, overwrite }, host, signal) {
    const gate = await gateScenario(scenario, host, { rounds, experiment: seeds ? { seeds: seedList(seeds) } : {} });
    const conditions = Math.max(1, gate.scenario.experiment?.conditions.length ?? 1);
    const seedCount = seeds ? seedList(seeds).length : (gate.scenario.experiment?.seeds.length ?? 5);
    const args = ['experiment', gate.file, '--out', out];
    if (seeds) args.push('--seeds', seeds);
    if (rounds !== undefined) args.push('--rounds', String(rounds));
    if (overwrite) args.push('--overwrite');
    const allowed = allowance(host);
    if (allowed !== undefined) args.push('--max-cost', String(allowed));
    const answer = await spent(host, allowed, societyJson(host, args, signal));
    return {
      folder: path.relative(host.cwd, out) || '.',
      runs: conditions * seedCount,
      estimatedUsd: gate.costUsd,
      ...answer,
    };
  },
});

const MAX_SEEDS = 10_000;

/** The seeds `1-5,7` names (the input's pattern is checked already); refused past MAX_SEEDS. */
function seedList(text: string): number[] {
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const [a, b = a] = part.split('-').map(Number);
    if (seeds.length + b - a >= MAX_SEEDS) throw new ToolRefusal(`seeds '${text}' names more than ${MAX_SEEDS} seeds`);
    for (let s = a; s <= b; s++) seeds.push(s);
  }
  return seeds;
}

export const compareTool = tool({
  name: 'society_compare',
  title: 'Compare runs or conditions',
  description:
    "Compare two runs (or two sets of runs paired by seed), or two conditions of one experiment paired by seed (`conditions`), as `society compare`: metrics side by side with the difference, its 95% CI and Hedges' g. With `minus` (two more conditions C, D) a contrast of contrasts instead: (B − A) − (D − C) for each outcome, paired by seed, with its 95% CI and p (e.g. whether the talk effect differs between group sizes).",
  input: {
    a: pathArg('read', 'a run folder, trace or folder of runs; with conditions, the experiment folder'),
    b: pathArg('read', 'the other (not with conditions)').optional(),
    conditions: z
      .array(z.string().min(1).max(200))
      .length(2)
      .optional()
      .describe('two conditions of the experiment in `a`, as the scenario names them: A then B'),
    minus: z
      .array(z.string().min(1).max(200))
      .length(2)
      .optional()
      .describe('with `conditions`: two more of its conditions, C then D, for the contrast (B − A) − (D − C)'),
  },
  kind: 'read',
  async invoke({ a, b, conditions, minus }, host, signal) {
    if ((b === undefined) === (conditions === undefined)) {
      throw new ToolRefusal("give `b` (another run) or `conditions` (two of an experiment's), one of the two");
    }
    if (minus && !conditions) throw new ToolRefusal('`minus` needs `conditions`: the contrast is (B − A) − (D − C)');
    if (conditions && minus) {
      const pair = (p: readonly string[]) => `${p[0]},${p[1]}`;
      return societyJson(host, ['compare', a, '--conditions', pair(conditions), '--minus', pair(minus)], signal);
    }
    if (conditions) {
      return societyJson(host, ['compare', a, '--conditions', `${conditions[0]},${conditions[1]}`], signal);
    }
    return societyJson(host, ['compare', a, b!], signal);
  },
});
