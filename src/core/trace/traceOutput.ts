// What a run writes its trace through: the writer on the engine's thread (writer.ts) or the same
// writer on a thread of its own (offThreadWriter.ts). Both write the same bytes.
import type { TraceEvent, TraceHeader } from './events';

export interface TraceOutput {
  /** Bytes and lines written so far, as of the last settled flush (what a checkpoint records). */
  readonly bytes: number;
  readonly lines: number;
  header(h: TraceHeader): void;
  /** One event; use as a simulation listener. */
  readonly listener: (e: TraceEvent) => void;
  /** A last line after the last whole round (runFailure.ts). */
  epilogue(e: TraceEvent): void;
  /** Drops the events of the unfinished round. */
  discard(): void;
  /** Resolves when everything given so far is written. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
