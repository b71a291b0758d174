// A command's options are declared once, as the rows its help lists: `--rounds N` takes a value,
// `--json` is a switch, `-q, --quiet` has a short form, and a third element adds a default or lets
// the option repeat. The parser's configuration and the type of the parsed values both follow
// from the rows, so an option can no longer be parsed but undocumented, or documented but refused.
import type { ParseArgsConfig } from 'node:util';

/** How a row parses besides its flag: a default, or that it may be given several times. */
export interface RowParse {
  readonly default?: string | boolean;
  readonly multiple?: true;
}

/** A help row: an argument (`<scenario>`) or an option (`--flag VALUE`), what it does, and how it parses. */
export type OptionRow = readonly [flag: string, what: string, parse?: RowParse];

/** `--play-kinds K,…` → 'play-kinds'; `-q, --quiet` → 'quiet'; `<scenario>` → never. */
type FlagName<F> = F extends `${string}--${infer N} ${string}` ? N : F extends `${string}--${infer N}` ? N : never;
type TakesValue<F> = F extends `${string}--${string} ${string}` ? true : false;
type RowValue<R> = R extends readonly [string, string, { multiple: true }]
  ? string[]
  : R extends readonly [infer F, ...unknown[]]
    ? TakesValue<F> extends true
      ? string
      : boolean
    : never;
type Defaulted<R> = R extends readonly [string, string, { default: string | boolean }] ? true : false;

/** The parsed values of a command's rows: an option with a default is always there. */
export type OptionValues<Rows extends readonly OptionRow[]> = {
  [R in Rows[number] as Defaulted<R> extends true ? FlagName<R[0]> : never]: RowValue<R>;
} & {
  [R in Rows[number] as Defaulted<R> extends true ? never : FlagName<R[0]>]?: RowValue<R>;
};

const FLAG = /^(?:-([A-Za-z]), )?--([a-z][a-z0-9-]*)( \S.*)?$/;

/** node:util parseArgs's options for the rows that are options (arguments are left out). */
export function parseConfig(rows: readonly OptionRow[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = Object.create(null);
  for (const [flag, , parse] of rows) {
    if (!flag.startsWith('-')) continue;
    const m = FLAG.exec(flag);
    if (!m) throw new Error(`help row '${flag}' is not '--name', '--name VALUE' or '-x, --name'`);
    const [, short, name, value] = m;
    options[name!] = {
      type: value ? 'string' : 'boolean',
      ...(short ? { short } : {}),
      ...(parse?.multiple ? { multiple: true } : {}),
      ...(parse?.default !== undefined ? { default: parse.default } : {}),
    } as NonNullable<ParseArgsConfig['options']>[string];
  }
  return options;
}
