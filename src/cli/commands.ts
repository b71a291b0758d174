// The table of `society` subcommands (one module each under ./commands/).
import type { Command } from './command';
import { checkCommand } from './commands/check';

export const commands: Command[] = [
  checkCommand,
];
