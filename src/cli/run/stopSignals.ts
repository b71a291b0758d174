// How `society run` stops: Ctrl-C once finishes the round, checkpoints and stops; twice stops at
// once (the round is dropped). SIGTERM and SIGHUP (docker stop, a CI timeout, a closed terminal)
// stop at once too: whoever sends them will not wait for a round to end.
import { InterruptPresses } from '../interruptPresses';

export class StopSignals {
  readonly controller = new AbortController();
  /** Ctrl-C was pressed once: finish the round, then stop. */
  stopping = false;
  /** The run stopped at once before the round being finished was checkpointed. */
  dropped = false;
  signal?: 'SIGTERM' | 'SIGHUP';
  private readonly presses = new InterruptPresses();

  constructor(
    private readonly quiet: boolean,
    private readonly stoppedAtRoundEnd: () => boolean,
  ) {}

  /** The exit code of a run these signals stopped. */
  get exitCode(): number {
    return this.signal === 'SIGTERM' ? 143 : this.signal === 'SIGHUP' ? 129 : 130;
  }

  private readonly stopNow = (): void => {
    this.dropped = !this.stoppedAtRoundEnd();
    this.controller.abort();
  };
  private readonly onSigint = (): void => {
    const meaning = this.presses.press(performance.now());
    if (meaning === 'same-press') return;
    if (meaning === 'stop-now') {
      this.stopNow();
      return;
    }
    this.stopping = true;
    if (!this.quiet) console.error('\nstopping after this round (Ctrl-C again to stop at once)');
  };
  private readonly onSigterm = (): void => {
    this.signal = 'SIGTERM';
    this.stopNow();
  };
  private readonly onSighup = (): void => {
    this.signal = 'SIGHUP';
    this.stopNow();
  };

  listen(): void {
    process.on('SIGINT', this.onSigint);
    process.on('SIGTERM', this.onSigterm);
    process.on('SIGHUP', this.onSighup);
  }

  stopListening(): void {
    process.off('SIGINT', this.onSigint);
    process.off('SIGTERM', this.onSigterm);
    process.off('SIGHUP', this.onSighup);
  }
}
