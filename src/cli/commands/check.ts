// `society check <files or folders>`: diagnostics as `file:line:col: severity CODE message`,
// exit 1 on errors; `--json` for machines.
import * as path from 'node:path';
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { NodeFileSystem, SocietyWorkspace, defaultRoot, formatDiagnostic } from '../../core/format';
import { LocalModelError, checkModelFile } from '../../core/llm/local/modelFile';
import { counted } from '../../core/text/counted';
import { localModelWarnings } from '../localModelWarnings';
import { pushAll } from '../../core/text/pushAll';

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  ['<files|folders...>', '.society files, or folders searched for them (default: the current folder)'],
  ['--json', 'print the problems as JSON (with 1-based line and column)'],
  ['--root DIR', 'folder that includes and relative paths resolve against (default: found from the files)'],
  ['-q, --quiet', 'print the problems only, without the closing count'],
] as const satisfies readonly OptionRow[];

export const checkCommand = command({
  name: 'check',
  usage: 'check <files|folders...> [--json] [--root DIR]',
  summary: 'Validate .society files (schema and cross-file checks)',
  options: OPTIONS,
  async run(parsed): Promise<number> {
    const { values, positionals } = parsed;
    const targets = positionals.length ? positionals.map((p) => path.resolve(p)) : [process.cwd()];
    const root = path.resolve(values.root ?? defaultRoot(targets));
    // Model files are read here, header only, as a run would before its first call (SOC155).
    const fs = Object.assign(new NodeFileSystem(), { modelFileProblem });
    const workspace = new SocietyWorkspace(fs, root);
    const { files, diagnostics } = await workspace.check(targets);
    // A local model's context against its file's header and this machine (not the editor's: it reads model files).
    pushAll(diagnostics, await localModelWarnings(files));
    quietWhenStdoutCloses();
    // A named file that cannot be read was looked at too (its SOC004 says why): it counts.
    const looked = new Set([...files, ...diagnostics.map((d) => d.file)]).size;
    // A file's "…and N more" diagnostic counts as the N errors it stands for.
    const errors = diagnostics.filter((d) => d.severity === 'error').reduce((n, d) => n + (d.count ?? 1), 0);
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    if (values.json) {
      console.log(
        JSON.stringify(
          {
            files: looked,
            errors,
            warnings,
            diagnostics: diagnostics.map((d) => ({
              ...d,
              file: d.file,
              line: d.range.start.line + 1,
              column: d.range.start.character + 1,
            })),
          },
          null,
          2,
        ),
      );
    } else {
      if (diagnostics.length) {
        const text = diagnostics.map((d) => formatDiagnostic(d, path.relative(process.cwd(), d.file) || d.file));
        // The count goes to stderr once stdout has taken the problems: piped together (2>&1) a pipe's
        // stdout is written later than stderr, and the count landed inside a problem's line.
        await new Promise<void>((done) => process.stdout.write(`${text.join('\n')}\n`, () => done()));
      }
      if (!values.quiet) {
        console.error(
          `${counted(looked, 'file')} checked: ${counted(errors, 'error')}, ${counted(warnings, 'warning')}`,
        );
      }
    }
    // A folder with no .society files (a mistyped path, files not yet added) is not a pass: like
    // eslint's "no files matching", say so and fail, so a CI step cannot check nothing for ever.
    if (files.length === 0 && diagnostics.length === 0) {
      console.error(
        `society check: no .society files in ${positionals.length ? positionals.join(', ') : 'the current folder'}`,
      );
      return 2;
    }
    return errors > 0 ? 1 : 0;
  },
});

let guarded = false;
/**
 * `society check | head` closes the pipe before everything is printed: stop there, quietly, with
 * the exit code the problems give. Node reports an 'error' event nobody listens for as a crash.
 */
function quietWhenStdoutCloses(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

/** What checkModelFile finds wrong with a model file, without the file's path (the diagnostic names it). */
function modelFileProblem(file: string, chat: boolean): string | undefined {
  try {
    checkModelFile(file, { chat });
    return undefined;
  } catch (err) {
    if (!(err instanceof LocalModelError)) return err instanceof Error ? err.message : String(err);
    return err.message.startsWith(`${file}: `) ? err.message.slice(file.length + 2) : err.message;
  }
}
