import type { OptionRow } from './optionRows';

/** One `society` subcommand. `run` returns the process exit code. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** What `society <name> --help` lists, each argument or option and what it does; options parse by these rows. */
  options: readonly OptionRow[];
  run(args: string[]): Promise<number>;
}
