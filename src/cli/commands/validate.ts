// `society validate`: score a model against the shipped library of classic human-subject
// experiments (validation/*.society with their *.reference.json; docs/validation.md). With
// --model, every entry is estimated first and the whole is held to --max-cost before any call.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { integerOption } from '../options';
import { ALLOW_KEY_ROW, grantKeys } from '../keyGrants';
import { configKeyRefusal, keyAllowances } from '../../core/llm/keyRoute';
import { integerListOption } from '../integerList';
import { MIN_SEED } from '../../core/random/rng';
import { printable } from '../../core/text/printable';
import { readLibrary, type LibraryEntry } from '../../core/validation/reference';
import { entryScenario, validateLibrary, type ValidateOptions } from '../../core/validation/validate';
import { ExperimentCancelled, partialText, EXPERIMENT_FILES } from '../../core/experiment';
import { SpendMeter } from '../../core/llm/spendMeter';
import { COST_LIMIT_EXIT } from '../run/runToEnd';
import type { UsageTotals } from '../../core/trace/events';
import {
  unansweredText,
  validationCsv,
  validationHtml,
  validationJson,
  validationText,
} from '../../core/validation/report';
import { estimateValidation, validationCostReason } from '../../core/validation/estimate';
import { loadScenarioFile, type ModelConfig, isInstant } from '../../core/format';
import {
  validateVaried,
  variedCsv,
  variedFolder,
  variedJson,
  variedScenario,
  variedText,
  variedUnansweredText,
} from '../../core/validation/varied';
import { chooseModel } from '../modelChoice';
import { mayReplace, recordPresent, removeOurs } from '../ownFiles';
import { writeFileSafely } from '../../core/files/safeWrite';
import { sayToolProgress } from '../toolProgress';

/** The shipped library: beside the bundle (dist/../validation) or the sources (src/cli/commands/../../../validation). */
export function libraryDir(from = __dirname): string | undefined {
  for (const up of [['..'], ['..', '..'], ['..', '..', '..']]) {
    const dir = path.resolve(from, ...up, 'validation');
    if (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.reference.json'))) return dir;
  }
  return undefined;
}

/** What validate writes into --out, and each entry's experiment into its own folder there. */
const VALIDATION_FILES = ['validation.csv', 'validation.json', 'validation.html'] as const;
const VARIED_FILES = ['varied.csv', 'varied.json'] as const;
const ENTRY_FILES: readonly string[] = Object.values(EXPERIMENT_FILES);

/** `--model NAME` of `--models FILE`: that file's model config, or why not. */
async function modelOf(name: string, file: string): Promise<ModelConfig | string> {
  const loaded = await loadScenarioFile(path.resolve(file), { root: path.dirname(path.resolve(file)) });
  const models = loaded.scenario?.models;
  if (!models) return `${file}: no scenario with models: could be read`;
  const choice = chooseModel(models, name, file);
  return 'model' in choice ? choice.model : choice.error;
}

const usd = (x: number): string => `$${x.toFixed(2)}`;
const int = (x: number): string => Math.round(x).toLocaleString('en-US');

/** --max-cost USD, else SOCIETY_COST_LIMIT (as `society mcp`); undefined: no limit. NaN: not dollars. */
function costLimit(text: string | undefined): number | undefined {
  const t = text ?? process.env.SOCIETY_COST_LIMIT;
  if (t === undefined || t.trim() === '') return undefined;
  const x = Number(t);
  return Number.isFinite(x) && x >= 0 ? x : NaN;
}

/** The runs' own usage, summed over the entries: what was spent, said after the table. */
function spentText(usages: readonly UsageTotals[]): string {
  const u = usages.reduce(
    (s, r) => ({
      calls: s.calls + r.calls,
      tokens: s.tokens + r.input_tokens + r.output_tokens,
      cost: s.cost + r.cost_usd,
    }),
    { calls: 0, tokens: 0, cost: 0 },
  );
  return `spent: ${int(u.calls)} model calls, ${int(u.tokens)} tokens, ${usd(u.cost)}`;
}

type Values = {
  model?: string;
  models?: string;
  'max-cost'?: string;
  only?: string;
  seeds?: string;
  jobs?: string;
  library?: string;
  out?: string;
  overwrite?: boolean;
  varied?: boolean;
  'allow-key'?: string[];
};

/** The entries to run (the library, --only, and with --varied those with variations), or the exit code. */
function entriesToRun(values: Values, dir: string): LibraryEntry[] | number {
  let entries: LibraryEntry[];
  try {
    entries = readLibrary(dir);
  } catch (err) {
    console.error(`society validate: ${printable((err as Error).message)}`);
    return 1;
  }
  if (values.only) {
    const wanted = values.only.split(',').map((s) => s.trim());
    const unknown = wanted.filter((w) => !entries.some((e) => e.id === w));
    if (unknown.length) {
      console.error(
        `society validate: unknown entry ${unknown.map(printable).join(', ')} (entries: ${entries.map((e) => e.id).join(', ')})`,
      );
      return 2;
    }
    entries = entries.filter((e) => wanted.includes(e.id));
  }
  if (!values.varied) return entries;
  const plain = entries.filter((e) => !e.varied).map((e) => e.id);
  if (values.only && plain.length) {
    console.error(
      `society validate: --varied: ${plain.join(', ')} ${plain.length === 1 ? 'has' : 'have'} no variations`,
    );
    return 2;
  }
  return entries.filter((e) => e.varied);
}

/** --model NAME of --models FILE (undefined: each entry's own models), or the exit code. */
async function chosenModel(values: Values): Promise<ModelConfig | undefined | number> {
  if (values.model === undefined) return undefined;
  if (!values.models) {
    console.error('society validate: --model NAME needs --models FILE (a .society file whose models: holds NAME)');
    return 2;
  }
  const m = await modelOf(values.model, values.models);
  if (typeof m === 'string') {
    console.error(`society validate: ${printable(m)}`);
    return 2;
  }
  return m;
}

/**
 * Every entry estimated as it will run and the sum held to the limit, before anything is spent:
 * undefined to go on, else the exit code after saying why not.
 */
async function withinCost(
  entries: readonly LibraryEntry[],
  dir: string,
  model: ModelConfig | undefined,
  values: Values,
  seeds: number[] | undefined,
): Promise<number | undefined> {
  const limit = costLimit(values['max-cost']);
  if (Number.isNaN(limit)) {
    console.error(
      `society validate: --max-cost takes dollars (e.g. 2.5), not '${printable(values['max-cost'] ?? '')}'`,
    );
    return 2;
  }
  let scenarios;
  try {
    scenarios = await Promise.all(
      entries.map(async (e) => {
        const s = await entryScenario(dir, e, model);
        return values.varied && e.varied ? variedScenario(s, e.varied) : s;
      }),
    );
  } catch (err) {
    console.error(`society validate: ${printable((err as Error).message)}`);
    return 1;
  }
  const estimate = estimateValidation(scenarios, seeds);
  // The offline model's decisions are counted as calls too, but cost nothing and send nothing.
  if (estimate.total.models.some((m) => m.calls > 0 && !isInstant(m))) {
    const t = estimate.total.total;
    console.error(
      `estimate: ${int(estimate.runs)} runs, ${int(t.calls)} model calls, about ${int(t.input_tokens + t.output_tokens)} tokens, ${usd(t.cost_usd)}`,
    );
  }
  const refusal = validationCostReason(estimate, limit);
  if (!refusal) return undefined;
  console.error(`society validate: ${refusal} Nothing was run; raise --max-cost, or fewer --only entries or --seeds.`);
  return 1;
}

/**
 * Exit 3 (as `experiment`'s runs without a model answer) when some figure or claim has no verdict,
 * said last so a batch log ends with it; 0 when every one has a verdict.
 */
function failedFor(unanswered: string | undefined): number {
  if (!unanswered) return 0;
  for (const line of unanswered.split('\n')) console.error(`error: ${printable(line)}`);
  return 3;
}

/** The output folder's files (and each entry's folder) as the own-files manifest allows. */
class OutputFolder {
  constructor(
    readonly dir: string,
    private readonly varied: boolean,
  ) {}

  folderOf(id: string): string {
    return path.join(this.dir, this.varied ? variedFolder(id) : id);
  }

  get files(): readonly string[] {
    return this.varied ? VARIED_FILES : VALIDATION_FILES;
  }

  /** Whether every file to be written is ours or absent (or --overwrite); says which not. */
  mayWrite(entries: readonly LibraryEntry[], overwrite: boolean): boolean {
    fs.mkdirSync(this.dir, { recursive: true });
    if (!mayReplace('validate', this.dir, this.files, overwrite)) return false;
    return entries.every((e) => mayReplace('validate', this.folderOf(e.id), ENTRY_FILES, overwrite));
  }

  /** An entry's experiment files are ours; an earlier one's it did not write again go. */
  keepEntry(id: string, files: readonly string[]): void {
    const d = this.folderOf(id);
    const wrote = files.map((f) => path.basename(f));
    recordPresent(d, wrote);
    removeOurs(
      d,
      ENTRY_FILES.filter((name) => !wrote.includes(name)),
    );
  }

  write(name: string, text: string): void {
    writeFileSafely(path.join(this.dir, name), text);
    recordPresent(this.dir, [name]);
  }
}

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  [
    '--varied',
    "instead of the figures: each entry's game varied in ways the library does not ship, and whether the direction people show holds (varied.csv, varied.json)",
  ],
  ['--model NAME', 'the model config NAME of --models FILE plays every agent (default: offline)'],
  ['--models FILE', 'a .society file whose models: block holds NAME'],
  [
    '--max-cost USD',
    'refuse to start when the estimate of the whole validation is above this, and make no model call once the calls so far and those under way reach it (exit 4) (default: SOCIETY_COST_LIMIT; unset: no limit)',
  ],
  ['--only ID,...', 'only these library entries (comma-separated ids)'],
  ['--seeds 1-10', "seeds per condition (default: each entry's experiment seeds)"],
  ['--jobs N', 'runs at once (default: one per core for the offline model)'],
  ['--library DIR', 'another library folder (default: the shipped one)'],
  ['--out DIR', 'folder for validation.html, validation.csv, validation.json (default: runs/validation)'],
  ['--overwrite', 'replace files of the same names in --out that Society Studio did not write'],
  ALLOW_KEY_ROW,
] as const satisfies readonly OptionRow[];

export const validateCommand = command({
  name: 'validate',
  usage:
    'validate [--varied] [--model NAME --models FILE] [--max-cost USD] [--only ID,...] [--seeds 1-10] [--jobs N] [--library DIR] [--out DIR] [--overwrite] [--allow-key VAR@HOST[:PORT]]...',
  summary: 'Score a model against human experiments and their published figures',
  options: OPTIONS,
  async run(parsed): Promise<number> {
    const values: Values = parsed.values;
    if (!grantKeys('validate', values['allow-key'])) return 2;
    const dir = values.library ? path.resolve(values.library) : libraryDir();
    if (!dir) {
      console.error('society validate: the validation library was not found');
      return 1;
    }
    const entries = entriesToRun(values, dir);
    if (typeof entries === 'number') return entries;
    const model = await chosenModel(values);
    if (typeof model === 'number') return model;
    const refusedKey = model && configKeyRefusal(model, keyAllowances());
    if (refusedKey) {
      console.error(`society validate: ${printable(refusedKey)}`);
      return 1;
    }
    const seeds = integerListOption('seeds', values.seeds, MIN_SEED);
    // As `experiment --jobs`: 0, -3 or abc is refused, not quietly read as the default.
    const jobs = integerOption('jobs', values.jobs, 1);
    const refused = await withinCost(entries, dir, model, values, seeds);
    if (refused !== undefined) return refused;
    const out = new OutputFolder(path.resolve(values.out ?? path.join('runs', 'validation')), values.varied === true);
    if (!out.mayWrite(entries, values.overwrite === true)) return 1;
    const limitUsd = costLimit(values['max-cost']);
    const options = {
      dir,
      outDir: out.dir,
      ...(seeds ? { seeds } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
      ...(model ? { model } : {}),
      // The limit metered as the runs spend, not only held to the estimate above.
      ...(limitUsd !== undefined ? { meter: SpendMeter.create(limitUsd) } : {}),
    };
    try {
      return await validateInto(out, entries, values, options);
    } catch (err) {
      if (!(err instanceof ExperimentCancelled && options.meter?.reached)) throw err;
      console.error(
        `society validate: stopped: ${options.meter.reason()}; ${partialText(err.run.partial)} in the entry under way, and no verdict is given. Run it again with a higher --max-cost: the cache answers the finished runs at no cost${options.meter.cutOffNote()}`,
      );
      return COST_LIMIT_EXIT;
    }
  },
});

/** Runs the entries and writes the validation's files into `out`: the exit code. */
async function validateInto(
  out: OutputFolder,
  entries: readonly LibraryEntry[],
  values: Values,
  options: ValidateOptions,
): Promise<number> {
  const { model } = options;
  const label = values.model ?? 'offline rule-based model';
  const where = (name: string): string => path.relative(process.cwd(), path.join(out.dir, name));
  if (values.varied) {
    const results = await validateVaried(entries, { ...options, onEntry: (e) => console.error(`varying ${e.id} …`) });
    for (const r of results) out.keepEntry(r.entry.id, r.files);
    out.write('varied.csv', variedCsv(results));
    out.write('varied.json', variedJson(results, label));
    console.log(variedText(results, label).replace(/\n$/, ''));
    if (model) console.error(spentText(results.map((r) => r.usage)));
    console.error(`claims: ${where('varied.csv')}`);
    return failedFor(variedUnansweredText(results));
  }
  let started = 0;
  const results = await validateLibrary(entries, {
    ...options,
    onEntry: (e) => {
      // Entries run one after another: the one starting now follows those done.
      sayToolProgress({ done: started++, total: entries.length, of: 'entries' });
      console.error(`validating ${e.id} …`);
    },
  });
  sayToolProgress({ done: entries.length, total: entries.length, of: 'entries' });
  for (const r of results) out.keepEntry(r.entry.id, r.files);
  out.write('validation.csv', validationCsv(results));
  out.write('validation.json', validationJson(results, label));
  out.write('validation.html', validationHtml(results, label));
  console.log(validationText(results, label).replace(/\n$/, ''));
  if (model) console.error(spentText(results.map((r) => r.usage)));
  console.error(`report: ${where('validation.html')}`);
  return failedFor(unansweredText(results));
}
