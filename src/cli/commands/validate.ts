// `society validate`: score a model against the shipped library of classic human-subject
// experiments (validation/*.society with their *.reference.json; docs/validation.md).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from '../command';
import { parseCommandArgs } from '../options';
import { integerListOption } from '../integerList';
import { MIN_SEED } from '../../core/random/rng';
import { printable } from '../../core/text/printable';
import { readLibrary, type LibraryEntry } from '../../core/validation/reference';
import { validateLibrary } from '../../core/validation/validate';
import { validationCsv, validationHtml, validationJson, validationText } from '../../core/validation/report';
import { loadScenarioFile } from '../../core/format/language/load';
import type { Scenario } from '../../core/format/language/model';

/** The shipped library: beside the bundle (dist/../validation) or the sources (src/cli/commands/../../../validation). */
export function libraryDir(from = __dirname): string | undefined {
  for (const up of [['..'], ['..', '..'], ['..', '..', '..']]) {
    const dir = path.resolve(from, ...up, 'validation');
    if (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.reference.json'))) return dir;
  }
  return undefined;
}

/** `--model NAME` of `--models FILE`: that scenario's model config becomes every agent's. */
async function modelsOf(name: string, file: string): Promise<Scenario['models'] | string> {
  const loaded = await loadScenarioFile(path.resolve(file), { root: path.dirname(path.resolve(file)) });
  const models = loaded.scenario?.models;
  if (!models) return `${file}: no scenario with models: could be read`;
  const chosen = models[name];
  if (!chosen) return `unknown model '${name}' (models in ${file}: ${Object.keys(models).join(', ')})`;
  return { ...models, default: chosen };
}

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate [--model NAME --models FILE] [--only ID,...] [--seeds 1-10] [--jobs N] [--library DIR] [--out DIR]',
  summary: 'Score a model against human experiments and their published figures',
  options: [
    ['--model NAME', 'the model config NAME of --models FILE plays every agent (default: offline)'],
    ['--models FILE', 'a .society file whose models: block holds NAME'],
    ['--only ID,...', 'only these library entries (comma-separated ids)'],
    ['--seeds 1-10', "seeds per condition (default: each entry's experiment seeds)"],
    ['--jobs N', 'runs at once (default: one per core for the offline model)'],
    ['--library DIR', 'another library folder (default: the shipped one)'],
    ['--out DIR', 'folder for validation.html, validation.csv, validation.json (default: runs/validation)'],
  ],
  async run(args) {
    const parsed = parseCommandArgs('validate', validateCommand.usage, args, {
      model: { type: 'string' },
      models: { type: 'string' },
      only: { type: 'string' },
      seeds: { type: 'string' },
      jobs: { type: 'string' },
      library: { type: 'string' },
      out: { type: 'string' },
    });
    if (!parsed) return 2;
    const { values } = parsed;
    const dir = values.library ? path.resolve(values.library) : libraryDir();
    if (!dir) {
      console.error('society validate: the validation library was not found');
      return 1;
    }
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
    let models: Scenario['models'] | undefined;
    if (values.model !== undefined) {
      if (!values.models) {
        console.error('society validate: --model NAME needs --models FILE (a .society file whose models: holds NAME)');
        return 2;
      }
      const m = await modelsOf(values.model, values.models);
      if (typeof m === 'string') {
        console.error(`society validate: ${printable(m)}`);
        return 2;
      }
      models = m;
    }
    const seeds = integerListOption('seeds', values.seeds, MIN_SEED);
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    const outDir = path.resolve(values.out ?? path.join('runs', 'validation'));
    fs.mkdirSync(outDir, { recursive: true });
    const results = await validateLibrary(entries, {
      dir,
      outDir,
      ...(seeds ? { seeds } : {}),
      ...(jobs && Number.isInteger(jobs) && jobs > 0 ? { jobs } : {}),
      ...(models ? { models } : {}),
      onEntry: (e) => console.error(`validating ${e.id} …`),
    });
    const label = values.model ?? 'offline rule-based model';
    fs.writeFileSync(path.join(outDir, 'validation.csv'), validationCsv(results));
    fs.writeFileSync(path.join(outDir, 'validation.json'), validationJson(results, label));
    fs.writeFileSync(path.join(outDir, 'validation.html'), validationHtml(results, label));
    process.stdout.write(validationText(results, label));
    console.error(`report: ${path.relative(process.cwd(), path.join(outDir, 'validation.html'))}`);
    return 0;
  },
};
