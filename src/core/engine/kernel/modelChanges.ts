// The kernel's own deferred changes: a model call's usage, booked when its unit commits so the
// totals add up in canonical order however the calls interleaved, and a call that failed.
import type { Phase, Usage } from '../../trace/events';
import type { ChangeKinds, StateChange } from '../flow/stateChange';

/** A model call's usage, booked to the agent and phase. */
export interface UsageChange extends StateChange {
  kind: 'usage';
  agent: string;
  phase: Phase;
  usage: Usage;
}

/** A model call that failed, with what it spent. */
export interface FailedCallChange extends StateChange {
  kind: 'failed_call';
  model: string;
  agent: string;
  phase: Phase;
  spent?: Usage;
}

/** Where the changes are booked (the world's usage books). */
export interface ModelBooks {
  book(agent: string, phase: Phase, u: Usage): void;
  readonly usage: { fail(model: string): void };
}

export const MODEL_CHANGES: ChangeKinds<ModelBooks> = {
  usage: (books, c: UsageChange) => books.book(c.agent, c.phase, c.usage),
  failed_call: (books, c: FailedCallChange) => {
    books.usage.fail(c.model);
    if (c.spent) books.book(c.agent, c.phase, c.spent);
  },
};
