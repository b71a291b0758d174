// What a model was asked and what it answered, one record per chat call of a decision (its first
// call, and the re-ask): the messages, the answer schema, the raw answer and what parsing made of
// it. LlmAgentModel tells every record to its `onPrompt` listener, for every provider, so nothing a
// model was asked needs a debugger or a shim to read (prompts/promptBook.ts keeps them on disk).
import type { ChatMessage } from './chat';
import type { DecisionKind } from './types';

export interface PromptCall {
  /** The decision's request.key, round, kind and deciding agent. */
  key: string;
  round: number;
  kind: DecisionKind;
  agent: string;
  /** Scenario model name. */
  model: string;
  /** 1, or 2 for the re-ask after an unusable first answer. */
  call: number;
  messages: readonly ChatMessage[];
  /** The JSON schema the answer was asked to follow. */
  schema: unknown;
  max_tokens: number;
  /** The model's raw answer (absent when the call itself failed). */
  answer?: string;
  /** 'ok', or why the answer could not be used (a re-ask follows a first one). */
  parse?: string;
  /** Repairs made to an answer that was used (a code fence stripped, ...). */
  repairs?: readonly string[];
  /** Why the call failed (the provider's error, redacted), when it did. */
  error?: string;
}

export type PromptListener = (call: PromptCall) => void;
