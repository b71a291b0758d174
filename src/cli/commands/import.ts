// `society import <tinytroupe|oasis> <files...>`: personas from another simulator's agent files,
// written as one `.society` file per persona under OUT/personas/ (the layout of examples/friends),
// optionally with a scenario that includes them. Prints what it wrote and every warning, then
// checks the written files with the same validation as `society check`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readOptionFile } from '../optionFile';
import * as path from 'node:path';
import { ioReason } from '../../core/files/ioReason';
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { outputFile } from '../options';
import { NodeFileSystem, SocietyWorkspace, formatDiagnostic } from '../../core/format';
import {
  IMPORT_SOURCES,
  formatImportWarning,
  importPersonas,
  type ImportSource,
  type SourceText,
} from '../../core/interop';
import { counted } from '../../core/text/counted';

const USAGE = 'import <tinytroupe|oasis> <files|folders...> [--out DIR] [--scenario NAME] [--force]';

const INPUT_EXTENSIONS: Record<ImportSource, RegExp> = { tinytroupe: /\.json$/i, oasis: /\.(json|csv)$/i };

/** Files as given; a folder stands for its agent files (not recursive). */
function inputFiles(args: string[], source: ImportSource): string[] {
  return args.flatMap((arg) =>
    readable(arg, () =>
      statSync(arg).isDirectory()
        ? readdirSync(arg)
            .filter((f) => INPUT_EXTENSIONS[source].test(f))
            .sort()
            .map((f) => path.join(arg, f))
        : [arg],
    ),
  );
}

/** `read()`, or an error that names the file and says plainly why it cannot be read. */
function readable<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new Error(`${file}: cannot read it: ${ioReason(err)}`, { cause: err });
  }
}

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  [
    'tinytroupe',
    '*.agent.json specs (also the older _configuration form); *.fragment.json files are merged into every agent',
  ],
  ['oasis', 'Reddit-style profile JSON or Twitter-style profile CSV; following_agentid_list becomes initial ties'],
  ['--out DIR', 'where to write personas/<id>.society (default: the current folder)', { default: '.' }],
  ['--scenario NAME', 'also write a scenario that includes the personas'],
  ['--force', 'overwrite existing files'],
] as const satisfies readonly OptionRow[];

export const importCommand = command({
  name: 'import',
  usage: USAGE,
  summary: 'Import personas from TinyTroupe agent JSON or OASIS profile JSON/CSV',
  options: OPTIONS,
  async run({ values, positionals }): Promise<number> {
    const [source, ...inputs] = positionals;
    if (!IMPORT_SOURCES.includes(source as ImportSource) || inputs.length === 0) {
      const problem =
        source === undefined
          ? 'missing the format and the files'
          : !IMPORT_SOURCES.includes(source as ImportSource)
            ? `unknown format '${source}' (formats: ${IMPORT_SOURCES.join(', ')})`
            : `missing the ${source} files`;
      console.error(`society import: ${problem}\nUsage: society ${USAGE}`);
      return 2;
    }
    let sources: SourceText[];
    try {
      sources = inputFiles(inputs, source as ImportSource).map((file) => ({
        file,
        text: readable(file, () => readOptionFile(file)),
      }));
    } catch (err) {
      console.error(`society import: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
    if (!sources.length) {
      console.error(
        `society import: no ${source === 'oasis' ? '.json or .csv' : '.json'} file in ${inputs.join(', ')}`,
      );
      return 1;
    }
    const result = importPersonas(source as ImportSource, sources, { scenario: values.scenario });
    for (const w of result.warnings) console.error(`warning: ${formatImportWarning(w)}`);
    if (result.personas.length === 0) {
      console.error(
        `society import: no personas found in ${counted(sources.length, 'file')}${result.warnings.length ? ' (the warnings above say why)' : ''}; ${source} reads ${importCommand.options.find(([flag]) => flag === source)![1]}`,
      );
      return 1;
    }
    const outDir = path.resolve(values.out);
    const targets = result.files.map((f) => ({ ...f, file: path.join(outDir, f.path) }));
    const existing = targets.filter((t) => existsSync(t.file));
    if (existing.length && !values.force) {
      console.error(
        `society import: ${existing.length} file(s) exist already, e.g. ${path.relative(process.cwd(), existing[0].file)}; use --force to overwrite`,
      );
      return 1;
    }
    for (const t of targets) if (!outputFile(t.file, t.text, 'import')) return 1;
    const ties = result.personas.reduce((n, p) => n + (p.relationships?.length ?? 0), 0);
    const memories = result.personas.reduce((n, p) => n + (p.memories?.length ?? 0), 0);
    for (const t of targets) console.log(path.relative(process.cwd(), t.file) || t.file);
    console.error(
      `${counted(result.personas.length, 'persona')} from ${counted(sources.length, 'file')}: ${counted(ties, 'initial tie')}, ${counted(memories, 'seed memory', 'seed memories')}, ${counted(result.warnings.length, 'warning')}`,
    );
    // The written files must pass `society check`; a failure here is a bug in the import.
    const workspace = new SocietyWorkspace(new NodeFileSystem(), outDir);
    const { diagnostics } = await workspace.check(targets.map((t) => t.file));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) console.error(formatDiagnostic(d, path.relative(process.cwd(), d.file) || d.file));
    return errors.length ? 1 : 0;
  },
});
