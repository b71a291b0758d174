// A `local` model's worker thread, seen from the main thread: started once per model file and
// settings (configs that differ only in temperature share it, as they share one file in memory),
// loaded before the first call's timeout starts (ChatClient.ready), and holding the process open
// only while it has calls. A failure comes back as the ProviderError any provider's would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CallFault, ChatResult } from '../chat';
import { ModelLoadError, ProviderError } from '../errors';
import type { CallSpec, FromLocal, LoadSpec, Loaded, ToLocal } from './localWorker';
import { recordSpeed, speedOf } from './speeds';

/** The worker: the bundle beside the bundled CLI/extension, else the TypeScript source through tsx. */
function startWorker(spec: LoadSpec): Worker {
  const bundled = path.join(__dirname, 'local-worker.js');
  if (fs.existsSync(bundled)) return new Worker(bundled, { workerData: spec, execArgv: [] });
  const source = path.join(__dirname, 'localWorker.ts');
  const tsx = require.resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, {
    eval: true,
    workerData: spec,
    execArgv: [],
  });
}

/** What a local model's calls have cost so far: a measurement (timing, reuse), never part of a trace. */
export interface LocalFigures {
  calls: number;
  promptTokens: number;
  /** Of `promptTokens`, those a sequence held from an earlier call (promptSlot.ts). */
  reusedTokens: number;
  answerTokens: number;
  /** Summed wall time of the calls in the worker (calls on several sequences overlap). */
  ms: number;
  /** Of `ms`, until each call's first answer token: evaluating the prompt tokens not reused. */
  promptMs: number;
}

const noFigures = (): LocalFigures => ({
  calls: 0,
  promptTokens: 0,
  reusedTokens: 0,
  answerTokens: 0,
  ms: 0,
  promptMs: 0,
});

/** What the worker answers a request with (a failure rejects instead). */
type Answered = Extract<FromLocal, { op: 'answer' } | { op: 'vectors' }>;

interface Pending {
  resolve(r: Answered): void;
  reject(e: unknown): void;
}

/** A local model's embeddings of some texts (localEmbedder.ts). */
export interface LocalVectors {
  vectors: number[][];
  tokens: number;
  /** Texts of which only the start was embedded (longer than the embedding context). */
  cut: number;
}

export class LocalEngine {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  /** Settles with the load's figures, or rejects with why the model could not be loaded. */
  readonly loaded: Promise<Loaded>;
  readonly figures: LocalFigures = noFigures();
  /** Answers by decision kind: how many, and their tokens (for the estimate's answer lengths). */
  readonly answersByKind = new Map<string, { calls: number; tokens: number }>();
  private exited = false;

  constructor(readonly spec: LoadSpec) {
    this.worker = startWorker(spec);
    let settle!: { resolve(l: Loaded): void; reject(e: Error): void };
    this.loaded = new Promise<Loaded>((resolve, reject) => (settle = { resolve, reject }));
    // A load failure is read through `loaded` by each call; unobserved, it must not end the process.
    this.loaded.catch(() => undefined);
    this.worker.unref();
    this.worker.on('message', (m: FromLocal) => {
      if (m.op === 'loaded') return settle.resolve(m);
      if (m.op === 'load-failed') {
        return settle.reject(new Error(`${spec.file}: node-llama-cpp could not load the model: ${m.message}`));
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.op === 'answer') this.count(m);
      if (m.op === 'failure') p.reject(new ProviderError(m.reason, m.message));
      else p.resolve(m);
    });
    const died = (why: string): void => {
      settle.reject(new Error(`${spec.file}: the model's worker thread stopped (${why})`));
      for (const p of [...this.pending.values()]) {
        p.reject(new ProviderError('server_error', `the model's worker thread stopped (${why})`));
      }
    };
    this.worker.on('error', (err) => died(err.message));
    this.worker.on('exit', (code) => {
      this.exited = true;
      died(`exit code ${code}`);
    });
  }

  private count(m: {
    tokens: { input_tokens: number; output_tokens: number };
    reused: number;
    ms: number;
    promptMs: number;
  }): void {
    const f = this.figures;
    f.calls++;
    f.promptTokens += m.tokens.input_tokens;
    f.reusedTokens += m.reused;
    f.answerTokens += m.tokens.output_tokens;
    f.ms += m.ms;
    f.promptMs += m.promptMs;
  }

  /** One chat call, queued behind those in flight; an abort of `signal` rejects at once and cancels it in the worker. */
  async call(call: CallSpec, signal?: AbortSignal): Promise<ChatResult> {
    const m = await this.request({ op: 'call', call }, signal);
    if (m.op !== 'answer') throw new ProviderError('bad_response', `the model's worker answered a call with ${m.op}`);
    const byKind = this.answersByKind.get(call.kind) ?? { calls: 0, tokens: 0 };
    byKind.calls++;
    byKind.tokens += m.tokens.output_tokens;
    this.answersByKind.set(call.kind, byKind);
    const faults: CallFault[] = m.note ? [{ attempt: 1, reason: 'bad_response', message: m.note, note: true }] : [];
    return { content: m.content, tokens: m.tokens, faults };
  }

  /** The texts' embeddings (an engine started for `purpose: 'embeddings'`), queued as calls are. */
  async embed(texts: string[], signal?: AbortSignal): Promise<LocalVectors> {
    const m = await this.request({ op: 'embed', texts }, signal);
    if (m.op !== 'vectors' || m.vectors.length !== texts.length) {
      throw new ProviderError(
        'bad_response',
        `the model's worker returned no embedding for some of ${texts.length} texts`,
      );
    }
    return { vectors: m.vectors, tokens: m.tokens, cut: m.cut };
  }

  private async request(
    message: { op: 'call'; call: CallSpec } | { op: 'embed'; texts: string[] },
    signal?: AbortSignal,
  ): Promise<Answered> {
    try {
      await this.loaded;
    } catch (err) {
      throw new ModelLoadError((err as Error).message);
    }
    if (signal?.aborted) throw signal.reason;
    const id = ++this.seq;
    return new Promise<Answered>((resolve, reject) => {
      let onAbort: (() => void) | undefined;
      const done = (): void => {
        if (!this.pending.delete(id)) return;
        if (onAbort) signal!.removeEventListener('abort', onAbort);
        if (this.pending.size === 0) this.worker.unref();
      };
      this.pending.set(id, {
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
      });
      if (signal) {
        onAbort = () => {
          this.worker.postMessage({ op: 'abort', id });
          this.pending.get(id)?.reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...message, id });
    });
  }

  /**
   * Ends the worker; calls in flight fail. Asked first (the worker aborts its calls, lets native work
   * finish and frees the model: localWorker.ts), terminated only if it has not ended within
   * CLOSE_GRACE_MS (a model still loading), so a stop mid-run prints nothing native.
   */
  async close(): Promise<void> {
    if (this.exited) return;
    const ended = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.ref();
    this.worker.postMessage({ op: 'close' } satisfies ToLocal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_GRACE_MS)));
    const how = await Promise.race([ended, late]);
    clearTimeout(timer);
    if (how === 'late') await this.worker.terminate();
  }
}

/**
 * How long a closing worker may take to end on its own before it is terminated (which a native
 * call under way turns into an abort of the process). Ending takes well under a second on an idle
 * machine (a call's current batch of prompt tokens, then freeing the model); the grace is for a
 * machine many times oversubscribed.
 */
const CLOSE_GRACE_MS = 15_000;

const engines = new Map<string, LocalEngine>();

/** The engine of a model file and settings, started on first use. */
export function localEngine(spec: LoadSpec): LocalEngine {
  // Whatever order a caller spelled the spec in, the same file and settings find the same engine.
  const key = JSON.stringify(Object.entries(spec).sort(([a], [b]) => a.localeCompare(b)));
  let e = engines.get(key);
  if (!e) {
    e = new LocalEngine(spec);
    engines.set(key, e);
  }
  return e;
}

/** The figures of every engine started in this process, summed. */
export function localFigures(): LocalFigures {
  const sum = noFigures();
  for (const e of engines.values()) {
    for (const k of Object.keys(sum) as (keyof LocalFigures)[]) sum[k] += e.figures[k];
  }
  return sum;
}

/** Keeps each engine's speed so far for `society estimate` (speeds.ts); a write that fails changes nothing else. */
export function recordLocalSpeeds(cache?: string): void {
  for (const e of engines.values()) {
    const speed = speedOf(e.figures, new Date(), e.answersByKind);
    if (!speed) continue;
    try {
      recordSpeed({ file: e.spec.file, threads: e.spec.threads, batchSize: e.spec.batchSize }, speed, cache);
    } catch {
      // A read-only cache folder: the estimate says no speed was measured.
    }
  }
}

/** Closes under way: a second close (a stop, then the run's end) waits for the first's. */
const closing = new Set<Promise<void>>();

/** Ends every engine (tests, a host shutting down, a run stopped). */
export async function closeLocalEngines(): Promise<void> {
  const all = [...engines.values()];
  engines.clear();
  const done = Promise.all(all.map((e) => e.close())).then(() => undefined);
  closing.add(done);
  try {
    await Promise.all(closing);
  } finally {
    closing.delete(done);
  }
}
