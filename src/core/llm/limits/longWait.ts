// A line (on the terminal; in the editor, the log and the status bar) when an endpoint's 429
// Retry-After holds a run's calls for 10 s or more (up to the 10 minutes a run waits at most): the
// run looked hung, without a word. Said once per pause: the many calls that meet the same 429
// together do not each say it.
import { LONG_WAIT_MS } from './resilientCall';
import { printable } from '../../text/printable';

export interface LongWait {
  endpoint: string;
  ms: number;
  retryAfterMs: number;
}

/** A listener for ModelOptions.onLongWait that writes each new pause with `write` (a line). */
export function longWaitSayer(
  write: (line: string) => void,
  command: string,
  now: () => number = Date.now,
): (w: LongWait) => void {
  const saidUntil = new Map<string, number>();
  return (w) => {
    const until = now() + w.ms;
    // A pause the last line already covers (give or take) is not news.
    if (until < (saidUntil.get(w.endpoint) ?? 0) + LONG_WAIT_MS) return;
    saidUntil.set(w.endpoint, until);
    const asked = Math.round(w.retryAfterMs / 1000);
    const waits = Math.round(w.ms / 1000);
    const capped = w.retryAfterMs > w.ms ? `; a run waits at most ${waits} s, then tries again` : '';
    write(
      `society ${command}: ${printable(w.endpoint)} answered 429 (rate limited) and asks to wait ${asked} s (Retry-After)${capped}: its calls resume at ${clock(until)}`,
    );
  };
}

/** HH:MM:SS, local time. */
function clock(ms: number): string {
  return new Date(ms).toTimeString().slice(0, 8);
}
