// What one independent unit of work (an agent's turn stage, a conversation's evaluations) did,
// held back so a stage can run its units concurrently yet publish them in canonical order.
// `say` records events that depend only on the unit itself; `later` records state changes that
// other units of the same stage must not see yet — they run when the stage commits.
import type { TraceEvent } from '../trace/events';

export class Tape {
  events: TraceEvent[] = [];
  effects: (() => void)[] = [];

  say(e: TraceEvent): void { this.events.push(e); }

  later(effect: () => void): void { this.effects.push(effect); }
}

/**
 * Run `work` for each item concurrently, each on a sub-tape, and append the sub-tapes to `tape`
 * in item order — so the published order is the item order however the calls interleaved.
 */
export async function inOrder<T>(items: readonly T[], tape: Tape, work: (item: T, tape: Tape, index: number) => Promise<void>): Promise<void> {
  if (items.length === 1) return work(items[0], tape, 0);
  const tapes = items.map(() => new Tape());
  await Promise.all(items.map((item, i) => work(item, tapes[i], i)));
  for (const t of tapes) {
    for (const e of t.events) tape.say(e);
    for (const f of t.effects) tape.later(f);
  }
}
