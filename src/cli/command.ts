// A `society` subcommand as a table row: its name, usage, summary and option rows, and its code.
// command() parses the arguments by the rows and maps what the code throws to the exit code, once
// for every command: a UsageError (a value an option cannot take) exits 2 with the usage, any other
// error exits 1, each said as `society <command>: <why>`.
import type { OptionRow, OptionValues } from './optionRows';
import { parseCommandArgs } from './options';
import { UsageError } from './usageError';

/** One `society` subcommand. `run` returns the process exit code. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** What `society <name> --help` lists, each argument or option and what it does; options parse by these rows. */
  options: readonly OptionRow[];
  run(args: string[]): Promise<number>;
}

/** What a command's own code gets: its options parsed by its rows, and its positional arguments. */
export interface Parsed<Rows extends readonly OptionRow[]> {
  values: OptionValues<Rows>;
  positionals: string[];
}

/**
 * A command whose arguments are parsed here, once for all: by its option rows, an unknown or
 * malformed option printed with the usage and exit 2, so each command's code starts from values.
 */
export function command<const Rows extends readonly OptionRow[]>(spec: {
  name: string;
  usage: string;
  summary: string;
  options: Rows;
  /** Commands under this one (`experiment merge`): its first argument, their name's last word, picks one. */
  subcommands?: readonly Command[];
  run(parsed: Parsed<Rows>): Promise<number>;
}): Command {
  return {
    name: spec.name,
    usage: spec.usage,
    summary: spec.summary,
    options: spec.options,
    async run(args: string[]): Promise<number> {
      const sub = spec.subcommands?.find((c) => c.name.slice(c.name.lastIndexOf(' ') + 1) === args[0]);
      if (sub) return sub.run(args.slice(1));
      const parsed = parseCommandArgs(spec.name, spec.usage, args, spec.options);
      if (!parsed) return 2;
      try {
        return await spec.run(parsed);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        if (err instanceof UsageError) {
          console.error(`society ${spec.name}: ${why}\nUsage: society ${spec.usage}`);
          return 2;
        }
        console.error(`society ${spec.name}: ${why}`);
        return 1;
      }
    },
  };
}
