// `society run`'s progress on stderr: at a terminal a one-line bar (round, agent-turns per second,
// model calls, ETA), redrawn; elsewhere (a log, CI, a pipe) a line every LINE_EVERY_MS. Both move
// from the first model call: a local model's setup surveys took six minutes with nothing printed
// and a 0-byte trace (issue 86), so each call answered or failed is counted as it comes.
import type { CallRecord } from '../../core/llm/callRecord';
import type { TraceEvent } from '../../core/trace/events';
import { counted } from '../../core/text/counted';
import { sayToolProgress } from '../toolProgress';

/** How often a progress line is written where the bar cannot be redrawn. */
export const LINE_EVERY_MS = 10_000;

/** 'bar' at a terminal; 'lines' elsewhere; 'off' with --quiet (or a person answering at the prompt). */
export type ProgressMode = 'bar' | 'lines' | 'off';

export class Progress {
  private turns = 0;
  /** The last round ended, and the one under way (0: the setup). */
  private round = 0;
  private current = 0;
  private calls = 0;
  private failed = 0;
  private reasked = 0;
  private readonly start = Date.now();
  /** When the bar or a line was last written (a line comes first at the first call). */
  private last = this.start;
  private drawn = false;
  private readonly mode: ProgressMode;

  constructor(
    private readonly rounds: number,
    /** A boolean: the bar or nothing (as before lines were written). */
    mode: ProgressMode | boolean,
    private readonly write: (text: string) => void = (t) => void process.stderr.write(t),
  ) {
    this.mode = mode === true ? 'bar' : mode === false ? 'off' : mode;
  }

  readonly listener = (e: TraceEvent): void => {
    // A tool's host (an assistant's `society mcp`) hears each round end, even with --quiet.
    if (e.type === 'round_end' && e.round <= this.rounds) {
      sayToolProgress({ done: e.round, total: this.rounds, of: 'rounds' });
    }
    if (this.mode === 'off') return;
    if (e.type === 'reward') this.turns++;
    else if (e.type === 'round_start') this.current = e.round;
    else if (e.type === 'round_end') this.round = e.round;
    else return;
    // The bar shows each round's end; a line is written only as often as LINE_EVERY_MS.
    this.show(e.type === 'round_end' && this.mode === 'bar');
  };

  /** A model call answered or failed (the registry's `onCall`). */
  readonly call = (r: CallRecord): void => {
    if (this.mode === 'off') return;
    this.calls += r.calls;
    if (r.outcome === 'failed') this.failed++;
    if (r.calls > 1) this.reasked++;
    this.show(this.calls === r.calls);
  };

  private show(now: boolean): void {
    const t = Date.now();
    const every = this.mode === 'bar' ? 100 : LINE_EVERY_MS;
    if (!now && t - this.last < every) return;
    this.last = t;
    if (this.mode === 'bar') this.bar(t);
    else this.line(t);
  }

  private callsText(): string {
    if (!this.calls) return '';
    const faults = [this.failed && `${this.failed} failed`, this.reasked && `${this.reasked} re-asked`].filter(Boolean);
    return `${counted(this.calls, 'model call')}${faults.length ? ` (${faults.join(', ')})` : ''}`;
  }

  private bar(now: number): void {
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? this.turns / secs : 0;
    const frac = this.rounds ? this.round / this.rounds : 1;
    const eta = frac > 0 ? (secs / frac) * (1 - frac) : NaN;
    const width = 24,
      filled = Math.round(frac * width);
    const calls = this.callsText();
    this.drawn = true;
    this.write(
      `\r  round ${this.round}/${this.rounds} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${rate.toFixed(0)} agent-turns/s${calls ? `, ${calls}` : ''}  ETA ${Number.isFinite(eta) ? `${eta.toFixed(0)}s` : '?'}   `,
    );
  }

  private line(now: number): void {
    const secs = Math.round((now - this.start) / 1000);
    const at = this.current === 0 && this.round === 0 ? 'setup (round 0)' : `round ${this.current} of ${this.rounds}`;
    const calls = this.callsText();
    this.write(`society run: ${at}, ${secs} s in${calls ? `: ${calls}` : ''}\n`);
  }

  done(): void {
    if (this.mode === 'bar' && this.drawn) this.write('\n');
  }
}
