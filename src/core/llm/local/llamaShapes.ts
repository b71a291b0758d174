// The part of node-llama-cpp's API the worker uses. node-llama-cpp is not a dependency of the
// repository (runtime.ts), so these few shapes stand in for its types; the real-model tests hold
// them to the package.
export interface Tokenizer {
  (text: string): unknown[];
}
export interface Model {
  tokenizer: Tokenizer;
  trainContextSize: number;
  createContext(o: {
    contextSize: number;
    threads: number;
    batchSize: number;
    sequences: number;
    createSignal?: AbortSignal;
  }): Promise<Context>;
  createEmbeddingContext(o: {
    contextSize: number;
    threads: number;
    batchSize: number;
    createSignal?: AbortSignal;
  }): Promise<EmbeddingContext>;
}
export interface EmbeddingContext {
  getEmbeddingFor(input: unknown[]): Promise<{ vector: readonly number[] }>;
}
export interface Context {
  getSequence(): Sequence;
}
export interface Sequence {
  tokenMeter: { usedInputTokens: number; usedOutputTokens: number };
  readonly contextTokens: unknown[];
  readonly nextTokenIndex: number;
  clearHistory(): Promise<void>;
  eraseContextTokenRanges(ranges: { start: number; end: number }[]): Promise<void>;
}
export interface ChatWrapper {
  wrapperName: string;
  generateContextState(o: { chatHistory: HistoryItem[] }): { contextText: { tokenize(t: Tokenizer): unknown[] } };
}
export type HistoryItem =
  { type: 'system'; text: string } | { type: 'user'; text: string } | { type: 'model'; response: string[] };
export interface Chat {
  generateResponse(
    history: HistoryItem[],
    o: {
      grammar?: unknown;
      seed: number;
      temperature: number;
      maxTokens: number;
      signal?: AbortSignal;
      onToken?: (tokens: unknown[]) => void;
    },
  ): Promise<{ response: string; metadata: { stopReason: string } }>;
}
export interface Llama {
  loadModel(o: {
    modelPath: string;
    vocabOnly?: boolean;
    loadSignal?: AbortSignal;
  }): Promise<Model & { dispose(): Promise<void> }>;
  createGrammarForJsonSchema(schema: unknown): Promise<unknown>;
  /** Frees the model, its contexts and the backend: after it, no native work is left to finish. */
  dispose(): Promise<void>;
}
export interface NodeLlamaCpp {
  getLlama(o: { gpu: false; build: 'never'; logLevel: string; maxThreads?: number }): Promise<Llama>;
  resolveChatWrapper(model: Model): ChatWrapper;
  LlamaChat: new (o: { contextSequence: Sequence; chatWrapper: ChatWrapper; autoDisposeSequence: boolean }) => Chat;
}
