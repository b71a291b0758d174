// The worker thread a `local` model runs on (localEngine.ts starts it): it loads node-llama-cpp and
// the model file once, keeps one context sequence, and answers the calls the main thread sends,
// one at a time in the order they came. Inference takes whole seconds of CPU; on the main thread
// it would stall the extension host, the CLI's progress and every timer of the run.
//
// One sequence, cleared before each call (Runner.run says why prefix reuse is off). Bundled to
// dist/local-worker.js; run from source through tsx in tests.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { ChatMessage, ChatTokens, FaultReason } from '../chat';
import { nameRecord } from '../../text/nameRecord';

export interface LoadSpec {
  /** The model file (checked on the main thread). */
  file: string;
  /** node-llama-cpp's module entry (runtime.ts). */
  runtime: string;
  contextSize: number;
  threads: number;
  batchSize: number;
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

export type ToLocal = { op: 'call'; id: number; call: CallSpec } | { op: 'abort'; id: number };

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
  | { op: 'answer'; id: number; content: string; tokens: ChatTokens; ms: number; note?: string }
  | { op: 'failure'; id: number; reason: FaultReason; message: string };

// The part of node-llama-cpp's API used here. It is not a dependency of the repository (runtime.ts),
// so these few shapes stand in for its types; the real-model tests hold them to the package.
interface Tokenizer {
  (text: string): unknown[];
}
interface Model {
  tokenizer: Tokenizer;
  trainContextSize: number;
  createContext(o: { contextSize: number; threads: number; batchSize: number; sequences: number }): Promise<Context>;
}
interface Context {
  getSequence(): Sequence;
}
interface Sequence {
  tokenMeter: { usedInputTokens: number; usedOutputTokens: number };
  clearHistory(): Promise<void>;
}
interface ChatWrapper {
  wrapperName: string;
  generateContextState(o: { chatHistory: HistoryItem[] }): { contextText: { tokenize(t: Tokenizer): unknown[] } };
}
type HistoryItem =
  { type: 'system'; text: string } | { type: 'user'; text: string } | { type: 'model'; response: string[] };
interface Chat {
  generateResponse(
    history: HistoryItem[],
    o: { grammar?: unknown; seed: number; temperature: number; maxTokens: number; signal?: AbortSignal },
  ): Promise<{ response: string; metadata: { stopReason: string } }>;
}
interface Llama {
  loadModel(o: { modelPath: string }): Promise<Model>;
  createGrammarForJsonSchema(schema: unknown): Promise<unknown>;
}
interface NodeLlamaCpp {
  getLlama(o: { gpu: false; build: 'never'; logLevel: string; maxThreads: number }): Promise<Llama>;
  resolveChatWrapper(model: Model): ChatWrapper;
  LlamaChat: new (o: { contextSequence: Sequence; chatWrapper: ChatWrapper; autoDisposeSequence: boolean }) => Chat;
}

/**
 * A decision's schema as node-llama-cpp's grammar builder reads it. It knows a union as `oneOf`
 * (an `anyOf` it silently makes `null`, so every act answer was `"choice": null`), and it spells a
 * long `maxLength` out as thousands of grammar repetitions, which slows every sampled token; the
 * answer is capped by max_tokens anyway. Whatever is loosened here the parse path still checks.
 */
export function grammarSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(grammarSchema);
  if (!s || typeof s !== 'object') return s;
  const out = nameRecord<unknown>();
  for (const [k, v] of Object.entries(s)) {
    if (k === 'maxLength' && typeof v === 'number' && v > LONGEST_SPELLED) continue;
    if (k === 'enum' || k === 'const') out[k] = v;
    // Maps of names to schemas: a property may be called `anyOf`.
    else if ((k === 'properties' || k === '$defs') && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, grammarSchema(sub)]));
    } else out[k === 'anyOf' ? 'oneOf' : k] = grammarSchema(v);
  }
  return out;
}

/** The longest `maxLength` kept in a grammar. */
const LONGEST_SPELLED = 256;

function historyOf(messages: ChatMessage[]): HistoryItem[] {
  return messages.map((m) =>
    m.role === 'assistant' ? { type: 'model', response: [m.content] } : { type: m.role, text: m.content },
  );
}

class Runner {
  private readonly grammars = new Map<string, Promise<{ grammar?: unknown; error?: string }>>();
  private readonly aborts = new Map<number, AbortController>();
  /** Calls run one after another, in the order they came. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly llama: Llama,
    private readonly model: Model,
    private readonly sequence: Sequence,
    private readonly wrapper: ChatWrapper,
    private readonly chat: Chat,
    private readonly spec: LoadSpec,
  ) {}

  static async load(spec: LoadSpec): Promise<{ runner: Runner; loaded: Loaded }> {
    const t0 = performance.now();
    const lib = (await import(pathToFileURL(spec.runtime).href)) as NodeLlamaCpp;
    // CPU only, prebuilt only: never a compile at run time, never a GPU probe.
    const llama = await lib.getLlama({ gpu: false, build: 'never', logLevel: 'error', maxThreads: spec.threads });
    const model = await llama.loadModel({ modelPath: spec.file });
    const context = await model.createContext({
      contextSize: spec.contextSize,
      threads: spec.threads,
      batchSize: spec.batchSize,
      sequences: 1,
    });
    const sequence = context.getSequence();
    const wrapper = lib.resolveChatWrapper(model);
    const chat = new lib.LlamaChat({ contextSequence: sequence, chatWrapper: wrapper, autoDisposeSequence: false });
    const runner = new Runner(llama, model, sequence, wrapper, chat, spec);
    return {
      runner,
      loaded: {
        op: 'loaded',
        ms: performance.now() - t0,
        wrapper: wrapper.wrapperName,
        trainedContext: model.trainContextSize,
      },
    };
  }

  enqueue(id: number, call: CallSpec, send: (m: FromLocal) => void): void {
    const abort = new AbortController();
    this.aborts.set(id, abort);
    this.queue = this.queue.then(async () => {
      try {
        if (abort.signal.aborted) return;
        send(await this.run(id, call, abort.signal));
      } catch (err) {
        if (abort.signal.aborted) return;
        send({ op: 'failure', id, reason: 'bad_response', message: err instanceof Error ? err.message : String(err) });
      } finally {
        this.aborts.delete(id);
      }
    });
  }

  abort(id: number): void {
    this.aborts.get(id)?.abort(new Error('aborted'));
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

  private async run(id: number, call: CallSpec, signal: AbortSignal): Promise<FromLocal> {
    const t0 = performance.now();
    const history = historyOf(call.messages);
    const prompt = this.wrapper
      .generateContextState({ chatHistory: [...history, { type: 'model', response: [] }] })
      .contextText.tokenize(this.model.tokenizer).length;
    const room = this.spec.contextSize - prompt;
    if (room < 8) {
      return {
        op: 'failure',
        id,
        reason: 'rejected',
        message:
          `the ${call.kind} prompt is ${prompt} tokens and the context holds ${this.spec.contextSize} ` +
          `(${this.spec.file}): raise \`local.context_size\` (the model was trained on ${this.model.trainContextSize}) or shorten the prompt`,
      };
    }
    const { grammar, error } = call.schema ? await this.grammar(call.schema) : {};
    // Every call from an empty sequence. A kept prefix saves its evaluation, but the prompt's
    // remaining tokens are then evaluated in other batches than from empty, the floating-point sums
    // come out slightly different, and a sampled token can flip: an answer would depend on the
    // call before it (a rerun after any other call of the process differed). Reproducible first.
    await this.sequence.clearHistory();
    // The meter's figures are getters: read them, a spread would copy nothing.
    const meter = this.sequence.tokenMeter;
    const before = { output: meter.usedOutputTokens };
    const answer = await this.chat.generateResponse(history, {
      ...(grammar ? { grammar } : {}),
      seed: call.seed,
      temperature: call.temperature,
      maxTokens: Math.min(call.maxTokens, room),
      signal,
    });
    // Input: the prompt as the model's tokenizer counts it (the meter also counts what the chat
    // wrapper adds around it); nothing is served from a cache, the sequence was cleared.
    const tokens: ChatTokens = { input_tokens: prompt, output_tokens: meter.usedOutputTokens - before.output };
    const answered: FromLocal = { op: 'answer', id, content: answer.response, tokens, ms: performance.now() - t0 };
    // Not silent: the parse path checks the answer, and the trace says it was not constrained.
    if (error) answered.note = `no grammar for the ${call.kind} schema, the answer was not constrained: ${error}`;
    return answered;
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const send = (m: FromLocal): void => port.postMessage(m);
  const started = Runner.load(workerData as LoadSpec).then(
    ({ runner, loaded }) => {
      send(loaded);
      return runner;
    },
    (err: unknown) => {
      send({ op: 'load-failed', message: err instanceof Error ? err.message : String(err) });
      return undefined;
    },
  );
  port.on('message', (m: ToLocal) => {
    void started.then((runner) => {
      if (!runner) return;
      if (m.op === 'call') runner.enqueue(m.id, m.call, send);
      else runner.abort(m.id);
    });
  });
}
