// What went wrong in a run, in one sentence for people: model decisions that failed (skipped, or
// answered by the offline model), embedding lookups answered lexically instead, and decisions
// that got their answer only past faults (retries, a re-ask, unusable usage figures). Fed from
// the trace's `error` and `round_end` events, so the CLI's closing summary and exit code and the
// editor's end-of-run message say the same thing.
import type { TraceEvent, TraceEventOf } from './events';
import { counted } from '../text/counted';

type ErrorEvent = TraceEventOf<'error'>;

/** Error reasons of the scenario's own mechanics, not of a model call (engine/phases/act/). */
const MECHANICS_REASONS: ReadonlySet<string> = new Set(['expression', 'module']);

export class FaultTally {
  /** Decisions skipped (the step was left out). */
  skipped = 0;
  /** Decisions answered by the offline rule-based model instead. */
  fallback = 0;
  /** Embedding lookups answered by the lexical relevance instead. */
  lexical = 0;
  /** Decisions that got their answer past faults (retried, re-asked, repaired, or unusable usage figures). */
  recovered = 0;
  fatal = 0;
  /** Decisions never asked because an earlier one failed (a rating of someone whose every line failed). */
  unasked = 0;
  /** Decisions asked a second time after an unusable answer (each one more model call). */
  reasked = 0;
  /** Model calls of the rounds (round_end usage): answered decisions, the offline model's included, and failed ones the provider layer made. */
  calls = 0;
  /** Failed decisions among `calls`: those the provider layer made and reported (they carry its `reason`). */
  private failedCalls = 0;
  private readonly reasons = new Map<string, number>();
  /** Steps of the scenario's own mechanics that failed (an expression, the module's hook): no model call. */
  mechanics = 0;
  private readonly mechanicsReasons = new Map<string, number>();
  private firstMechanics?: string;
  /** The first failure's message (what to look at first). */
  first?: string;

  readonly listener = (e: TraceEvent): void => {
    if (e.type === 'error') this.add(e);
    else if (e.type === 'round_end') this.calls += e.stats.usage.calls;
  };

  add(e: ErrorEvent): void {
    if (e.reason !== undefined && MECHANICS_REASONS.has(e.reason)) {
      this.mechanics++;
      this.mechanicsReasons.set(e.reason, (this.mechanicsReasons.get(e.reason) ?? 0) + 1);
      this.firstMechanics ??= e.message;
      return;
    }
    if (e.reasked) this.reasked++;
    if (e.handling === 'recovered') {
      this.recovered++;
      return;
    }
    if (e.handling === 'unasked') {
      this.unasked++;
      return;
    }
    if (e.kind !== 'embed' && e.handling !== 'fatal' && e.reason !== undefined) this.failedCalls++;
    if (e.kind === 'embed') this.lexical++;
    else if (e.handling === 'skipped') this.skipped++;
    else if (e.handling === 'fatal') this.fatal++;
    else this.fallback++;
    const reason = e.reason ?? 'other';
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    this.first ??= e.message;
  }

  /** Decisions and lookups that did not get the model's own answer. */
  get failed(): number {
    return this.skipped + this.fallback + this.lexical + this.fatal;
  }

  /**
   * Decisions failed and none got its model's answer: a wrong key, a dead endpoint. The run's
   * trace is complete but says nothing about the model the scenario names (the CLI exits 3).
   */
  get nothingAnswered(): boolean {
    return this.skipped + this.fallback + this.fatal > 0 && this.recovered === 0 && this.calls <= this.failedCalls;
  }

  /** One sentence, or undefined when nothing failed or was retried. */
  describe(): string | undefined {
    const parts: string[] = [];
    if (this.failed) {
      const reasons = [...this.reasons]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([r, n]) => `${r} ${n}`)
        .join(', ');
      const what = [
        this.fallback && `${this.fallback} answered by the offline rule-based model`,
        this.skipped && `${this.skipped} skipped`,
        this.lexical && `${counted(this.lexical, 'memory lookup')} by lexical relevance instead of embeddings`,
        this.fatal && `${this.fatal} stopped the run`,
      ]
        .filter(Boolean)
        .join(', ');
      parts.push(
        `${this.nothingAnswered ? 'No model call succeeded: ' : ''}${counted(this.failed, 'model call')} failed (${reasons}): ${what}; first: ${this.first}`,
      );
    }
    if (this.mechanics) {
      const reasons = [...this.mechanicsReasons].map(([r, n]) => `${r} ${n}`).join(', ');
      parts.push(
        `${counted(this.mechanics, 'step')} of the scenario's mechanics failed and ${this.mechanics === 1 ? 'was' : 'were'} skipped (${reasons}); first: ${this.firstMechanics}`,
      );
    }
    if (this.unasked) {
      parts.push(
        `${counted(this.unasked, 'decision')} ${this.unasked === 1 ? 'was' : 'were'} never asked because an earlier one failed`,
      );
    }
    if (this.recovered) {
      parts.push(
        `${counted(this.recovered, 'decision')} got ${this.recovered === 1 ? 'its' : 'their'} answer past faults (retries, re-asks, repairs, or unusable usage figures)`,
      );
    }
    return parts.length ? `${parts.join('. ')}. Each is an \`error\` event in the trace.` : undefined;
  }
}
