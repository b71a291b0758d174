// Help text from the command table: `society --help` lists the commands, `society <command>
// --help` its usage and options. Commands never see --help (main.ts answers it), so every one
// of them has the same help, whatever its own parsing.
import type { Command } from './command';
import { maxOf } from '../core/stats/extremes';

export function overview(commands: readonly Command[], version: string): string {
  const width = maxOf(commands.map((c) => c.name.length));
  return [
    'Usage: society <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run 'society <command> --help' for its options. Version ${version}.`,
  ].join('\n');
}

export function commandHelp(c: Command): string {
  const width = Math.max(0, maxOf(c.options.map(([flag]) => flag.length)));
  return [
    `Usage: society ${c.usage}`,
    '',
    `${c.summary}.`,
    ...(c.options.length ? [''] : []),
    ...c.options.map(([flag, what]) => `  ${flag.padEnd(width)}  ${what}`),
  ].join('\n');
}

/** Whether the command line asks for help (before any `--`, after which everything is positional). */
export function asksForHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}
