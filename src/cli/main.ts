// Entry point of the `society` command: a table of subcommands, each in its own module.
import { commands } from './commands';
import { asksForHelp, commandHelp, overview } from './help';

import { version as VERSION } from '../../package.json';
import { guardTerminal } from './terminalGuard';

guardTerminal();

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const asked = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    console.log(asked ? commandHelp(asked) : overview(commands, VERSION));
    return name ? 0 : 2;
  }
  if (name === '--version') {
    console.log(VERSION);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`society: unknown command '${name}'\n\n${overview(commands, VERSION)}`);
    return 2;
  }
  if (asksForHelp(rest)) {
    console.log(commandHelp(command));
    return 0;
  }
  return command.run(rest);
}

// A reader that stops early (`society metrics … | head`) closes the pipe: that ends the command
// quietly, as for any Unix tool, instead of an unhandled EPIPE with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`society: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
