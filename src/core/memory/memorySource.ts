// Where the editor reads memories from. A MemorySource is a society at some round: the latest run
// of the workspace, a trace the user opened, a run still being written, or a paused debug session.
// CodeLens, hover, inlay hints, the Society tree and the memory inspector only ever talk to this
// interface, so a debugger plugs in by offering a source whose `round` is the paused round.
import type { TraceEvent, TraceHeader } from '../trace/events';
import type { WorldState } from '../replay/replay';
import type { MemoryLedger } from './ledger';

export type MemorySourceKind = 'run' | 'trace' | 'debug';

export interface MemorySource {
  readonly kind: MemorySourceKind;
  /** Shown in hovers and the tree, e.g. the run folder's name. */
  readonly label: string;
  /** The trace file behind it, if any (memories are revealed there). */
  readonly file?: string;
  readonly header?: TraceHeader;
  /** The events so far, in trace order. */
  readonly events: readonly TraceEvent[];
  /** Every memory written so far, forgotten ones included. */
  readonly ledger: MemoryLedger;
  /** The round the editor shows: the latest one read, or the round a debugger is paused in. */
  readonly round: number;
  /** The last round with events (the run's progress). */
  readonly lastRound: number;
  /** The trace has its run_end. */
  readonly complete: boolean;
  /** The society after every event of rounds ≤ `round` (default: `this.round`); live object, do not keep. */
  stateAt(round?: number): WorldState | undefined;
  /** Calls `listener` after the source changed (new events, another round shown); returns an unsubscribe. */
  onChange(listener: () => void): () => void;
}
