// The cost limit as spending, not only as an estimate: every call's cost from the tokens its
// endpoint reported (at billedPrice, so a file's $0 does not hide a hosted model's spend), summed
// as the run goes, and the run asked to stop at the end of the round in which the sum passes the
// limit (checkpointed, so --resume goes on). An endpoint reporting 20k tokens a call no longer
// spends $384 under a $10 limit: it spends one round's worth past it.
import type { CallRecord } from './callRecord';

export class SpendLimit {
  /** USD the calls of this session cost; answers from the response cache cost nothing. */
  spentUsd = 0;

  constructor(readonly limitUsd: number) {}

  readonly listener = (r: CallRecord): void => {
    if (!r.cached) this.spentUsd += r.usage.cost_usd;
  };

  /** The limit is passed: stop after this round. */
  get reached(): boolean {
    return this.spentUsd > this.limitUsd;
  }

  /** Why the run stopped, for the person who set the limit. */
  reason(round: number): string {
    return `stopped after round ${round}: its model calls cost $${this.spentUsd.toFixed(2)} (the tokens the endpoint reported, at the model's price), past the cost limit of $${this.limitUsd.toFixed(2)}`;
  }
}
