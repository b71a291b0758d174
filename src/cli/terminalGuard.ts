// Every line the `society` command prints goes through `printable`: messages quote their input
// (a persona's text in a check message, a trace's line in an invalid-JSON error), and a quoted
// ESC or BEL from a hostile file would otherwise recolour, retitle or rewrite the user's terminal.
// One guard at the entry point, so no message can slip past it. (The progress bars write their
// own carriage returns straight to the stream; JSON output has its control characters escaped.)
import { format } from 'node:util';
import { printable } from '../core/text/printable';

export function guardTerminal(): void {
  const log = console.log.bind(console),
    error = console.error.bind(console);
  console.log = (...args: unknown[]): void => log(printable(format(...args)));
  console.error = (...args: unknown[]): void => error(printable(format(...args)));
}
