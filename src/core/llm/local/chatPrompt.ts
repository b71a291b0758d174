// A chat request as the model reads it: the messages laid out by the chat template of the model
// file and tokenized by its own tokenizer. One function for the worker (what it evaluates) and for
// the estimate (what it counts), so the count is the size the run will meet.
import type { ChatMessage } from '../chat';
import type { ChatWrapper, HistoryItem, Model } from './llamaShapes';

export function historyOf(messages: readonly ChatMessage[]): HistoryItem[] {
  return messages.map((m) =>
    m.role === 'assistant' ? { type: 'model', response: [m.content] } : { type: m.role, text: m.content },
  );
}

/** The prompt's tokens, up to where the model's answer starts. */
export function promptTokens(
  wrapper: ChatWrapper,
  model: Pick<Model, 'tokenizer'>,
  history: readonly HistoryItem[],
): unknown[] {
  return wrapper
    .generateContextState({ chatHistory: [...history, { type: 'model', response: [] }] })
    .contextText.tokenize(model.tokenizer);
}
