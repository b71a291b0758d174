// An EmbeddingClient decorator that asks the command's spending meter before every embeddings
// request and books what the endpoint reported at the embedding model's price (issue 87: one
// meter). Before, `--max-cost` and an assistant's limit bounded chat calls only: a run whose memory
// relevance came from a paid embeddings endpoint spent on it unmetered.
import type { EmbeddingClient } from '../embeddings';
import type { Price } from '../price';
import type { SpendMeter } from '../spendMeter';

export class MeteredEmbeddingClient implements EmbeddingClient {
  constructor(
    private readonly inner: EmbeddingClient,
    private readonly meter: () => SpendMeter | undefined,
    /** The embedding model's price per million input tokens (`output` unused). */
    private readonly price: Price | undefined,
  ) {}

  get identity() {
    return this.inner.identity;
  }

  async embed(texts: string[], signal?: AbortSignal): ReturnType<EmbeddingClient['embed']> {
    // Refused (SpendLimitReached) once the command's spending has reached its limit.
    const call = await this.meter()?.admit(signal);
    try {
      const answer = await this.inner.embed(texts, signal);
      call?.end({ input_tokens: answer.tokens, output_tokens: 0 }, this.price);
      return answer;
    } catch (err) {
      // A request that failed for good reported no tokens to bill; one a stop cut off may be billed.
      call?.end(undefined, this.price, signal?.aborted === true);
      throw err;
    }
  }
}
