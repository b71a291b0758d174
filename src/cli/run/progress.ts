// A one-line progress bar on stderr for `society run`: round, agent-turns per second, ETA.
import type { TraceEvent } from '../../core/trace/events';

export class Progress {
  private turns = 0;
  private round = 0;
  private last = 0;
  private readonly start = Date.now();
  constructor(
    private readonly rounds: number,
    private readonly enabled: boolean,
  ) {}
  readonly listener = (e: TraceEvent): void => {
    if (!this.enabled) return;
    if (e.type === 'reward') this.turns++;
    else if (e.type === 'round_end') this.round = e.round;
    else return;
    const now = Date.now();
    if (now - this.last < 100 && e.type !== 'round_end') return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? this.turns / secs : 0;
    const frac = this.rounds ? this.round / this.rounds : 1;
    const eta = frac > 0 ? (secs / frac) * (1 - frac) : NaN;
    const width = 24,
      filled = Math.round(frac * width);
    process.stderr.write(
      `\r  round ${this.round}/${this.rounds} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${rate.toFixed(0)} agent-turns/s  ETA ${Number.isFinite(eta) ? `${eta.toFixed(0)}s` : '?'}   `,
    );
  };
  done(): void {
    if (this.enabled) process.stderr.write('\n');
  }
}
