// An AgentModel backed by a chat model: render the prompt, call, parse; an unusable answer gets
// exactly one re-ask showing the model its answer and the problem. A decision that still fails
// throws ModelCallError (kind, attempts, reason, faults) for the engine's `on_error` policy;
// nothing is guessed. Every decision, good or bad, is reported to `onCall`.
import type { PromptTemplates, Provider } from '../format';
import type { CallFault, ChatClient, ChatMessage, ChatTokens } from './chat';
import type { CallListener, CallRecord } from './callRecord';
import { ModelCallError, ProviderError, ReplayMissError } from './errors';
import { parseAnswer } from './parse';
import { responseSchema } from './parse/schemas';
import { reaskMessages, renderPrompt } from './prompts/render';
import type { PromptContext } from './prompts/values';
import { oneLine, type Redactor } from './redact';
import type { Usage } from '../trace/events';
import type { AgentModel, DecisionRequest, DecisionResponse } from './types';
import { markCached, usageOf, type Price } from './usage';
import { pushAll } from '../text/pushAll';
import { answerCap } from './answerBudget';
import type { PromptCall, PromptListener } from './promptRecord';

export interface LlmAgentModelOptions {
  name: string;
  provider: Provider;
  label: string;
  client: ChatClient;
  templates: PromptTemplates;
  context: PromptContext;
  price?: Price;
  redactor: Redactor;
  onCall?: CallListener;
  /** Told every chat call's messages, schema, raw answer and parse result (promptRecord.ts). */
  onPrompt?: PromptListener;
}

/** The part of an unusable answer kept in the record: enough to see what went wrong (printable: it reaches terminals). */
function excerpt(answer: string, redactor: Redactor): string {
  return oneLine(redactor.redact(answer), 200);
}

function addTokens(into: ChatTokens, t: ChatTokens): void {
  into.input_tokens += t.input_tokens;
  into.output_tokens += t.output_tokens;
  if (t.cached_input_tokens) into.cached_input_tokens = (into.cached_input_tokens ?? 0) + t.cached_input_tokens;
}

class Tally {
  tokens: ChatTokens = { input_tokens: 0, output_tokens: 0 };
  faults: CallFault[] = [];
  calls = 0;
  attempts = 0;
  cached = true;
}

export class LlmAgentModel implements AgentModel {
  readonly name: string;
  readonly provider: Provider;
  readonly label: string;

  constructor(private readonly o: LlmAgentModelOptions) {
    this.name = o.name;
    this.provider = o.provider;
    this.label = o.label;
  }

  async decide<R extends DecisionRequest>(request: R, signal?: AbortSignal): Promise<DecisionResponse<R>> {
    const tally = new Tally();
    const messages = renderPrompt(request, this.o.templates, this.o.context);
    const first = await this.ask(request, messages, tally, signal);
    let parsed = parseAnswer(request, first);
    this.told(request, 1, messages, { answer: first, parse: parsed.ok ? 'ok' : parsed.error, repairs: parsed.repairs });
    if (!parsed.ok) {
      tally.faults.push({
        attempt: tally.attempts,
        reason: 'unparseable',
        message: `${parsed.error}; answer: "${excerpt(first, this.o.redactor)}"`,
      });
      const again = reaskMessages(messages, first, parsed.error, request.kind);
      const second = await this.ask(request, again, tally, signal);
      parsed = parseAnswer(request, second);
      this.told(request, 2, again, { answer: second, parse: parsed.ok ? 'ok' : parsed.error, repairs: parsed.repairs });
      if (!parsed.ok) {
        const detail = `${parsed.error}; answer: "${excerpt(second, this.o.redactor)}"`;
        tally.faults.push({ attempt: tally.attempts, reason: 'unparseable', message: detail });
        throw this.fail(request, tally, 'unparseable', `the answer was unusable twice: ${detail}`);
      }
    }
    const usage = this.report(request, tally, 'ok', parsed.repairs ?? []);
    return { ...parsed.value, usage } as DecisionResponse<R>;
  }

  private async ask(
    request: DecisionRequest,
    messages: ChatMessage[],
    tally: Tally,
    signal?: AbortSignal,
  ): Promise<string> {
    try {
      const res = await this.o.client.complete(
        {
          messages,
          json: { name: request.kind, schema: responseSchema(request, true) },
          max_tokens: answerCap(request),
        },
        signal,
      );
      tally.calls++;
      tally.attempts += res.faults.filter((f) => !f.note).length + 1;
      addTokens(tally.tokens, res.tokens);
      pushAll(tally.faults, res.faults);
      tally.cached &&= res.cached === true;
      return res.content;
    } catch (err) {
      if (err instanceof ProviderError) {
        this.told(request, tally.calls + 1, messages, { error: this.o.redactor.message(err) });
        tally.calls++;
        tally.attempts += Math.max(1, err.faults.length);
        pushAll(tally.faults, err.faults);
        tally.cached &&= err.cached;
        // Answers without content the endpoint still billed for (provider layer: openai/answer.ts).
        if (err.tokens) addTokens(tally.tokens, err.tokens);
        throw this.fail(request, tally, err.reason, this.o.redactor.message(err));
      }
      if (err instanceof ReplayMissError) throw new ReplayMissError(this.name, err.cacheKey, request.key);
      throw err;
    }
  }

  /** One chat call as the prompt listener hears it (nothing is built without one). */
  private told(
    request: DecisionRequest,
    call: number,
    messages: ChatMessage[],
    outcome: Pick<PromptCall, 'answer' | 'parse' | 'repairs' | 'error'>,
  ): void {
    if (!this.o.onPrompt) return;
    const { repairs, ...rest } = outcome;
    this.o.onPrompt({
      key: request.key,
      round: request.round,
      kind: request.kind,
      agent: request.persona.id,
      model: this.name,
      call,
      messages,
      schema: responseSchema(request, true),
      max_tokens: answerCap(request),
      ...rest,
      ...(repairs?.length ? { repairs } : {}),
    });
  }

  private fail(request: DecisionRequest, tally: Tally, reason: CallFault['reason'], detail: string): ModelCallError {
    const usage = this.report(request, tally, 'failed', []);
    return new ModelCallError(
      this.name,
      request.kind,
      request.key,
      reason,
      tally.attempts,
      tally.faults,
      detail,
      usage,
    );
  }

  /** Reports the decision; returns its usage, marked (outside the trace) when it came from the cache. */
  private report(request: DecisionRequest, tally: Tally, outcome: CallRecord['outcome'], repairs: string[]): Usage {
    const cached = tally.cached && tally.calls > 0;
    this.o.onCall?.({
      model: this.name,
      kind: request.kind,
      key: request.key,
      agent: request.persona.id,
      outcome,
      calls: tally.calls,
      attempts: tally.attempts,
      faults: tally.faults,
      repairs,
      usage: usageOf(this.name, tally.tokens, this.o.price),
      cached,
    });
    const usage = usageOf(this.name, tally.tokens, this.o.price);
    return cached ? markCached(usage) : usage;
  }
}
