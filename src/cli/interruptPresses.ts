// What a Ctrl-C means to `society run`: the first finishes the round and checkpoints, a second
// stops at once. One press can arrive twice within milliseconds (sent to the process and to its
// group, as `timeout` and some wrappers do; Node usually merges the two, not always): a second
// closer than REPEAT_MS to the first is the same press, not "stop at once".

/** Two SIGINTs closer than this are one Ctrl-C delivered twice (a person's two presses are further apart). */
export const SIGINT_REPEAT_MS = 150;

export type PressMeaning = 'finish-round' | 'stop-now' | 'same-press';

export class InterruptPresses {
  private first: number | undefined;

  /** What a SIGINT received at `now` (ms, monotonic) asks for. */
  press(now: number): PressMeaning {
    if (this.first === undefined) {
      this.first = now;
      return 'finish-round';
    }
    return now - this.first < SIGINT_REPEAT_MS ? 'same-press' : 'stop-now';
  }
}
