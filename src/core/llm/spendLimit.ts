// A run's cost limit: the command's spending meter (spendMeter.ts), which refuses a call once the
// limit is reached, and the run asked to stop at the end of the round in which spending reaches
// it (checkpointed, so --resume goes on). An endpoint reporting 20k tokens a call no longer spends
// $384 under a $10 limit.
import { SpendMeter } from './spendMeter';

export class SpendLimit {
  /** What every call of the run asks first (ModelOptions.meter). */
  readonly meter: SpendMeter;

  constructor(
    readonly limitUsd: number,
    meter?: SpendMeter,
  ) {
    this.meter = meter ?? SpendMeter.create(limitUsd);
  }

  /** USD the calls of this session cost; answers from the response cache cost nothing. */
  get spentUsd(): number {
    return this.meter.spentUsd;
  }

  /** The limit is reached: stop after this round. */
  get reached(): boolean {
    return this.meter.reached;
  }

  /** Why the run stopped, for the person who set the limit. */
  reason(round: number): string {
    return `stopped after round ${round}: ${this.meter.reason()}`;
  }
}
