// What went wrong in a run, in one sentence for people: model decisions that failed (skipped, or
// answered by the offline model), embedding lookups answered lexically instead, and decisions
// that succeeded only after retries. Fed from the trace's `error` events, so the CLI's closing
// summary and the editor's end-of-run message say the same thing.
import type { TraceEvent, TraceEventOf } from './events';

type ErrorEvent = TraceEventOf<'error'>;

export class FaultTally {
  /** Decisions skipped (the step was left out). */
  skipped = 0;
  /** Decisions answered by the offline rule-based model instead. */
  fallback = 0;
  /** Embedding lookups answered by the lexical relevance instead. */
  lexical = 0;
  /** Decisions that succeeded after faults the provider layer retried. */
  recovered = 0;
  fatal = 0;
  private readonly reasons = new Map<string, number>();
  /** The first failure's message (what to look at first). */
  first?: string;

  readonly listener = (e: TraceEvent): void => { if (e.type === 'error') this.add(e); };

  add(e: ErrorEvent): void {
    if (e.handling === 'recovered') { this.recovered++; return; }
    if (e.kind === 'embed') this.lexical++;
    else if (e.handling === 'skipped') this.skipped++;
    else if (e.handling === 'fatal') this.fatal++;
    else this.fallback++;
    const reason = e.reason ?? 'other';
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    this.first ??= e.message;
  }

  /** Decisions and lookups that did not get the model's own answer. */
  get failed(): number { return this.skipped + this.fallback + this.lexical + this.fatal; }

  /** One sentence, or undefined when nothing failed or was retried. */
  describe(): string | undefined {
    const parts: string[] = [];
    if (this.failed) {
      const reasons = [...this.reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${r} ${n}`).join(', ');
      const what = [
        this.fallback && `${this.fallback} answered by the offline rule-based model`,
        this.skipped && `${this.skipped} skipped`,
        this.lexical && `${this.lexical} memory lookups by lexical relevance instead of embeddings`,
        this.fatal && `${this.fatal} stopped the run`,
      ].filter(Boolean).join(', ');
      parts.push(`${this.failed} model call${this.failed === 1 ? '' : 's'} failed (${reasons}): ${what}; first: ${this.first}`);
    }
    if (this.recovered) parts.push(`${this.recovered} decision${this.recovered === 1 ? '' : 's'} succeeded after retries`);
    return parts.length ? `${parts.join('. ')}. Each is an \`error\` event in the trace.` : undefined;
  }
}
