// How much of a trace the editor's views hold. A society view or memory source keeps every event
// it shows in memory (in the extension host and again in the webview), roughly as many bytes as
// the trace file, so a 10,000-agent run (~45 MB a round) would take the extension host down with
// it. A view therefore takes a trace up to a byte budget and stops at the first round end past
// it: it shows whole rounds 0…R, never a round cut in half, and says where it stopped (if a
// round after R exists).
import type { TraceEvent } from './events';

/** Default of the `society.views.maxTraceMB` setting. */
export const VIEW_TRACE_LIMIT_MB = 256;

/** Bytes a live event is counted as (the trace's mean line is ~250 bytes; serialising every event again to measure it would double the cost). */
export const MEAN_EVENT_BYTES = 256;

/** The budget in bytes for a setting in MB; 0 or less (or not a number) means no limit. */
export function limitBytes(mb: number): number {
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : Number.POSITIVE_INFINITY;
}

export class ViewBudget {
  private used = 0;
  /** The round at whose end the budget was spent: later rounds are not taken. */
  private spentAfter?: number;
  /** The round after whose end the view took no more events, once it refused one. */
  stoppedAfter?: number;

  /** The budget in bytes. */
  readonly limit: number;

  constructor(readonly limitMb: number) {
    this.limit = limitBytes(limitMb);
  }

  /** Whether an event was refused (a budget spent at the last round's end leaves nothing out). */
  get stopped(): boolean {
    return this.stoppedAfter !== undefined;
  }

  /** Counts one event of about `bytes`. False once the budget is spent: the event is not to be kept. */
  take(e: TraceEvent, bytes = MEAN_EVENT_BYTES): boolean {
    if (this.stoppedAfter !== undefined) return false;
    // run_end right after the spending round end closes the rounds the view holds: it is kept.
    if (this.spentAfter !== undefined && e.type !== 'run_end') {
      this.stoppedAfter = this.spentAfter;
      return false;
    }
    this.used += bytes;
    if (e.type === 'round_end' && this.used >= this.limit) this.spentAfter = e.round;
    return true;
  }

  /**
   * What the view says once it stopped (undefined while it has not): `limit` names where the
   * limit is set, `elsewhere` where the whole run can be seen.
   */
  note(
    limit = 'setting society.views.maxTraceMB',
    elsewhere = '`society report` covers the whole run',
  ): string | undefined {
    if (this.stoppedAfter === undefined) return undefined;
    return `showing rounds 0–${this.stoppedAfter} only: the rest of this trace is beyond the view's limit of ${this.limitMb} MB (${limit}); ${elsewhere}`;
  }
}

/** Why a trace file is not opened at all (its size is over the budget), or undefined when it may be. */
export function tooLargeToOpen(file: string, bytes: number, limitMb: number): string | undefined {
  if (bytes <= limitBytes(limitMb)) return undefined;
  return (
    `${file} is ${(bytes / 1024 / 1024).toFixed(0)} MB, more than the ${limitMb} MB the editor's views load ` +
    '(setting society.views.maxTraceMB); `society report` writes a report of the whole run'
  );
}
