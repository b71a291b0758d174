// What the engine hears about every LLM decision, success or failure: the faults met on the way
// (retried 429s, 5xx, timeouts, unparseable answers), the calls made and the usage. The engine
// writes faults into the trace, so nothing that went wrong is lost, even when retries hid it.
// Plain, timing-free data: replaying from the cache reproduces it exactly.
import type { Usage } from '../trace/events';
import type { CallFault } from './chat';
import type { DecisionKind } from './types';

export interface CallRecord {
  /** Scenario model name. */
  model: string;
  kind: DecisionKind;
  /** The decision's request.key. */
  key: string;
  /** The deciding agent (for `advise`: the coached agent). */
  agent: string;
  outcome: 'ok' | 'failed';
  /** Chat calls made: 1, or 2 after a re-ask. */
  calls: number;
  /** HTTP attempts across calls and retries. */
  attempts: number;
  faults: CallFault[];
  /** JSON repairs applied to the accepted answer (e.g. "code fence", "trailing commas"). */
  repairs: string[];
  usage: Usage;
  /** Every chat call of the decision came from the cache. */
  cached: boolean;
}

export type CallListener = (record: CallRecord) => void;
