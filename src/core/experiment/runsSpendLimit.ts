// A cost limit over many runs (an experiment, a validation): each finished run's usage — the
// tokens its endpoint reported, at the billed price — summed, and once the sum passes the limit
// no further run starts (the runs under way finish; their answers stay in the cache). What
// `experiment --max-cost` and `validate --max-cost` meter, beside their estimates.
import type { RunOutcome } from './outcome';

export class RunsSpendLimit {
  spentUsd = 0;
  reached = false;
  /** Aborted once the limit is passed: hand it to runExperiment as `stopStarting`. */
  readonly stopStarting: AbortController;

  constructor(
    readonly limitUsd: number | undefined,
    stopStarting = new AbortController(),
  ) {
    this.stopStarting = stopStarting;
  }

  readonly onOutcome = (o: RunOutcome): void => {
    this.spentUsd += o.usage.cost_usd;
    if (this.limitUsd !== undefined && this.spentUsd > this.limitUsd && !this.reached) {
      this.reached = true;
      this.stopStarting.abort();
    }
  };

  /** Why no more runs started, for the person who set the limit. */
  reason(): string {
    return `stopped starting runs: the finished runs' model calls cost $${this.spentUsd.toFixed(2)} (their reported tokens, at the model's price), past the cost limit of $${(this.limitUsd ?? 0).toFixed(2)}`;
  }
}
