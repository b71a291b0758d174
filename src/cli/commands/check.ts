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
      const count = values.quiet
        ? undefined
        : `${counted(looked, 'file')} checked: ${counted(errors, 'error')}, ${counted(warnings, 'warning')}`;
      if (diagnostics.length) {
        console.log(
          diagnostics.map((d) => formatDiagnostic(d, path.relative(process.cwd(), d.file) || d.file)).join('\n'),
        );
        await countAfterStdout(count, errors > 0 ? 1 : 0);
      } else if (count) {
        console.error(count);
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

/**
 * Says the count on stderr once stdout has taken the problems: piped together (2>&1) a pipe's
 * stdout is written later than stderr, and the count landed inside a problem's line. A reader
 * gone meanwhile (`| head`: EPIPE, on which main.ts ends the process) hears it first, with the
 * exit code the problems give.
 */
async function countAfterStdout(count: string | undefined, code: number): Promise<void> {
  let said = false;
  const say = () => {
    if (!said && count) console.error(count);
    said = true;
  };
  const gone = () => {
    say();
    process.exitCode = code;
  };
  process.stdout.prependListener('error', gone);
  await stdoutTaken();
  process.stdout.off('error', gone);
  say();
}

/**
 * Once what stdout holds is written, or it is closed or failed (a reader gone: `| head`), or after
 * STDOUT_WAIT_MS (a reader that stopped reading): looked at every few milliseconds, a timer that
 * keeps the process alive, where waiting on a stream's events could wait on a stream gone quiet.
 */
async function stdoutTaken(): Promise<void> {
  const out = process.stdout;
  for (let waited = 0; out.writableLength && !out.destroyed && !out.errored && waited < STDOUT_WAIT_MS; waited += 5) {
    await new Promise((r) => setTimeout(r, 5));
  }
}
const STDOUT_WAIT_MS = 5_000;

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
