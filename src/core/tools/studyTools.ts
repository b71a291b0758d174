// The tools that vouch for an answer: society_study (a preregistered study on every model, with
// its verdicts, validity, mechanisms and data quality), society_validate (a model scored against
// the human experiments of the validation library) and society_calibrate (a scenario fitted to
// the user's observed data). Each runs the `society` command, which gates keys and the cost
// limit as the other run tools do, and answers from the summary it wrote, bounded: the parts an
// assistant needs least are cut first, and the answer says what was cut.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { pathArg } from './pathArg';
import { ToolRefusal, tool, type ToolHost } from './tool';
import { bounded, type Cut } from './answerBound';
import { allowance, charge, checkAllowance, spendingRefusal } from './assistantBudget';

/** An answer's JSON above this many characters is cut, least needed first. */
const MAX_ANSWER = 24_000;

async function society(
  host: ToolHost,
  args: string[],
  signal?: AbortSignal,
): Promise<{ code: number; stdout: string }> {
  const r = await host.society(args, signal);
  // 4: stopped at the cost limit (its summary, when there is one, covers what finished).
  if (r.code !== 0 && r.code !== 4 && r.code !== 130 && !r.stdout.trim()) {
    throw new ToolRefusal(`society ${args[0]} exited ${r.code}: ${r.stderr.trim().split('\n').slice(-12).join('\n')}`);
  }
  return r;
}

/**
 * Runs a spending command within what the user's limit leaves (assistantBudget.ts): refused when
 * nothing is left, given the rest as --max-cost (metered before every call), and the session
 * charged what it spent (`spentOf` the answer; unknown counts as all it was allowed).
 */
async function spending<T>(
  host: ToolHost,
  args: string[],
  signal: AbortSignal | undefined,
  read: (r: { code: number; stdout: string }) => T,
  spentOf: (answer: T) => number | undefined,
): Promise<{ code: number; answer: T }> {
  checkAllowance(host);
  const allowed = allowance(host);
  const r = await society(host, allowed !== undefined ? [...args, '--max-cost', String(allowed)] : args, signal);
  let answer: T;
  try {
    answer = read(r);
  } catch (err) {
    charge(host, allowed, undefined);
    if (r.code === 4) throw spendingRefusal(host, `society ${args[0]} stopped at the cost limit`);
    throw err;
  }
  const spent = spentOf(answer);
  charge(host, allowed, spent === undefined ? undefined : { spent_usd: spent });
  if (r.code === 4) {
    throw spendingRefusal(host, `society ${args[0]} stopped at the cost limit, partial (its files say what finished)`);
  }
  return { code: r.code, answer };
}

/** The command's JSON summary, or why it gave none. */
const jsonOf =
  (command: string) =>
  (r: { code: number; stdout: string }): Obj => {
    try {
      return JSON.parse(r.stdout) as Obj;
    } catch {
      throw new ToolRefusal(`society ${command} exited ${r.code} without a JSON summary`);
    }
  };

const spentUsd = (v: Obj): number | undefined => (typeof v.spent_usd === 'number' ? v.spent_usd : undefined);

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A study's answer, cut least needed first: the provenance's file list, the library listing, mechanisms past the top drivers. */
const STUDY_CUTS: Cut[] = [
  { what: 'provenance.files (study.json has them)', cut: (v: Obj) => v.provenance && delete v.provenance.files },
  {
    what: 'validity.library (the validation library listing)',
    cut: (v: Obj) => v.validity && delete v.validity.library,
  },
  {
    what: 'per-model mechanisms beyond the top three drivers',
    cut: (v: Obj) => {
      for (const h of v.hypotheses ?? []) {
        delete h.mechanisms;
        for (const m of h.models ?? []) for (const c of m.mechanisms ?? []) c.drivers = c.drivers.slice(0, 3);
      }
    },
  },
  {
    what: 'methods.statistics and methods.seeds.rule (study.md states them)',
    cut: (v: Obj) => v.methods && (delete v.methods.statistics, v.methods.seeds && delete v.methods.seeds.rule),
  },
  {
    what: 'data quality by decision kind',
    cut: (v: Obj) => {
      for (const h of v.hypotheses ?? []) {
        delete h.data_quality;
        for (const m of h.models ?? []) for (const d of m.data_quality ?? []) delete d.by_kind;
      }
    },
  },
];

export const studyTool = tool({
  name: 'society_study',
  title: 'Run a study',
  description:
    'Run a preregistered study (a .society file with `kind: study`: question, hypotheses with smallest effects, models, seed plan), as `society study`: the plan is frozen first, every model runs every condition, and the answer gives per hypothesis the verdict on each model and across them, the effect and its interval, the validity (human figures that anchor the conditions, or `unanchored`), the mechanisms (what drove the choices; a finding carried by a single offline rule is flagged) and the data quality. Rerunning resumes; a changed hypothesis is reported as a deviation. Refused when a model has no key here or the estimate is above the cost limit.',
  input: {
    study: pathArg('read', 'the study .society file'),
    out: pathArg('write', 'folder for the write-up (study.md, study.html, study.json, study.tex) and the runs'),
    overwrite: z
      .boolean()
      .default(false)
      .describe('start the study over (a new preregistration); without it a rerun resumes'),
  },
  kind: 'run',
  async invoke({ study, out, overwrite }, host, signal) {
    const args = ['study', study, '--out', out, '--json', '--quiet'];
    if (overwrite) args.push('--overwrite');
    const { code, answer: value } = await spending(host, args, signal, jsonOf('study'), spentUsd);
    const { value: answer, cut } = bounded(value, MAX_ANSWER, STUDY_CUTS);
    return {
      exitCode: code,
      folder: path.relative(host.cwd, out) || '.',
      ...(cut.length ? { cut } : {}),
      study: answer,
    };
  },
});

export const validateTool = tool({
  name: 'society_validate',
  title: 'Score a model against people',
  description:
    "Run the validation library's human experiments (public goods, ultimatum, dictator, trust, dilemmas, commons, diffusion) on a model, as `society validate`, and give each published figure, people's value and band, the simulated value and whether it falls inside; directions with their CIs. Without `model`, the offline rule-based model.",
  input: {
    out: pathArg('write', 'folder for validation.html, validation.csv and validation.json'),
    only: z
      .string()
      .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/)
      .optional()
      .describe('library entries to run, comma-separated (e.g. public-goods,ultimatum)'),
    seeds: z
      .string()
      .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/)
      .optional()
      .describe('seeds per condition, e.g. 1-6'),
    model: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/)
      .optional()
      .describe('a model name of `models` (default: offline)'),
    models: pathArg('read', 'a .society file whose models: block holds `model`').optional(),
  },
  kind: 'run',
  async invoke({ out, only, seeds, model, models }, host, signal) {
    if ((model === undefined) !== (models === undefined)) {
      throw new ToolRefusal('give `model` and `models` together, or neither (the offline model)');
    }
    const args = ['validate', '--out', out, '--overwrite'];
    if (only) args.push('--only', only);
    if (seeds) args.push('--seeds', seeds);
    if (model && models) args.push('--model', model, '--models', models);
    const { code, answer: summary } = await spending(
      host,
      args,
      signal,
      () => readJson(path.join(out, 'validation.json')),
      (v) =>
        Array.isArray(v.entries)
          ? v.entries.reduce((s: number, x: Obj) => s + (Number(x.usage?.cost_usd) || 0), 0)
          : undefined,
    );
    const { value, cut } = bounded(summary, MAX_ANSWER, [
      { what: 'series over rounds', cut: (v: Obj) => v.entries?.forEach((e: Obj) => delete e.series) },
      {
        what: 'figure sources',
        cut: (v: Obj) => v.entries?.forEach((e: Obj) => e.figures?.forEach((f: Obj) => delete f.source)),
      },
    ]);
    return {
      exitCode: code,
      folder: path.relative(host.cwd, out) || '.',
      ...(cut.length ? { cut } : {}),
      validation: value,
    };
  },
});

export const calibrateTool = tool({
  name: 'society_calibrate',
  title: 'Calibrate against observed data',
  description:
    "Fit a scenario to the user's own observed data (its `calibration:` block: an observed CSV, measures, a sweep), as `society calibrate`: every setting's fit (RMSE or KS) and the best one.",
  input: {
    scenario: pathArg('read', 'the scenario .society file with a calibration: block'),
    out: pathArg('write', 'folder for fit.csv, fit_rounds.csv and the report'),
    seeds: z
      .string()
      .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/)
      .optional()
      .describe('seeds per setting, e.g. 1-5'),
  },
  kind: 'run',
  async invoke({ scenario, out, seeds }, host, signal) {
    const args = ['calibrate', scenario, '--out', out, '--json', '--overwrite'];
    if (seeds) args.push('--seeds', seeds);
    const { code, answer: value } = await spending(host, args, signal, jsonOf('calibrate'), spentUsd);
    const { value: answer, cut } = bounded(value as Obj, MAX_ANSWER, [
      { what: 'per-round fits', cut: (v: Obj) => delete v.rounds },
    ]);
    return {
      exitCode: code,
      folder: path.relative(host.cwd, out) || '.',
      ...(cut.length ? { cut } : {}),
      calibration: answer,
    };
  },
});

/** A summary the command just wrote in the tool's own (confined) output folder. */
function readJson(file: string): Obj {
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > 64 << 20) throw new Error('not a regular file of at most 64 MB');
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Obj;
  } catch (e) {
    throw new ToolRefusal(`${path.basename(file)} could not be read: ${(e as Error).message}`);
  }
}
