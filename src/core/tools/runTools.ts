// Tools that run the `society` command: estimate, run, experiment and compare. A run or an
// experiment passes the gate first (keys, cost limit); each gives the command's own --json
// summary, cut short when it is large (the files it wrote hold the rest).
import * as path from 'node:path';
import { z } from 'zod';
import { estimateRun } from '../llm/estimate';
import { pathArg } from './pathArg';
import { gateScenario } from './scenarioGate';
import { allowance, charge, spendingRefusal } from './assistantBudget';
import { ToolRefusal, tool, type ToolHost } from './tool';

/** The largest JSON answer given whole (characters); a larger one is summarised by its keys. */
const MAX_JSON = 16_000;

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
  const keys = value && typeof value === 'object' ? Object.keys(value) : [];
  return { exitCode: r.code, note: `the summary is ${r.stdout.length} characters; its keys: ${keys.join(', ')}` };
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
  title: 'Estimate a run',
  description: 'Model calls, tokens and dollars a run of the scenario would spend, per model, before running it.',
  input: { scenario: scenarioInput, rounds: roundsInput },
  kind: 'read',
  async invoke({ scenario, rounds }, host) {
    const gate = await gateScenario(
      scenario,
      { ...host, costLimitUsd: 0, budget: undefined },
      { rounds, sends: false },
    );
    const e = estimateRun(gate.scenario, { rounds });
    return {
      agents: e.agents,
      rounds: e.rounds,
      total: e.total,
      models: e.models.map((m) => ({
        name: m.name,
        provider: m.provider,
        model: m.model,
        calls: m.calls,
        cost_usd: m.cost_usd,
        priced: m.priced,
      })),
      // What the user's limit leaves this session (assistantBudget.ts); absent: they lifted it.
      costLimitUsd: allowance(host),
    };
  },
});

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
  title: 'Compare runs',
  description:
    'Compare two runs (or two sets of runs paired by seed), as `society compare`: metrics side by side with the difference and its 95% CI.',
  input: { a: pathArg('read', 'a run folder, trace or folder of runs'), b: pathArg('read', 'the other') },
  kind: 'read',
  async invoke({ a, b }, host, signal) {
    return societyJson(host, ['compare', a, b], signal);
  },
});
