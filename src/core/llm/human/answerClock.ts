// The time a person has for one question: started once, when they can see it (ParticipantPort's
// `seen`, or as it is asked for a port that cannot tell), never before; no limit, no clock.

export class AnswerClock {
  private deadline?: number;
  private timer?: ReturnType<typeof setTimeout>;

  /** `limitMs` undefined: no limit. `onTimeUp` is called once the limit has passed since start. */
  constructor(
    private readonly limitMs: number | undefined,
    private readonly onTimeUp: () => void,
  ) {}

  /** Starts the clock; later calls (a question shown again) change nothing. */
  start(): void {
    if (this.limitMs === undefined || this.deadline !== undefined) return;
    this.deadline = Date.now() + this.limitMs;
    this.timer = setTimeout(this.onTimeUp, this.limitMs);
  }

  get started(): boolean {
    return this.deadline !== undefined;
  }

  /** Seconds to answer in: the whole limit before the clock starts, what is left after; undefined without a limit. */
  secondsLeft(): number | undefined {
    if (this.limitMs === undefined) return undefined;
    if (this.deadline === undefined) return this.limitMs / 1000;
    return Math.max(0, (this.deadline - Date.now()) / 1000);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
