// What several subcommands share: parsing their command line, integer options, and loading a
// scenario that must be runnable.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatDiagnostic } from '../core/format/diagnostics';
import { loadScenarioFile } from '../core/format/load';
import { modelNamed, type Scenario } from '../core/format/model';

/** An integer option ≥ min, or undefined when absent; a bad value throws with the option's name. */
export function integerOption(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got '${value}'`);
  return n;
}

/**
 * Creates a command's output folder (and its parents). When it cannot, prints why in a sentence (a
 * file in the way, no permission) rather than Node's `EEXIST: file already exists, mkdir …`, and
 * gives false: the command then exits with 1 before doing any work.
 */
export function outputFolder(dir: string, command: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true });
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'EROFS' ? 'the file system is read-only' : err instanceof Error ? err.message : String(err);
    console.error(`society ${command}: cannot create the output folder ${path.relative(process.cwd(), dir) || dir}: ${why}`);
    return false;
  }
}

/** Loads a scenario; prints its errors as `file:line:col: error CODE message` and returns undefined if any. */
export async function loadRunnableScenario(file: string, command: string): Promise<Scenario | undefined> {
  const loaded = await loadScenarioFile(file);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) console.error(formatDiagnostic(d, path.relative(process.cwd(), d.file) || d.file));
  if (!loaded.scenario || errors.length) {
    console.error(`society ${command}: the scenario has errors (see \`society check\`)`);
    return undefined;
  }
  return loaded.scenario;
}

/** Whether `--model NAME` (when given) names one of the scenario's models; if not, says which there are. */
export function knownModel(scenario: Scenario, name: string | undefined, command: string): boolean {
  if (name === undefined || modelNamed(scenario.models, name)) return true;
  console.error(`society ${command}: unknown model '${name}' (scenario models: ${Object.keys(scenario.models).join(', ')})`);
  return false;
}

/**
 * parseArgs for a subcommand (positionals allowed, unknown flags rejected). A bad command line
 * prints the problem and the usage and gives undefined: the command then exits with 2.
 */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(command: string, usage: string, args: string[], options: O) {
  try {
    return parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>({ args, allowPositionals: true, strict: true, options });
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
  const problem = positionals.length === 0 ? `missing the ${what}` : `takes one ${what}, got ${positionals.length}: ${positionals.join(' ')}`;
  console.error(`society ${command}: ${problem}\nUsage: society ${usage}`);
  return undefined;
}
