// A real OpenAI-compatible HTTP server on 127.0.0.1 (random port) for tests and benchmarks:
// /v1/chat/completions, /v1/embeddings, /v1/models, with scriptable answers per request —
// content, latency, 429 + Retry-After, 5xx, malformed JSON bodies, hangs, response_format
// rejection, or any instance of the request's own JSON schema (schemaAnswers). It records every request (headers included) and the peak number in flight, so
// tests can assert what the real `openai` client did on the wire.
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { stream } from '../../src/core/random/rng';
import { randomInstance } from './schemaInstance';

export interface FakeRequest {
  /** 0-based arrival order. */
  n: number;
  /** Arrival time by the server's own clock (Date.now() when the request's body was read). */
  at: number;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export type FakeReply =
  | {
      content: string;
      latencyMs?: number;
      /** Sent as `usage` instead of the computed one (null: none). */ usage?: unknown;
    }
  | { status: number; body?: unknown; headers?: Record<string, string>; latencyMs?: number }
  | { hang: true }
  | { malformed: true; latencyMs?: number };

export const reply = {
  content: (content: string, latencyMs?: number): FakeReply => ({ content, latencyMs }),
  json: (value: unknown, latencyMs?: number): FakeReply => ({ content: JSON.stringify(value), latencyMs }),
  /** An ordinary answer (chat: `content`, or the schema's sample) with this `usage` object. */
  usage: (usage: unknown, content?: string): FakeReply => ({ content: content ?? '', usage }),
  rateLimited: (retryAfterSeconds?: number): FakeReply => ({
    status: 429,
    body: { error: { message: 'Rate limit reached', type: 'rate_limit_error' } },
    headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
  }),
  serverError: (status = 500): FakeReply => ({
    status,
    body: { error: { message: 'The server had an error', type: 'server_error' } },
  }),
  status: (status: number, message: string): FakeReply => ({
    status,
    body: { error: { message, type: 'invalid_request_error' } },
  }),
  rejectFormat: (type = 'json_schema'): FakeReply => ({
    status: 400,
    body: {
      error: {
        message: `Invalid parameter: 'response_format' of type '${type}' is not supported with this model.`,
        type: 'invalid_request_error',
        param: 'response_format',
      },
    },
  }),
  /** OpenAI's answer to `max_tokens` for o-series and gpt-5 models. */
  rejectMaxTokens: (): FakeReply => ({
    status: 400,
    body: {
      error: {
        message:
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        type: 'invalid_request_error',
        param: 'max_tokens',
        code: 'unsupported_parameter',
      },
    },
  }),
  /** A 200 refusal as OpenAI sends it: `content: null`, the text in `refusal`, usage billed. */
  refusal: (
    text: string,
    usage: unknown = { prompt_tokens: 100, completion_tokens: 7, total_tokens: 107 },
  ): FakeReply => ({
    status: 200,
    body: {
      id: 'chatcmpl-r',
      object: 'chat.completion',
      created: 0,
      model: 'fake-model',
      usage,
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: null, refusal: text } }],
    },
  }),
  hang: (): FakeReply => ({ hang: true }),
  malformed: (): FakeReply => ({ malformed: true }),
};

/** A valid instance of a JSON schema: first enum value, 1 for numbers, one array item. */
export function sampleOf(schema: any): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return sampleOf(schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, sampleOf(s)]));
    case 'array':
      return schema.items?.type === 'integer' ? [] : [sampleOf(schema.items ?? {})];
    case 'number':
    case 'integer':
      return Math.min(schema.maximum ?? 1, Math.max(schema.minimum ?? 1, 1));
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'Sounds good, tell me more about it.';
  }
}

/** The default answer: a sample of the requested JSON schema, or an empty object. */
export function autoAnswer(body: any): string {
  const schema = body?.response_format?.json_schema?.schema;
  return JSON.stringify(schema ? sampleOf(schema) : {});
}

const tokens = (s: string): number => Math.ceil(s.length / 4);

/** A deterministic 32-dimensional bag-of-words vector, so related texts have similar embeddings. */
export function fakeEmbedding(text: string): number[] {
  const v = new Array(32).fill(0);
  for (const w of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let h = 2166136261;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    v[(h >>> 0) % 32] += 1;
  }
  return v;
}

/** A reply's own `usage` (null: none sent) or the computed one. */
function usageOf(r: FakeReply | undefined, computed: unknown): unknown {
  return r && 'usage' in r && r.usage !== undefined ? (r.usage ?? undefined) : computed;
}

export class FakeOpenAI {
  /** Base URL including /v1, e.g. http://127.0.0.1:41234/v1. */
  url = '';
  /** Latency of every answer unless the reply sets its own. */
  latencyMs = 0;
  /** Decides each chat request's reply; undefined (or returning undefined) means autoAnswer. */
  script?: (req: FakeRequest) => FakeReply | undefined;
  readonly requests: FakeRequest[] = [];
  /** Requests answered, including those not kept in `requests`. */
  count = 0;
  /** Keep every request in `requests` (turn off for long benchmarks). */
  record = true;
  inFlight = 0;
  maxInFlight = 0;
  /**
   * Answers wait until this many requests are in flight together, then all go (once): a test of
   * concurrency waits for the state it needs instead of hoping a latency is long enough on a busy machine.
   */
  private barrier?: { count: number; waiting: (() => void)[] };
  /**
   * Chat requests (their `n`) the server meant to answer whose client closed the connection first: on a busy
   * machine an answer can outlive the client's timeout, which the client rightly records as one.
   */
  readonly abandoned: number[] = [];
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private readonly sockets = new Set<Socket>();

  async start(): Promise<this> {
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.requests.length = 0;
    this.count = 0;
    this.maxInFlight = this.inFlight;
    this.abandoned.length = 0;
    this.script = undefined;
    this.releaseBarrier();
  }

  /** Holds every answer until `count` requests are in flight together (see `barrier`). */
  holdUntilInFlight(count: number): void {
    this.barrier = { count, waiting: [] };
  }

  private releaseBarrier(): void {
    const waiting = this.barrier?.waiting ?? [];
    this.barrier = undefined;
    for (const go of waiting) go();
  }

  chatRequests(): FakeRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      let body: any;
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      } catch {
        body = undefined;
      }
      const request: FakeRequest = {
        n: this.count++,
        at: Date.now(),
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
      };
      if (this.record) this.requests.push(request);
      this.track(res);
      if (url.pathname.endsWith('/models')) {
        return this.send(
          res,
          200,
          { object: 'list', data: [{ id: 'fake-model', object: 'model', owned_by: 'fake' }] },
          {},
          this.latencyMs,
        );
      }
      if (url.pathname.endsWith('/embeddings')) return this.embeddings(request, res);
      if (url.pathname.endsWith('/chat/completions')) return this.chat(request, res);
      this.send(res, 404, { error: { message: `no route ${url.pathname}` } }, {}, 0);
    });
  }

  /** Counts a request in flight until its response ends or its connection closes. */
  private track(res: http.ServerResponse): void {
    this.inFlight++;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
    let done = false;
    const end = (): void => {
      if (!done) {
        done = true;
        this.inFlight--;
      }
    };
    res.on('finish', end);
    res.on('close', end);
  }

  private chat(req: FakeRequest, res: http.ServerResponse): void {
    let r = this.script?.(req) ?? { content: autoAnswer(req.body) };
    if ('usage' in r && !r.content) r = { ...r, content: autoAnswer(req.body) };
    if ('hang' in r) return; // never answers; the connection closes when the client gives up
    res.on('close', () => {
      if (!res.writableFinished) this.abandoned.push(req.n);
    });
    if ('malformed' in r) {
      return this.later(res, r.latencyMs ?? this.latencyMs, () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": "chatcmpl-1", "choices": [{"message": {"content": "trunc');
      });
    }
    if ('status' in r) return this.send(res, r.status, r.body ?? {}, r.headers ?? {}, r.latencyMs ?? this.latencyMs);
    const prompt = (req.body?.messages ?? []).map((m: any) => String(m.content)).join('\n');
    this.send(
      res,
      200,
      {
        id: `chatcmpl-${req.n}`,
        object: 'chat.completion',
        created: 0,
        model: req.body?.model ?? 'fake-model',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: r.content } }],
        usage: usageOf(r, {
          prompt_tokens: tokens(prompt),
          completion_tokens: tokens(r.content),
          total_tokens: tokens(prompt) + tokens(r.content),
        }),
      },
      {},
      r.latencyMs ?? this.latencyMs,
    );
  }

  private embeddings(req: FakeRequest, res: http.ServerResponse): void {
    const r = this.script?.(req);
    if (r && 'hang' in r) return;
    if (r && 'status' in r) {
      return this.send(res, r.status, r.body ?? {}, r.headers ?? {}, r.latencyMs ?? this.latencyMs);
    }
    const input: string[] = Array.isArray(req.body?.input) ? req.body.input : [String(req.body?.input ?? '')];
    const n = input.reduce((a, t) => a + tokens(t), 0);
    this.send(
      res,
      200,
      {
        object: 'list',
        model: req.body?.model,
        data: input.map((t, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(t) })),
        usage: usageOf(r, { prompt_tokens: n, total_tokens: n }),
      },
      {},
      (r && 'latencyMs' in r ? r.latencyMs : undefined) ?? this.latencyMs,
    );
  }

  private later(res: http.ServerResponse, ms: number, fn: () => void): void {
    if (this.barrier) {
      this.barrier.waiting.push(() => this.later(res, ms, fn));
      if (this.inFlight >= this.barrier.count) this.releaseBarrier();
      return;
    }
    if (ms <= 0) return fn();
    const t = setTimeout(fn, ms);
    res.on('close', () => clearTimeout(t));
  }

  private send(
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string>,
    latencyMs: number,
  ): void {
    this.later(res, latencyMs, () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    });
  }
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  return new FakeOpenAI().start();
}

/** Fault kinds the server can inject, named by the FaultReason the client should record. */
/**
 * A fake endpoint for the enclosing `describe`: started before its tests, reset before each,
 * closed after them. Read `.server` inside the tests (it is set once the hooks have run).
 */
export function useFakeOpenAI(): { readonly server: FakeOpenAI } {
  const held = {} as { server: FakeOpenAI };
  before(async () => {
    held.server = await startFakeOpenAI();
  });
  after(async () => {
    await held.server?.close();
  });
  beforeEach(() => held.server.reset());
  return held;
}

export const INJECTED_FAULTS = ['rate_limited', 'server_error', 'bad_response', 'timeout', 'unparseable'] as const;
export type InjectedFault = (typeof INJECTED_FAULTS)[number];

/**
 * A script failing a `rate` share of chat requests, the kinds in turn: 429 with retry-after-ms,
 * 500, a truncated JSON body, a hang, and prose instead of JSON. `injected` counts each kind.
 */
export function faultMix(
  rate: number,
  seed = 1,
): {
  script: (req: FakeRequest) => FakeReply | undefined;
  injected: Record<InjectedFault, number>;
  /** The fault injected into each request, by its `n`. */
  faultOf: Map<number, InjectedFault>;
} {
  const injected = Object.fromEntries(INJECTED_FAULTS.map((k) => [k, 0])) as Record<InjectedFault, number>;
  const faultOf = new Map<number, InjectedFault>();
  let turn = 0;
  const script = (req: FakeRequest): FakeReply | undefined => {
    let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(req.n + 1, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f) ^ (h >>> 16);
    if ((h >>> 0) / 2 ** 32 >= rate) return undefined;
    const kind = INJECTED_FAULTS[turn++ % INJECTED_FAULTS.length];
    injected[kind]++;
    faultOf.set(req.n, kind);
    switch (kind) {
      case 'rate_limited':
        return {
          status: 429,
          body: { error: { message: 'Rate limit reached' } },
          headers: { 'retry-after-ms': '100' },
        };
      case 'server_error':
        return reply.serverError(500);
      case 'bad_response':
        return reply.malformed();
      case 'timeout':
        return reply.hang();
      case 'unparseable':
        return reply.content('Sure! I would love to chat about that.');
    }
  };
  return { script, injected, faultOf };
}

/**
 * A script answering every chat request that sends a JSON schema with a random instance of that
 * schema (schemaInstance.ts), seeded by `seed` and the request's arrival: an endpoint with strict
 * structured output that holds to the schema and nothing more. `answered` counts the answers.
 */
export function schemaAnswers(seed = 1): { script: (req: FakeRequest) => FakeReply | undefined; answered: number } {
  const out = {
    answered: 0,
    script: (req: FakeRequest): FakeReply | undefined => {
      const schema = req.body?.response_format?.json_schema?.schema;
      if (!schema) return undefined;
      out.answered++;
      return reply.json(randomInstance(schema, stream(seed, 'schema answer', req.n)));
    },
  };
  return out;
}
