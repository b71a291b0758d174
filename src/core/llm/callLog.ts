// What the provider layer reports about each LLM decision (llm/callRecord.ts), held until the
// engine picks it up by decision key, so faults that retries recovered from (429s, timeouts,
// unparseable answers) still reach the trace: nothing that went wrong is lost. Pass `listener`
// as the registry's `onCall` and the log as SimulationOptions.calls.
import type { CallRecord } from './callRecord';

export class CallLog {
  private readonly byKey = new Map<string, CallRecord>();

  readonly listener = (r: CallRecord): void => {
    if (r.kind !== 'interview') this.byKey.set(r.key, r);
  };

  /** The record of a decision, removed from the log. */
  take(key: string): CallRecord | undefined {
    const r = this.byKey.get(key);
    if (r) this.byKey.delete(key);
    return r;
  }
}
