// What this process paid for, from the provider layer's reports (registry `onCall`) rather than the
// run's usage book. The book is booked when a stage commits, so it leaves out the decisions of a
// round that a second Ctrl-C dropped — answered and billed, yet in no trace and asked again by
// `--resume`. Answers from the response cache cost nothing and are left out.
import type { CallRecord } from '../../llm/callRecord';
import { UsageBook } from './usageBook';
import { PHASE_OF } from './decisionPhase';

export class SessionSpend {
  readonly book = new UsageBook();

  /** `unpriced`: models without a price (llm/usage.ts unpricedModels), said rather than shown as $0. */
  constructor(private readonly unpriced: ReadonlySet<string> = new Set()) {}

  get spent(): boolean {
    return this.book.spent;
  }

  /** The usage lines, as the run's closing summary prints them. */
  format(): string {
    return this.book.format(this.unpriced);
  }

  readonly listener = (r: CallRecord): void => {
    if (r.cached || r.calls === 0) return;
    const spent = r.usage.input_tokens + r.usage.output_tokens > 0;
    // As the run's book counts them: a failed decision is a failure, and a call only if it cost tokens.
    if (r.outcome === 'failed') this.book.fail(r.model);
    if (r.outcome === 'ok' || spent) this.book.record(r.agent, PHASE_OF[r.kind], r.usage);
  };
}
