// What several subcommands share: parsing their command line, integer options, and loading a
// scenario that must be runnable.
import { UsageError } from './usageError';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  formatDiagnostic,
  type Diagnostic,
  defaultRoot,
  loadScenarioFile,
  NO_SCENARIO_TO_RUN,
  type Scenario,
} from '../core/format';
import { makeFolders } from '../core/files/makeFolders';
import { chooseModel } from './modelChoice';
import { ioReason } from '../core/files/ioReason';
import { printable } from '../core/text/printable';
import { LOCK_FILE, lockFolder, type FolderLock } from '../core/files/folderLock';
import { shellWord } from '../core/text/shellWord';
import { parseConfig, type OptionRow, type OptionValues } from './optionRows';
import { MadeFolders } from './madeFolders';
import { pushAll } from '../core/text/pushAll';
import { writeFileSafely } from '../core/files/safeWrite';

/**
 * An integer option ≥ min, or undefined when absent; a bad value throws with the option's name.
 * Written in decimal digits only: Number() would also take '' and ' ' (as 0), '1e3' and '0x10',
 * and integers past 2^53, which lose digits (seeds 1e20 and 1e20 + 1 would be one seed).
 */
export function integerOption(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^[-+]?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new UsageError(
      `--${name} must be an integer ≥ ${min}${min < 0 ? ` and ≤ ${Number.MAX_SAFE_INTEGER}` : ''}, got '${value}'`,
    );
  }
  return n;
}

/**
 * Creates a command's output folder (and its parents), and gives the folders it made: a command
 * that fails before writing anything there removes them again (`removeEmpty()`). When it cannot,
 * prints why in a sentence (a file in the way, no permission) rather than Node's `EEXIST: file
 * already exists, mkdir …`, and gives undefined: the command then exits with 1 before doing any work.
 */
export function outputFolder(dir: string, command: string): MadeFolders | undefined {
  try {
    return new MadeFolders(makeFolders(dir));
  } catch (err) {
    console.error(`society ${command}: cannot create the output folder ${shown(dir)}: ${ioReason(err)}`);
    return undefined;
  }
}

/**
 * Takes the output folder for this command (one writer at a time, core/files/folderLock.ts), or
 * says who is writing there and gives undefined (exit 1).
 */
export function lockOutputFolder(dir: string, command: string): FolderLock | undefined {
  let lock: ReturnType<typeof lockFolder>;
  try {
    lock = lockFolder(dir);
  } catch (err) {
    // A folder we may not write to (read-only, no permission) says so in a sentence, as other outputs do.
    console.error(`society ${command}: cannot write to the output folder ${shown(dir)}: ${ioReason(err, 'folder')}`);
    return undefined;
  }
  if ('release' in lock) return lock;
  const h = lock.heldBy;
  console.error(
    `society ${command}: another society command (pid ${h.pid}${h.host !== os.hostname() ? ` on ${h.host}` : ''}, since ${h.since}) is writing to ${shown(dir)}; wait for it to end or choose another --out (a stale lock: delete ${shown(path.join(dir, LOCK_FILE))})`,
  );
  return undefined;
}

/**
 * Writes a command's output file (creating its folder); when it cannot, prints why in a sentence,
 * leaves no folder it made for the file, and gives false.
 */
export function outputFile(file: string, text: string, command: string): boolean {
  const made = outputFolder(path.dirname(path.resolve(file)), command);
  if (!made) return false;
  if (wroteFiles(command, () => writeFileSafely(file, text), file)) return true;
  made.removeEmpty();
  return false;
}

/**
 * Runs a command's writing of its files. When the file system refuses one (no permission, a full
 * disk), prints `cannot write FILE: <why in a sentence>` rather than Node's `EACCES: permission
 * denied, open …`, and gives false: the command then exits with 1. FILE is the one the error names
 * (`path`), else `file`; an error about no file is not a write problem and goes on up.
 */
export function wroteFiles(command: string, write: () => void, file?: string): boolean {
  try {
    write();
    return true;
  } catch (err) {
    const failed = (err as NodeJS.ErrnoException)?.path ?? file;
    if (failed === undefined) throw err;
    console.error(`society ${command}: cannot write ${shown(failed)}: ${ioReason(err)}`);
    return false;
  }
}

/** A path as the user would type it from here. */
export function shown(p: string): string {
  return path.relative(process.cwd(), path.resolve(p)) || p;
}

/** A scenario loaded for a command, with what `society check` would say of it besides errors. */
export interface LoadedScenario {
  scenario: Scenario;
  /** Its warnings and notes (SOC052 an event after the last round, SOC053 no personas…). */
  warnings: Diagnostic[];
  /** The names of every scenario in the file (several may share one). */
  scenarios: string[];
}

/**
 * Loads a scenario: the one named `name` (`--scenario`), else the file's first. Prints its errors as
 * `file:line:col: error CODE message` and returns undefined if any (a folder given for the file: says
 * so); `quiet`: no note on standard error.
 * `rootOption` (`--root`): the folder includes may not leave (default: core/format/project/load.ts defaultRoot).
 */
export async function loadRunnableScenario(
  file: string,
  command: string,
  name?: string,
  quiet = false,
  rootOption?: string,
): Promise<Scenario | undefined> {
  return (await loadScenario(file, command, name, quiet, rootOption))?.scenario;
}

/** loadRunnableScenario, with the scenario's warnings and the file's scenario names. */
export async function loadScenario(
  file: string,
  command: string,
  name?: string,
  quiet = false,
  rootOption?: string,
): Promise<LoadedScenario | undefined> {
  if (isScenarioFolder(file, command)) return undefined;
  const root = path.resolve(rootOption ?? defaultRoot([file]));
  const loaded = await loadScenarioFile(file, { scenario: name, root });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) console.error(formatDiagnostic(d, path.relative(process.cwd(), d.file) || d.file));
  // Where the limit came from, and how to move it (the editor's is the workspace folder).
  if (errors.some((d) => d.code === 'SOC032')) {
    console.error(
      `note: includes may not leave ${path.relative(process.cwd(), root) || '.'}${rootOption === undefined ? " (the repository's top folder, else the working directory when it holds the file, else the file's folder)" : ''}; set it with --root DIR`,
    );
  }
  if (!loaded.scenario || errors.length) {
    if (name !== undefined && !loaded.scenarios.includes(name)) return undefined; // the diagnostic said which there are
    // A file with no scenario (a persona file) is not wrong: `society check` passes it, so don't send the user there.
    const noScenario = errors.length > 0 && errors.every((d) => d.message === NO_SCENARIO_TO_RUN);
    console.error(
      noScenario
        ? `society ${command}: ${shown(file)} holds no scenario (\`kind: scenario\`) to run; a persona file runs as part of a scenario that includes it`
        : `society ${command}: the scenario has errors (see \`society check\`)`,
    );
    return undefined;
  }
  // Several scenarios may share a file: say which one this is and how to pick another.
  if (name === undefined && loaded.scenarios.length > 1 && !quiet) {
    console.error(
      `note: ${shown(file)} holds ${loaded.scenarios.length} scenarios (${loaded.scenarios.map((n) => `'${printable(n)}'`).join(', ')}); this is '${printable(loaded.scenario.name)}' (choose with --scenario NAME)`,
    );
  }
  return {
    scenario: loaded.scenario,
    warnings: loaded.diagnostics.filter((d) => d.severity !== 'error'),
    scenarios: loaded.scenarios,
  };
}

/**
 * A folder given for the scenario file (`society run examples/friends`): says so, as report,
 * metrics and export do (core/files/ioReason.ts), and names the scenario files in it, rather than
 * "SOC004 File not found or not readable" of a folder that plainly exists.
 */
function isScenarioFolder(file: string, command: string): boolean {
  try {
    if (!fs.statSync(file).isDirectory()) return false;
  } catch {
    return false;
  } // missing or unreadable: SOC004 says so
  const inside = scenarioFilesIn(file).map((f) => shellWord(shown(f)));
  console.error(
    `society ${command}: ${shown(file)}: ${ioReason({ code: 'EISDIR' }, 'scenario file')}; give the scenario's .society file${inside.length ? ` (${inside.join(', ')})` : ''}`,
  );
  return true;
}

/** The .society files directly in `dir` that hold a scenario (a quick look at their `kind:` lines). */
function scenarioFilesIn(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.society'))
      .map((e) => path.join(dir, e.name))
      .filter((f) => /^kind:\s*['"]?scenario\b/m.test(fs.readFileSync(f, 'utf8')))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Whether `--attribute NAME` (when given) can name a homophily attribute: its figures are
 * `<NAME>_assortativity`…, and `degree` would overwrite the network's `degree_assortativity`.
 */
export function usableAttribute(name: string | undefined, command: string): boolean {
  if (name !== 'degree') return true;
  console.error(
    `society ${command}: --attribute degree would be reported as degree_assortativity, which is the network's degree assortativity (already in the table); degree is not a persona attribute`,
  );
  return false;
}

/** Whether `--model NAME` (when given) names one of the scenario's models; if not, says which there are. */
export function knownModel(scenario: Scenario, name: string | undefined, command: string): boolean {
  if (name === undefined) return true;
  const choice = chooseModel(scenario.models, name, 'scenario');
  if ('model' in choice) return true;
  console.error(`society ${command}: ${printable(choice.error)}`);
  return false;
}

/**
 * `--seed -1` as `--seed=-1`: parseArgs takes a value that starts with '-' for an option and refuses
 * it ("argument is ambiguous"), though seeds may be negative. Only negative numbers after an option
 * that takes a value are joined; anything else is left for parseArgs to judge.
 */
function negativeValuesJoined(args: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i],
      next = args[i + 1];
    const name = a.startsWith('--') ? a.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
      continue;
    }
    if (a === '--') {
      pushAll(out, args.slice(i));
      break;
    }
    out.push(a);
  }
  return out;
}

/**
 * A subcommand's command line parsed by its help rows (optionRows.ts: positionals allowed, unknown
 * flags rejected). A bad command line prints the problem and the usage and gives undefined: the
 * command then exits with 2.
 */
export function parseCommandArgs<const Rows extends readonly OptionRow[]>(
  command: string,
  usage: string,
  args: string[],
  rows: Rows,
): { values: OptionValues<Rows>; positionals: string[] } | undefined {
  const options = parseConfig(rows);
  try {
    const parsed = parseArgs({
      args: negativeValuesJoined(args, options),
      allowPositionals: true,
      strict: true,
      options,
    });
    return { values: parsed.values as OptionValues<Rows>, positionals: parsed.positionals };
  } catch (err) {
    console.error(`society ${command}: ${err instanceof Error ? err.message : String(err)}\nUsage: society ${usage}`);
    return undefined;
  }
}

/**
 * The one file a command works on. Missing or several print what was wrong and the usage and give
 * undefined (exit 2): a bare usage line does not tell a user who passed a glob why it failed.
 */
export function onePositional(command: string, usage: string, positionals: string[], what: string): string | undefined {
  if (positionals.length === 1) return positionals[0];
  const problem =
    positionals.length === 0
      ? `missing the ${what}`
      : `takes one ${what}, got ${positionals.length}: ${positionals.join(' ')}`;
  console.error(`society ${command}: ${problem}\nUsage: society ${usage}`);
  return undefined;
}
