// Entry point of the `society` command: a table of subcommands, each in its own module.
import { commands } from './commands';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printHelp();
    return name ? 0 : 2;
  }
  if (name === '--version') {
    console.log(require('../../package.json').version);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`society: unknown command '${name}'`);
    printHelp();
    return 2;
  }
  return command.run(rest);
}

function printHelp(): void {
  const width = Math.max(...commands.map((c) => c.usage.length));
  console.log('Usage: society <command> [options]\n');
  for (const c of commands) console.log(`  ${c.usage.padEnd(width)}  ${c.summary}`);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`society: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = 2; },
);
