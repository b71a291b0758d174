// The trace writer's own thread (offThreadWriter.ts): events come in batches, structured-cloned,
// and are serialized, encoded and written here by the same TraceWriter the engine's thread would
// use, on the file that thread opened. Bundled to dist/trace-worker.js; run from source through
// tsx in tests.
import { workerData, type MessagePort } from 'node:worker_threads';
import type { TraceEvent } from './events';
import { TraceWriter, type LineEnd, type TraceHandOff } from './writer';

export type ToTraceWorker =
  /** Lines serialized on the engine's thread, joined by newlines, with each one's round and end. */
  | { kind: 'lines'; text: string; rounds: Int32Array; ends: Uint8Array }
  | { kind: 'discard' }
  | { kind: 'epilogue'; event: TraceEvent }
  | { kind: 'flush' | 'close'; id: number };

/** The answer to a flush or close: where the trace stands, or why it could not be written. */
export interface FromTraceWorker {
  id: number;
  bytes: number;
  lines: number;
  error?: { message: string; code?: string };
}

/** What the engine's thread starts the worker with: the trace and the port it talks over. */
export interface TraceWorkerData {
  handOff: TraceHandOff;
  port: MessagePort;
}

if (workerData) {
  const { handOff, port } = workerData as TraceWorkerData;
  const writer = TraceWriter.fromHandOff(handOff);
  const answer = (id: number, error?: unknown): void => {
    const e = error as { message?: string; code?: string } | undefined;
    port.postMessage({
      id,
      bytes: writer.bytes,
      lines: writer.lines,
      ...(error ? { error: { message: String(e?.message ?? error), ...(e?.code ? { code: e.code } : {}) } } : {}),
    } satisfies FromTraceWorker);
  };
  port.on('message', (m: ToTraceWorker) => {
    switch (m.kind) {
      case 'lines': {
        // A serialized event holds no raw newline (JSON escapes it): the text splits back into its lines.
        const lines = m.text.split('\n');
        for (let i = 0; i < lines.length; i++) writer.line(lines[i], m.rounds[i], m.ends[i] as LineEnd);
        break;
      }
      case 'discard':
        writer.discard();
        break;
      case 'epilogue':
        writer.epilogue(m.event);
        break;
      case 'flush':
      case 'close':
        (m.kind === 'flush' ? writer.flush() : writer.close()).then(
          () => answer(m.id),
          (err: unknown) => answer(m.id, err),
        );
        break;
    }
  });
}
