// A model call behind a decision as the society view and the debugger show it (a prompt book's
// call with its texts put back: llm/promptLookup.ts). Plain JSON: it crosses postMessage.

/** A message as it was sent (a text past the book's bound keeps its start: `cut` chars left out). */
export interface SentMessage {
  role: string;
  text: string;
  cut?: number;
}

/** One model call behind a decision, its texts put back. */
export interface ModelCall {
  key: string;
  round: number;
  kind: string;
  agent: string;
  model: string;
  /** 1, or 2 for the re-ask. */
  call: number;
  messages: SentMessage[];
  answer?: string;
  answer_cut?: number;
  /** 'ok', or why the answer could not be used. */
  parse?: string;
  repairs?: readonly string[];
  error?: string;
}
