// The trace written on a thread of its own (issue 60): the engine's thread serializes each event as
// it is emitted (so the trace holds the event as it was then) and hands the lines to the trace
// worker (traceWorker.ts) 512 at a time, joined into one string; the worker encodes and writes them
// with the same TraceWriter, on the file this thread opened, so the bytes are the same. What the
// engine's thread is spared is the encoding and the write (≈ 40% of a line's cost, measured below
// in docs/benchmarks.md); handing over the events themselves by structured clone cost as much as
// serializing them, measured, and spared nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { TraceEvent, TraceHeader } from './events';
import type { TraceOutput } from './traceOutput';
import type { FromTraceWorker, ToTraceWorker } from './traceWorker';
import { lineEnd, type TraceHandOff, type TraceWriter } from './writer';

/** Lines handed to the worker at once (and at every round's end). */
const BATCH = 512;

/**
 * The worker: the bundle beside the bundled CLI/extension, else the source through tsx (tests).
 * It talks over `port`: a MessageChannel's port posts a batch ≈ 20% cheaper than `worker.postMessage`.
 */
function startWorker(handOff: TraceHandOff, port: MessagePort): Worker {
  const options = { workerData: { handOff, port }, transferList: [port], execArgv: [] };
  const bundled = path.join(__dirname, 'trace-worker.js');
  if (fs.existsSync(bundled)) return new Worker(bundled, options);
  const source = path.join(__dirname, 'traceWorker.ts');
  const tsx = require.resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { ...options, eval: true });
}

interface Waiting {
  resolve(): void;
  reject(e: Error): void;
}

export class OffThreadTraceWriter implements TraceOutput {
  bytes: number;
  lines: number;
  /** The batch: serialized lines, and each one's round and end. */
  private readonly texts: string[] = [];
  private readonly rounds = new Int32Array(BATCH);
  private readonly ends = new Uint8Array(BATCH);
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly waiting = new Map<number, Waiting>();
  private seq = 0;
  /** Why the worker stopped, if it did: every later flush or close rejects with it. */
  private failure: Error | undefined;

  /** Takes over `writer` (a file trace, its header written): it must not be used again. */
  constructor(writer: TraceWriter) {
    const handOff = writer.handOff();
    this.bytes = handOff.bytes;
    this.lines = handOff.lines;
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = startWorker(handOff, channel.port2);
    // The thread holds the process open only while an answer is awaited (the port's ref in `ask`).
    this.worker.unref();
    this.port.unref();
    this.port.on('message', (m: FromTraceWorker) => this.answered(m));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      if (this.waiting.size) this.fail(new Error(`the trace writer's thread exited (code ${code})`));
    });
  }

  header(_h: TraceHeader): void {
    throw new Error('the header is written before the trace is handed to its thread');
  }

  readonly listener = (e: TraceEvent): void => {
    const i = this.texts.length;
    const end = lineEnd(e);
    this.texts.push(JSON.stringify(e));
    this.rounds[i] = e.round;
    this.ends[i] = end;
    if (i + 1 === BATCH || end) this.send();
  };

  epilogue(e: TraceEvent): void {
    this.send();
    this.post({ kind: 'epilogue', event: e });
  }

  discard(): void {
    this.send();
    this.post({ kind: 'discard' });
  }

  flush(): Promise<void> {
    this.send();
    return this.ask('flush');
  }

  async close(): Promise<void> {
    this.send();
    try {
      await this.ask('close');
    } finally {
      this.port.close();
      await this.worker.terminate();
    }
  }

  private send(): void {
    const n = this.texts.length;
    if (!n) return;
    const text = this.texts.join('\n');
    this.texts.length = 0;
    this.post({ kind: 'lines', text, rounds: this.rounds.slice(0, n), ends: this.ends.slice(0, n) });
  }

  private post(m: ToTraceWorker): void {
    if (!this.failure) this.port.postMessage(m);
  }

  private ask(kind: 'flush' | 'close'): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.seq;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.port.ref();
      this.post({ kind, id });
    });
  }

  private answered(m: FromTraceWorker): void {
    const w = this.waiting.get(m.id);
    if (!w) return;
    this.waiting.delete(m.id);
    if (!this.waiting.size) this.port.unref();
    this.bytes = m.bytes;
    this.lines = m.lines;
    if (m.error) {
      const err = Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {});
      w.reject(err);
    } else w.resolve();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
    this.port.unref();
  }
}
