// What `society run` says of a scenario before running it: the warnings `society check` would
// report (a scenario without personas, an event after the last round, ran without a word), and the
// timed events a --rounds shorter than the scenario's puts out of reach (they were dropped silently).
import * as path from 'node:path';
import { formatDiagnostic, type Diagnostic, type Scenario } from '../core/format';
import { counted } from '../core/text/counted';

/**
 * The lines to print on standard error: each warning as `file:line:col: warning CODE message`, then
 * a note on the events the run's `rounds` leaves out. SOC052 counts against the scenario's own
 * rounds: a longer run may reach its event, so it is left to the note then, which counts against
 * the run's; a shorter run keeps it, and the note names only the events SOC052 does not.
 */
export function scenarioWarnings(warnings: readonly Diagnostic[], scenario: Scenario, rounds: number): string[] {
  const own = scenario.world.rounds;
  const lines = warnings
    .filter((d) => d.code !== 'SOC052' || rounds <= own)
    .map((d) => formatDiagnostic(d, path.relative(process.cwd(), d.file) || d.file));
  const late = scenario.events.map((e) => e.at).filter((at) => at > rounds && (rounds > own || at <= own));
  if (late.length) {
    lines.push(`note: --rounds ${rounds}: ${counted(late.length, 'timed event')} (${roundList(late)}) will not fire`);
  }
  return lines;
}

/** `round 4`, `rounds 4, 7, 11`: each round once, in order. */
function roundList(rounds: number[]): string {
  const distinct = [...new Set(rounds)].sort((a, b) => a - b);
  return `${distinct.length === 1 ? 'round' : 'rounds'} ${distinct.join(', ')}`;
}
