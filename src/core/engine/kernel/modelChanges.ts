// The kernel's own deferred changes: a model call's usage, booked when its unit commits so the
// totals add up in canonical order however the calls interleaved, and a call that failed.
import { isCached } from '../../llm/usage';
import type { Phase, Usage } from '../../trace/events';
import type { ChangeKinds, StateChange } from '../flow/stateChange';
import type { Tape } from '../flow/tape';

/** A model call's usage (or `calls` calls' together), booked to the agent and phase. */
export interface UsageChange extends StateChange {
  kind: 'usage';
  agent: string;
  phase: Phase;
  usage: Usage;
  /** Calls this usage sums (absent: one). */
  calls?: number;
}

/** A model call that failed, with what it spent. */
export interface FailedCallChange extends StateChange {
  kind: 'failed_call';
  model: string;
  agent: string;
  phase: Phase;
  spent?: Usage;
}

/** A decision asked a second time after an unusable answer: one more model call of its model. */
export interface ReaskChange extends StateChange {
  kind: 'reasked';
  model: string;
}

/** Where the changes are booked (the world's usage books). */
export interface ModelBooks {
  book(agent: string, phase: Phase, u: Usage, calls?: number): void;
  readonly usage: { fail(model: string): void; reask(model: string): void };
}

export const MODEL_CHANGES: ChangeKinds<ModelBooks> = {
  usage: (books, c: UsageChange) => books.book(c.agent, c.phase, c.usage, c.calls),
  failed_call: (books, c: FailedCallChange) => {
    books.usage.fail(c.model);
    if (c.spent) books.book(c.agent, c.phase, c.spent);
  },
  reasked: (books, c: ReaskChange) => books.usage.reask(c.model),
};

/** How far back on a tape a call looks for its agent's booking (a unit's tape holds a handful). */
const LOOK_BACK = 8;

/**
 * Books a call's usage when its unit commits. Booking every call on its own was most of a round's
 * changes (62% at 2,000 × 10): a call is added to a booking of the same agent, phase and model
 * among the tape's last few changes when the sums are exact (whole token counts, no cost, nothing
 * from the cache). The books then hold the same figures to the bit, and their keys first appear
 * in the same order (a call only joins an earlier booking of all its keys).
 */
export function bookLater(tape: Tape, agent: string, phase: Phase, u: Usage): void {
  const changes = tape.changes;
  for (let i = changes.length - 1; i >= Math.max(0, changes.length - LOOK_BACK); i--) {
    const c = changes[i] as UsageChange;
    if (c.kind !== 'usage' || c.agent !== agent || c.phase !== phase || !summable(c.usage, u)) continue;
    const sum: Usage = {
      model: u.model,
      input_tokens: c.usage.input_tokens + u.input_tokens,
      output_tokens: c.usage.output_tokens + u.output_tokens,
      cost_usd: 0,
    };
    const cached = (c.usage.cached_input_tokens ?? 0) + (u.cached_input_tokens ?? 0);
    if (cached) sum.cached_input_tokens = cached;
    c.usage = sum;
    c.calls = (c.calls ?? 1) + 1;
    return;
  }
  tape.later<UsageChange>({ kind: 'usage', agent, phase, usage: u });
}

/** Whether two calls' usage add up exactly in any order: one model, integers, no cost, not cached. */
function summable(a: Usage, b: Usage): boolean {
  return (
    a.model === b.model &&
    a.cost_usd === 0 &&
    b.cost_usd === 0 &&
    !isCached(a) &&
    !isCached(b) &&
    whole(a.input_tokens + b.input_tokens) &&
    whole(a.output_tokens + b.output_tokens) &&
    whole((a.cached_input_tokens ?? 0) + (b.cached_input_tokens ?? 0))
  );
}

const whole = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
