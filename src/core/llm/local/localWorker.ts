// The worker thread a `local` model runs on (localEngine.ts starts it): it loads node-llama-cpp and
// the model file once, keeps `sequences` context sequences (each a context of its own), and answers
// the calls the main thread sends, as many at once as there are sequences, in the order they came.
// Inference takes whole seconds of CPU; on the main thread it would stall the extension host, the
// CLI's progress and every timer of the run.
//
// A call goes to the free sequence that already holds the longest part of its prompt
// (promptSlot.ts: prefix reuse that never changes an answer). Bundled to dist/local-worker.js; run
// from source through tsx in tests.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { ChatMessage, ChatTokens, FaultReason } from '../chat';
import type { ChatWrapper, HistoryItem, Llama, Model, NodeLlamaCpp } from './llamaShapes';
import { PromptSlot } from './promptSlot';
import { historyOf, promptTokens } from './chatPrompt';
import { Embedder } from './localEmbedder';
import { grammarSchema } from './grammarSchema';

export { grammarSchema, numberGrid } from './grammarSchema';

export interface LoadSpec {
  /** The model file (checked on the main thread). */
  file: string;
  /** node-llama-cpp's module entry (runtime.ts). */
  runtime: string;
  contextSize: number;
  threads: number;
  batchSize: number;
  /** Calls answered at once, each on a context of its own. */
  sequences: number;
  /** Whether a sequence's held prompt prefix serves the next call (promptSlot.ts). */
  reusePrefix: boolean;
  /** What the worker serves: chat calls, or the texts' embeddings (localEmbedder.ts). */
  purpose: 'chat' | 'embeddings';
}

export interface CallSpec {
  messages: ChatMessage[];
  /** The decision's JSON schema, made a grammar the sampler cannot leave. */
  schema?: Record<string, unknown>;
  /** The prompt kind named in a context-size error. */
  kind: string;
  seed: number;
  temperature: number;
  maxTokens: number;
}

export type ToLocal =
  | { op: 'call'; id: number; call: CallSpec }
  | { op: 'embed'; id: number; texts: string[] }
  | { op: 'abort'; id: number }
  /** End cleanly: abort what is in flight, let native work finish, free the model, exit (localEngine close). */
  | { op: 'close' };

export interface Loaded {
  op: 'loaded';
  ms: number;
  /** The chat wrapper node-llama-cpp chose from the file's template. */
  wrapper: string;
  trainedContext: number;
}

export type FromLocal =
  | Loaded
  | { op: 'load-failed'; message: string }
  | {
      op: 'answer';
      id: number;
      content: string;
      tokens: ChatTokens;
      reused: number;
      ms: number;
      /** Until the first answer token: the prompt's evaluation (the rest is the answer's). */
      promptMs: number;
      note?: string;
    }
  | {
      op: 'vectors';
      id: number;
      vectors: number[][];
      tokens: number;
      /** Texts longer than the embedding context, of which only the start was embedded. */
      cut: number;
    }
  | { op: 'failure'; id: number; reason: FaultReason; message: string };

interface Queued {
  id: number;
  call: CallSpec;
  abort: AbortController;
  send: (m: FromLocal) => void;
}

class Runner {
  private readonly grammars = new Map<string, Promise<{ grammar?: unknown; error?: string }>>();
  private readonly aborts = new Map<number, AbortController>();
  /** Calls not yet started, in the order they came. */
  private readonly waiting: Queued[] = [];
  private calls = 0;
  /** Calls being answered: a close waits for them, since native work ended by a thread's death aborts the process. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly llama: Llama,
    private readonly model: Model,
    private readonly slots: PromptSlot[],
    private readonly wrapper: ChatWrapper,
    private readonly spec: LoadSpec,
  ) {}

  static async load(
    spec: LoadSpec,
    lib: NodeLlamaCpp,
    llama: Llama,
    model: Model,
    signal?: AbortSignal,
  ): Promise<Runner> {
    const wrapper = lib.resolveChatWrapper(model);
    const slots: PromptSlot[] = [];
    for (let i = 0; i < spec.sequences; i++) {
      const context = await model.createContext({
        contextSize: spec.contextSize,
        threads: spec.threads,
        batchSize: spec.batchSize,
        sequences: 1,
        createSignal: signal,
      });
      const sequence = context.getSequence();
      const chat = new lib.LlamaChat({ contextSequence: sequence, chatWrapper: wrapper, autoDisposeSequence: false });
      slots.push(new PromptSlot(sequence, chat, spec.batchSize, spec.reusePrefix));
    }
    return new Runner(llama, model, slots, wrapper, spec);
  }

  get wrapperName(): string {
    return this.wrapper.wrapperName;
  }

  enqueue(id: number, call: CallSpec, send: (m: FromLocal) => void): void {
    const abort = new AbortController();
    this.aborts.set(id, abort);
    this.waiting.push({ id, call, abort, send });
    this.startNext();
  }

  abort(id: number): void {
    this.aborts.get(id)?.abort(new Error('aborted'));
  }

  /** Aborts every call, waiting or started, and settles once none is being answered. */
  async stop(): Promise<void> {
    this.waiting.length = 0;
    for (const a of this.aborts.values()) a.abort(new Error('aborted'));
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Starts waiting calls while sequences are free, each on the free one that holds most of its prompt. */
  private startNext(): void {
    for (;;) {
      const free = this.slots.filter((s) => !s.busy);
      const next = this.waiting.shift();
      if (!next) return;
      if (next.abort.signal.aborted) {
        this.aborts.delete(next.id);
        continue;
      }
      if (free.length === 0) {
        this.waiting.unshift(next);
        return;
      }
      const history = historyOf(next.call.messages);
      const prompt = promptTokens(this.wrapper, this.model, history);
      // The free sequence that holds most of the prompt; among equals the one used longest ago, so
      // the prompts other calls may still continue stay held.
      let slot = free[0];
      let held = slot.reusable(prompt);
      for (const s of free.slice(1)) {
        const reusable = s.reusable(prompt);
        if (reusable > held || (reusable === held && s.lastUsed < slot.lastUsed)) {
          slot = s;
          held = reusable;
        }
      }
      slot.busy = true;
      slot.lastUsed = ++this.calls;
      const answering: Promise<void> = this.answer(next, slot, history, prompt).finally(() => {
        this.inFlight.delete(answering);
        slot.busy = false;
        this.aborts.delete(next.id);
        this.startNext();
      });
      this.inFlight.add(answering);
    }
  }

  private async answer(q: Queued, slot: PromptSlot, history: HistoryItem[], prompt: unknown[]): Promise<void> {
    try {
      const m = await this.run(q, slot, history, prompt);
      if (!q.abort.signal.aborted) q.send(m);
    } catch (err) {
      if (q.abort.signal.aborted) return;
      q.send({
        op: 'failure',
        id: q.id,
        reason: 'bad_response',
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }

  /** The grammar of a schema, or why there is none (the call then goes unconstrained, with a note). */
  private grammar(schema: Record<string, unknown>): Promise<{ grammar?: unknown; error?: string }> {
    const key = JSON.stringify(schema);
    let g = this.grammars.get(key);
    if (!g) {
      g = this.llama.createGrammarForJsonSchema(grammarSchema(schema)).then(
        (grammar) => ({ grammar }),
        (err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }),
      );
      this.grammars.set(key, g);
    }
    return g;
  }

  private async run(q: Queued, slot: PromptSlot, history: HistoryItem[], prompt: unknown[]): Promise<FromLocal> {
    const { id, call } = q;
    const t0 = performance.now();
    const room = this.spec.contextSize - prompt.length;
    if (room < 8) {
      return {
        op: 'failure',
        id,
        reason: 'rejected',
        message:
          `the ${call.kind} prompt is ${prompt.length} tokens and the context holds ${this.spec.contextSize} ` +
          `(${this.spec.file}): raise \`local.context_size\` (the model was trained on ${this.model.trainContextSize}) or shorten the prompt`,
      };
    }
    const { grammar, error } = call.schema ? await this.grammar(call.schema) : {};
    const cached = await slot.prepare(prompt);
    // The meter's figures are getters: read them, a spread would copy nothing.
    const meter = slot.sequence.tokenMeter;
    const before = { output: meter.usedOutputTokens };
    let firstToken: number | undefined;
    const answer = await slot.chat.generateResponse(history, {
      onToken: () => (firstToken ??= performance.now()),
      ...(grammar ? { grammar } : {}),
      seed: call.seed,
      temperature: call.temperature,
      maxTokens: Math.min(call.maxTokens, room),
      signal: q.abort.signal,
    });
    slot.evaluated(prompt);
    // Input: the prompt as the model's tokenizer counts it (the meter also counts what the chat
    // wrapper adds around it). What was reused is not `cached_input_tokens`: it depends on which
    // calls ran before on which sequence, and the trace's usage must not (the same run, the same
    // bytes); it costs nothing here, and goes to the engine's figures (localEngine.ts) instead.
    const tokens: ChatTokens = { input_tokens: prompt.length, output_tokens: meter.usedOutputTokens - before.output };
    const answered: FromLocal = {
      op: 'answer',
      id,
      content: answer.response,
      tokens,
      reused: cached,
      ms: performance.now() - t0,
      promptMs: (firstToken ?? performance.now()) - t0,
    };
    // Not silent: the parse path checks the answer, and the trace says it was not constrained.
    if (error) answered.note = `no grammar for the ${call.kind} schema, the answer was not constrained: ${error}`;
    return answered;
  }
}

/** The model file loaded, and what serves the worker's purpose on it; `signal` (a close) stops a load under way. */
async function load(
  spec: LoadSpec,
  signal: AbortSignal,
): Promise<{ served: Runner | Embedder; llama: Llama; loaded: Loaded }> {
  const t0 = performance.now();
  const lib = (await import(pathToFileURL(spec.runtime).href)) as NodeLlamaCpp;
  // CPU only, prebuilt only: never a compile at run time, never a GPU probe. node-llama-cpp
  // splits `maxThreads` among the contexts: each sequence gets its `threads`.
  const llama = await lib.getLlama({
    gpu: false,
    build: 'never',
    logLevel: 'error',
    maxThreads: spec.threads * (spec.purpose === 'chat' ? spec.sequences : 1),
  });
  let served: Runner | Embedder, model: Model;
  try {
    model = await llama.loadModel({ modelPath: spec.file, loadSignal: signal });
    served =
      spec.purpose === 'chat'
        ? await Runner.load(spec, lib, llama, model, signal)
        : await Embedder.load(model, spec, signal);
  } catch (err) {
    // Whatever was made before the failure (or the close) is freed before the thread ends.
    await llama.dispose().catch(() => undefined);
    throw err;
  }
  return {
    served,
    llama,
    loaded: {
      op: 'loaded',
      ms: performance.now() - t0,
      wrapper: served instanceof Runner ? served.wrapperName : 'none (embeddings)',
      trainedContext: model.trainContextSize,
    },
  };
}

/** Embeds a request's texts; a failure is the request's, never the worker's. */
function embed(embedder: Embedder, id: number, texts: string[], abort: AbortController, send: (m: FromLocal) => void) {
  embedder.embed(texts, abort.signal).then(
    (done) => {
      if (abort.signal.aborted) return;
      const tokens = done.reduce((n, e) => n + e.tokens, 0);
      send({ op: 'vectors', id, vectors: done.map((e) => e.vector), tokens, cut: done.filter((e) => e.cut).length });
    },
    (err: unknown) => {
      if (abort.signal.aborted) return;
      send({ op: 'failure', id, reason: 'bad_response', message: err instanceof Error ? err.message : String(err) });
    },
  );
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const send = (m: FromLocal): void => port.postMessage(m);
  const embedAborts = new Map<number, AbortController>();
  const closing = new AbortController();
  const started = load(workerData as LoadSpec, closing.signal).then(
    ({ served, llama, loaded }) => {
      send(loaded);
      return { served, llama };
    },
    (err: unknown) => {
      send({ op: 'load-failed', message: err instanceof Error ? err.message : String(err) });
      return undefined;
    },
  );
  // A close after the load (or its failure): calls aborted and finished, the model freed, then the
  // thread ends on its own; a thread terminated mid-evaluation ends the whole process with a native
  // "terminate called after throwing an instance of 'Napi::Error'" (issue 86).
  const close = async (): Promise<void> => {
    closing.abort(new Error('the run stopped'));
    const up = await started;
    if (up) {
      for (const a of embedAborts.values()) a.abort(new Error('aborted'));
      if (up.served instanceof Runner) await up.served.stop();
      else await up.served.idle();
      await up.llama.dispose().catch(() => undefined);
    }
    port.close();
    process.exit(0);
  };
  port.on('message', (m: ToLocal) => {
    if (m.op === 'close') {
      void close();
      return;
    }
    void started.then((up) => {
      if (!up) return;
      const served = up.served;
      if (m.op === 'abort') {
        embedAborts.get(m.id)?.abort(new Error('aborted'));
        embedAborts.delete(m.id);
        if (served instanceof Runner) served.abort(m.id);
      } else if (m.op === 'call' && served instanceof Runner) served.enqueue(m.id, m.call, send);
      else if (m.op === 'embed' && served instanceof Embedder) {
        const abort = new AbortController();
        embedAborts.set(m.id, abort);
        embed(served, m.id, m.texts, abort, (r) => (embedAborts.delete(m.id), send(r)));
      } else {
        send({
          op: 'failure',
          id: m.id,
          reason: 'rejected',
          message: `this worker serves ${(workerData as LoadSpec).purpose}, not ${m.op}`,
        });
      }
    });
  });
}
