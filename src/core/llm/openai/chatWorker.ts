// A worker thread of the chat pool (chatPool.ts): it holds an `openai` client per model config and
// makes the calls the main thread sends it — HTTP, step-downs, the answer read from the body,
// failures mapped to ProviderError data — and sends back only the answer or the failure. Bundled
// to dist/chat-worker.js; run from source through tsx in tests.
import { isMainThread, parentPort } from 'node:worker_threads';
import type { ModelConfig } from '../../format';
import type { ChatRequest, ChatResult, ChatTokens, FaultReason } from '../chat';
import { ProviderError, isAbort } from '../errors';
import { Redactor } from '../redact';
import { addUrlSecrets, connect } from './connection';
import { StepState, exchange, isAnswerFailure, type ExchangeTarget, type Sent } from './exchange';
import { nodeFetch } from './nodeFetch';
import { batchedPost } from './portBatch';

export interface ClientSpec {
  cfg: ModelConfig;
  apiKey?: string;
  model: string;
  url: string;
}

export type ToWorker =
  | { op: 'client'; client: number; spec: ClientSpec }
  | { op: 'secrets'; values: string[] }
  | { op: 'call'; id: number; client: number; request: ChatRequest; sent: Sent }
  | { op: 'abort'; id: number };

/** A ProviderError as data. */
export interface FailureData {
  reason: FaultReason;
  message: string;
  status?: number;
  retryAfterMs?: number;
  tokens?: ChatTokens;
  /** From a 200 body without content (its tokens carry to the next answer). */
  answer?: true;
}

export type FromWorker =
  | { ready: true }
  | { id: number; step: Sent }
  | { id: number; result: ChatResult }
  | { id: number; failure: FailureData }
  | { id: number; aborted: true }
  | { id: number; crashed: string };

if (!isMainThread && parentPort) {
  const port = parentPort;
  const redactor = new Redactor();
  const clients = new Map<number, { target: ExchangeTarget }>();
  const inFlight = new Map<number, AbortController>();
  // Answers go back batched per turn of the event loop, as calls come (portBatch.ts).
  const post = batchedPost<FromWorker>(port);

  const call = async (m: Extract<ToWorker, { op: 'call' }>): Promise<void> => {
    const c = clients.get(m.client)!;
    // Each call steps down from what the main thread sent (its client's settings, which may be
    // another run's than the last call's), and the main thread hears every step it takes.
    const state = new StepState();
    state.apply(m.sent);
    const ac = new AbortController();
    inFlight.set(m.id, ac);
    try {
      const result = await exchange(c.target, state, m.request, ac.signal, (s) =>
        post({ id: m.id, step: { mode: s.mode, tokensParam: s.tokensParam } }),
      );
      post({ id: m.id, result });
    } catch (err) {
      if (ac.signal.aborted || (isAbort(err) && !(err instanceof ProviderError))) post({ id: m.id, aborted: true });
      else if (err instanceof ProviderError) {
        const failure: FailureData = { reason: err.reason, message: err.message };
        if (err.status !== undefined) failure.status = err.status;
        if (err.retryAfterMs !== undefined) failure.retryAfterMs = err.retryAfterMs;
        if (err.tokens) failure.tokens = err.tokens;
        if (isAnswerFailure(err)) failure.answer = true;
        post({ id: m.id, failure });
      } else post({ id: m.id, crashed: redactor.message(err) });
    } finally {
      inFlight.delete(m.id);
    }
  };

  const receive = (m: ToWorker): void => {
    switch (m.op) {
      case 'secrets':
        for (const v of m.values) redactor.add(v);
        return;
      case 'client': {
        const { cfg, apiKey, model, url } = m.spec;
        redactor.add(apiKey).addHeaders(cfg.headers);
        addUrlSecrets(cfg, redactor);
        const api = connect(cfg, { apiKey, fetch: nodeFetch });
        clients.set(m.client, { target: { api, cfg, model, url, redactor } });
        return;
      }
      case 'call':
        void call(m);
        return;
      case 'abort':
        inFlight.get(m.id)?.abort();
        return;
    }
  };
  port.on('message', (batch: ToWorker[]) => batch.forEach(receive));
  post({ ready: true });
}
