// The trace serialized and written on a thread of its own (issue 60): the engine's thread hands
// each batch of events to the trace worker (traceWorker.ts) with one structured clone, and the
// worker runs the same TraceWriter on the file this thread opened, so the bytes are the same.
// On the engine's thread a line cost `JSON.stringify` plus its encoding and write (≈ 2.9 µs an
// event, 1,039 ms for the 355,790 events of 2,000 agents × 10 rounds) and left a string a line
// for the collector (a fifth of everything the run allocated); a batch of 512 events cloned to
// the worker costs ≈ 1.4 µs an event (514 ms) and leaves nothing. The events must not change
// after they are emitted (they are cloned a batch later): test/unit/trace/eventsSettled.test.ts
// holds every example to that.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { TraceEvent, TraceHeader } from './events';
import type { TraceOutput } from './traceOutput';
import type { FromTraceWorker, ToTraceWorker } from './traceWorker';
import type { TraceHandOff, TraceWriter } from './writer';

/** Events cloned to the worker at once (and at every round's end). */
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
  private batch: TraceEvent[] = [];
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
    this.batch.push(e);
    if (this.batch.length >= BATCH || e.type === 'round_end' || e.type === 'run_end') this.send();
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
    if (!this.batch.length) return;
    const events = this.batch;
    this.batch = [];
    this.post({ kind: 'events', events });
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
