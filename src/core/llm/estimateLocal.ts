// The estimate's part for local models (issue 71): prompts counted by the model's own tokenizer
// where it was loaded (local/localEstimate.ts), the largest typical prompt against the context
// (local/localFit.ts says what does not fit), and seconds at the speed runs measured.
import type { ModelConfig } from '../format';
import { approxTokens, messageTokens, type ChatMessage } from './chat';
import { localAnswerCap, runSettings } from './local/settings';
import { answerCap } from './answerBudget';
import type { MeasuredSpeed } from './local/speeds';
import { responseSchema } from './parse/schemas';
import type { DecisionKind, DecisionRequest } from './types';

/** What the estimate is given of local models (local/localEstimate.ts loads it). */
export interface LocalInputs {
  /** Per model name: prompts counted by its own tokenizer. */
  promptTokens?: ReadonlyMap<string, (messages: readonly ChatMessage[]) => number>;
  /** Per model name: the speed runs measured with its file and settings (local/speeds.ts). */
  speeds?: ReadonlyMap<string, MeasuredSpeed>;
}

/** The part of a model's estimate these functions read and write. */
interface Counted {
  input_tokens: number;
  output_tokens: number;
  local?: LocalFit;
}

export interface LocalFit {
  /** The context a sequence holds (`local.context_size`). */
  context: number;
  /** The most tokens an answer is given (the largest of its kinds': a long survey's grows). */
  answer: number;
  /** The largest typical prompt of any kind the model is asked. */
  largest: { kind: DecisionKind; tokens: number };
  /** Counted by the model's tokenizer and chat template, or as characters / 4. */
  counted: 'tokenizer' | 'characters';
  /** Expected seconds at the speed measured on this machine, the calls in flight at once. */
  seconds?: number;
  speed?: MeasuredSpeed;
}

/** One call's prompt in tokens: the model's own count where given; else characters / 4 and the schema sent beside it (a local model's is a grammar, not prompt). */
export function promptSize(cfg: ModelConfig, messages: ChatMessage[], req: DecisionRequest, o: LocalInputs): number {
  const counter = o.promptTokens?.get(cfg.name);
  if (counter) return counter(messages);
  const schema = cfg.provider === 'local' ? 0 : approxTokens(JSON.stringify(responseSchema(req, true)));
  return messageTokens(messages) + schema;
}

/** A local model's largest typical prompt so far, against its context. */
export function noteLocal(m: Counted, cfg: ModelConfig, req: DecisionRequest, tokens: number, o: LocalInputs): void {
  const settings = runSettings(cfg);
  const kind = req.kind;
  const cap = localAnswerCap(cfg.max_tokens, answerCap(req));
  const l = (m.local ??= {
    context: settings.contextSize,
    answer: cap,
    largest: { kind, tokens },
    counted: o.promptTokens?.has(cfg.name) ? 'tokenizer' : 'characters',
    ...(o.speeds?.get(cfg.name) ? { speed: o.speeds.get(cfg.name)! } : {}),
  });
  if (tokens > l.largest.tokens) l.largest = { kind, tokens };
  l.answer = Math.max(l.answer, cap);
}

/** Expected seconds at the measured speed: prompts and answers, over the calls answered at once. */
export function localSeconds(m: Counted, cfg: ModelConfig): void {
  const speed = m.local?.speed;
  if (!speed) return;
  const inFlight = Math.max(1, Math.min(cfg.concurrency ?? 1, runSettings(cfg).sequences));
  m.local!.seconds = (m.input_tokens / speed.prompt_per_s + m.output_tokens / speed.answer_per_s) / inFlight;
}
