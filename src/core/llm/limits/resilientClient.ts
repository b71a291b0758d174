// A ChatClient decorator that runs every call through the limiter and the retry loop. It is the
// layer right above every live provider, so it is also where known secrets are taken out of
// answers: what the cache stores (and a replay, which may run without the key, returns) is
// already redacted.
import { approxTokens, messageTokens, type ChatClient, type ChatRequest, type ChatResult } from '../chat';
import type { Redactor } from '../redact';
import type { Limiter } from './limiter';
import { ProviderError } from '../errors';
import type { SpendMeter } from '../spendMeter';
import type { Price } from '../price';
import { resilientCall, type ResilienceSettings } from './resilientCall';

export class ResilientChatClient implements ChatClient {
  constructor(
    private readonly inner: ChatClient,
    readonly limiter: Limiter,
    private readonly settings: ResilienceSettings & {
      /** The model's max_tokens, for the estimate. */ maxTokens?: number;
      /** The command's spending meter, asked before each call, and the price it books calls at. */
      meter?: { meter: () => SpendMeter | undefined; price: Price | undefined };
    },
    private readonly redactor: Redactor,
  ) {}

  get identity() {
    return this.inner.identity;
  }

  async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    if (this.inner.ready) await this.inner.ready();
    const estimate =
      messageTokens(request.messages) +
      (request.json ? approxTokens(JSON.stringify(request.json.schema)) : 0) +
      (this.settings.maxTokens ?? request.max_tokens ?? 256);
    // Asked before the call, whatever the limiter then holds it for (spendMeter.ts).
    const metered = this.settings.meter;
    const call = await metered?.meter()?.admit(signal);
    let called: Awaited<ReturnType<typeof resilientCall<ChatResult>>>;
    try {
      called = await resilientCall(
        (s) => this.inner.complete(request, s),
        {
          limiter: this.limiter,
          settings: this.settings,
          redactor: this.redactor,
          estimate,
          tokensOf: (r) => r.tokens.input_tokens + r.tokens.output_tokens,
        },
        signal,
      );
    } catch (err) {
      // Answers without content the endpoint still billed for (openai/answer.ts) are spending too.
      // Aborted by a stop while under way: counted apart (the endpoint may bill it: spendMeter.ts).
      call?.end(err instanceof ProviderError ? err.tokens : undefined, metered?.price, signal?.aborted === true);
      throw err;
    }
    const { result, faults } = called;
    call?.end(result.tokens, metered?.price);
    // The provider's notes (bad usage figures) belong to the attempt that answered.
    const attempt = faults.length + 1;
    return {
      ...result,
      content: this.redactor.redactKnown(result.content),
      faults: [...faults, ...result.faults.map((f) => ({ ...f, attempt }))],
    };
  }
}
