// Model calls from worker threads: a pool of N workers (chatWorker.ts), each with its own `openai`
// clients, makes the HTTP calls and reads the answers, so a run's calls per second are not bound by
// the one thread that also runs the engine. The main thread sends the request (messages and
// schema) with the step-down settings it is at, and gets back the answer, a step taken, or the
// failure as data, made a ProviderError again here. Limits, retries, the circuit breaker, the cache
// and the call log stay on the main thread (in the decorators above the client), so a run's trace
// is the same with and without the pool. A worker holds the process open only while it has calls.
import { availableParallelism } from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { ChatRequest, ChatResult } from '../chat';
import { ProviderError } from '../errors';
import { oneLine, type Redactor } from '../redact';
import type { ClientSpec, FromWorker, ToWorker } from './chatWorker';
import { markAnswerFailure, type StepState } from './exchange';
import { batchedPost } from './portBatch';

/**
 * The worker: the bundle beside the bundled CLI/extension, else the TypeScript source, compiled by
 * tsx's require hook however this process was started (tests, benchmarks). It shares the process's
 * environment (SHARE_ENV): a pool started earlier reads settings such as SOCIETY_MAX_ANSWER_MB as
 * they are now, not as a copy taken when it started.
 */
function startWorker(): Worker {
  const bundled = path.join(__dirname, 'chat-worker.js');
  if (fs.existsSync(bundled)) return new Worker(bundled, { execArgv: [], env: SHARE_ENV });
  const source = path.join(__dirname, 'chatWorker.ts');
  const tsx = require.resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, {
    eval: true,
    execArgv: [],
    env: SHARE_ENV,
  });
}

interface Pending {
  resolve(r: ChatResult): void;
  reject(e: unknown): void;
  state: StepState;
  redactor: Redactor;
  slot: Slot;
}

interface Slot {
  worker?: Worker;
  /** Sends to `worker`, batched per turn of the event loop (portBatch.ts). */
  post: (m: ToWorker) => void;
  /** Settles when the worker has loaded (or failed to). */
  started?: Promise<void>;
  /** Calls sent and not answered. */
  load: number;
  /** Clients this worker was told about. */
  clients: Set<number>;
  /** Secrets it was told (the redactor of the main thread grows as keys are resolved). */
  secrets: Set<string>;
}

export class ChatPool {
  private readonly slots: Slot[];
  private readonly specs: ClientSpec[] = [];
  private readonly ids = new Map<string, number>();
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private closed = false;
  /** started()'s promise until a worker is lost (the next call starts it again). */
  private allStarted?: Promise<void>;

  constructor(readonly size: number) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({
      post: () => undefined,
      load: 0,
      clients: new Set<number>(),
      secrets: new Set<string>(),
    }));
  }

  /**
   * Registers a client (a model config and its key); returns its id for `call`. The same config
   * and key get the same id, so a long-lived process (the editor) running one scenario again and
   * again does not pile up clients in the workers.
   */
  register(spec: ClientSpec): number {
    const key = JSON.stringify(spec);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.specs.push(spec) - 1;
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * One attempt of a call on the least busy worker. Steps the worker takes are applied to `state`
   * as they come; a failure is the ProviderError the in-thread client would throw; an abort of
   * `signal` rejects at once with its reason and cancels the request in the worker.
   */
  call(
    client: number,
    request: ChatRequest,
    state: StepState,
    redactor: Redactor,
    signal?: AbortSignal,
  ): Promise<ChatResult> {
    if (this.closed) return Promise.reject(new Error('the chat worker pool is closed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const slot = this.pick();
    const post = this.ready(slot, client, redactor);
    const id = ++this.seq;
    return new Promise<ChatResult>((resolve, reject) => {
      let onAbort: (() => void) | undefined;
      const done = (): void => {
        if (!this.pending.delete(id)) return;
        if (onAbort) signal!.removeEventListener('abort', onAbort);
        if (--slot.load === 0) slot.worker?.unref();
      };
      this.pending.set(id, {
        resolve: (r) => {
          done();
          resolve(r);
        },
        reject: (e) => {
          done();
          reject(e);
        },
        state,
        redactor,
        slot,
      });
      if (signal) {
        onAbort = () => {
          post({ op: 'abort', id });
          this.pending.get(id)?.reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
      if (slot.load++ === 0) slot.worker?.ref();
      post({
        op: 'call',
        id,
        client,
        // Every field the body is built from (messages, schema, answer cap); nothing undefined.
        request: Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)) as ChatRequest,
        sent: { mode: state.mode, tokensParam: state.tokensParam },
      });
    });
  }

  /** Settles when every worker has started (they are started now if need be); never rejects. */
  started(): Promise<void> {
    if (this.closed) return Promise.resolve();
    // Awaited before every call: made once while the workers stay up, not a Promise.all a call.
    return (this.allStarted ??= Promise.all(this.slots.map((s) => (this.worker(s), s.started))).then(() => undefined));
  }

  /** Terminates the workers; calls still in flight fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of [...this.pending.values()]) p.reject(new Error('the chat worker pool was closed'));
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
    for (const s of this.slots) s.worker = undefined;
  }

  private pick(): Slot {
    let best = this.slots[0];
    for (const s of this.slots) if (s.load < best.load) best = s;
    return best;
  }

  /** The slot's worker, started if need be. */
  private worker(slot: Slot): Worker {
    if (!slot.worker) {
      // Held open while it starts (a call may be waiting for it), then only while it has calls.
      const worker = startWorker();
      let up: () => void = () => undefined;
      slot.started = new Promise<void>((resolve) => (up = resolve)).then(() => {
        if (slot.load === 0) worker.unref();
      });
      worker.on('message', (batch: FromWorker[]) => {
        for (const m of batch) {
          if ('ready' in m) up();
          else this.receive(m);
        }
      });
      const lost = (why: string): void => {
        up();
        if (slot.worker !== worker) return;
        slot.worker = undefined;
        this.allStarted = undefined;
        slot.clients.clear();
        slot.secrets.clear();
        for (const p of [...this.pending.values()]) {
          if (p.slot === slot) p.reject(new Error(`a chat worker thread stopped: ${why}`));
        }
      };
      worker.on('error', (err) => lost(oneLine(String(err instanceof Error ? err.message : err), 300)));
      worker.on('exit', (code) => lost(`exit code ${code}`));
      slot.worker = worker;
      slot.post = batchedPost<ToWorker>(worker);
    }
    return slot.worker;
  }

  /** Sends to the slot's worker, told about the client and every secret known now. */
  private ready(slot: Slot, client: number, redactor: Redactor): (m: ToWorker) => void {
    this.worker(slot);
    const { post } = slot;
    const fresh = redactor.values().filter((v) => !slot.secrets.has(v));
    if (fresh.length) {
      for (const v of fresh) slot.secrets.add(v);
      post({ op: 'secrets', values: fresh });
    }
    if (!slot.clients.has(client)) {
      slot.clients.add(client);
      post({ op: 'client', client, spec: this.specs[client] });
    }
    return post;
  }

  private receive(m: Exclude<FromWorker, { ready: true }>): void {
    const p = this.pending.get(m.id);
    if (!p) return; // aborted here already
    if ('step' in m) p.state.apply(m.step);
    else if ('result' in m) p.resolve(m.result);
    else if ('failure' in m) {
      const f = m.failure;
      // Masked in the worker with the secrets it knew; again here with every secret known now.
      const err = new ProviderError(f.reason, p.redactor.redactKnown(f.message), f.status, f.retryAfterMs);
      if (f.tokens) err.tokens = f.tokens;
      if (f.answer) markAnswerFailure(err);
      p.reject(err);
    } else if ('aborted' in m) {
      const e = new Error('the request was aborted');
      e.name = 'AbortError';
      p.reject(e);
    } else p.reject(new Error(m.crashed));
  }
}

/**
 * Threads making model calls when nothing says otherwise: one per core, at most 4 (the main thread
 * feeds a worker in ≈ 0.12 ms a call and a worker makes one in ≈ 0.23 ms, bench/llmThroughput.ts),
 * and the calling thread on a single core, where a worker would only add the messages to it.
 */
export function defaultThreads(): number {
  const cores = availableParallelism();
  return cores < 2 ? 1 : Math.min(cores, 4);
}

const pools = new Map<number, ChatPool>();

/**
 * The process's pool of `threads` workers, or undefined for 0 or 1 (calls made in the calling
 * thread, as before pools). Shared by every registry of the process; idle workers do not keep it
 * alive, so nothing needs closing it.
 */
export function chatPool(threads: number): ChatPool | undefined {
  if (!(threads >= 2)) return undefined;
  let p = pools.get(threads);
  if (!p) {
    p = new ChatPool(Math.floor(threads));
    pools.set(threads, p);
  }
  return p;
}

/** Terminates every pool's workers (tests; a host shutting down). */
export async function closeChatPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.close()));
}
