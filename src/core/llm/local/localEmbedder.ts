// The worker side of a `local` model's embeddings (memory relevance, llm/embeddings.ts): one
// embedding context on the model file, answering texts one at a time in the order they came.
// Each text is embedded on its own, so a vector never depends on which texts shared its request:
// the same text gives the same vector however a stage's retrievals were batched.
import type { EmbeddingContext, Model } from './llamaShapes';

/** One text's vector, and the tokens it took (cut to the context, see below). */
export interface Embedded {
  vector: number[];
  tokens: number;
  /** The text was longer than the context and only its start was embedded. */
  cut: boolean;
}

/**
 * The most tokens of a text that are embedded: memories and situations are a sentence or two, and a
 * longer text is cut (its start carries its topic) rather than rejected.
 */
export const EMBEDDED_TOKENS = 512;

export class Embedder {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly model: Model,
    private readonly context: EmbeddingContext,
    private readonly contextSize: number,
  ) {}

  /**
   * An embedding context no larger than the model was trained on (an embedding model of 512 tokens
   * asked for the chat default of 2048 does not load) nor than EMBEDDED_TOKENS, in one batch:
   * llama.cpp pools a text's embedding from a single batch.
   */
  static async load(
    model: Model,
    o: { contextSize: number; threads: number },
    signal?: AbortSignal,
  ): Promise<Embedder> {
    const contextSize = Math.min(o.contextSize, model.trainContextSize || o.contextSize, EMBEDDED_TOKENS);
    const context = await model.createEmbeddingContext({
      contextSize,
      threads: o.threads,
      batchSize: contextSize,
      createSignal: signal,
    });
    // The begin and end tokens node-llama-cpp adds must fit beside the text, strictly inside the context.
    return new Embedder(model, context, contextSize - 3);
  }

  /** The texts' vectors, after every request sent before this one (one context, one at a time). */
  embed(texts: string[], signal: AbortSignal): Promise<Embedded[]> {
    const work = this.queue.then(async () => {
      const out: Embedded[] = [];
      for (const text of texts) {
        if (signal.aborted) throw signal.reason;
        const all = this.model.tokenizer(text);
        const tokens = all.length > this.contextSize ? all.slice(0, this.contextSize) : all;
        const { vector } = await this.context.getEmbeddingFor(tokens);
        out.push({ vector: [...vector], tokens: tokens.length, cut: tokens.length < all.length });
      }
      return out;
    });
    this.queue = work.catch(() => undefined);
    return work;
  }

  /** Settles once every request sent so far has (aborted requests stop before their next text). */
  async idle(): Promise<void> {
    await this.queue;
  }
}
