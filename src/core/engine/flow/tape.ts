// What one independent unit of work (an agent's turn stage, a conversation's evaluations) did,
// held back so a stage can run its units concurrently yet publish them in canonical order.
// `say` records events that depend only on the unit itself; `later` records state changes that
// other units of the same stage must not see yet (as data, engine/flow/stateChange.ts) — they are
// applied when the stage commits.
import type { TraceEvent } from '../../trace/events';
import type { StateChange } from './stateChange';
import type { Step } from './step';

export class Tape {
  events: TraceEvent[] = [];
  changes: StateChange[] = [];

  say(e: TraceEvent): void {
    this.events.push(e);
  }

  later<C extends StateChange>(change: C): void {
    this.changes.push(change);
  }
}

/**
 * Run `work` for each item, its events and effects landing in `tape` in item order however the
 * calls interleaved. Items that finish at once (the offline model) run one after another on `tape`
 * itself; from the first that has to wait, the rest start together, each on a sub-tape appended
 * in item order when all are done.
 */
export function inOrder<T>(items: readonly T[], tape: Tape, work: (item: T, tape: Tape, index: number) => Step): Step {
  for (let i = 0; i < items.length; i++) {
    const waiting = work(items[i], tape, i);
    if (waiting) return together(items, i + 1, tape, work, waiting);
  }
}

async function together<T>(
  items: readonly T[],
  from: number,
  tape: Tape,
  work: (item: T, tape: Tape, index: number) => Step,
  waiting: Promise<void>,
): Promise<void> {
  const tapes = items.slice(from).map(() => new Tape());
  const started: Step[] = [waiting];
  for (let j = 0; j < tapes.length; j++) {
    try {
      started.push(work(items[from + j], tapes[j], from + j));
    } catch (err) {
      started.push(Promise.reject(err));
    }
  }
  await Promise.all(started);
  for (const t of tapes) {
    for (const e of t.events) tape.say(e);
    for (const c of t.changes) tape.later(c);
  }
}
