// A model's memory-relevance embeddings in `society estimate`: texts, requests and tokens from the
// per-agent counts (estimate.ts embeddingsPerAgent), priced where the embedding model's price is
// known and counted in the model's cost, so a cost limit's check before a run counts them too.
import type { ModelConfig } from '../format';
import { traitsOf } from '../format';
import { costUsd, embeddingPrice, type PriceTable } from './usage';

/** Typical lengths, in tokens, of a retrieval's situation text and of a memory's text. */
export const QUERY_TOKENS = 20;
export const MEMORY_TOKENS = 28;

/** What of a model's estimate (estimate.ts ModelEstimate) the embeddings add to. */
export interface EmbeddingsTarget {
  embeddings?: { model: string; texts: number; requests: number; input_tokens: number; cost_usd?: number };
  cost_usd: number;
  cost_usd_ceiling: number;
  cost_usd_cached?: number;
}

/** Adds `cfg`'s embeddings to its estimate `m`, for `agents` agents with per-agent counts `e`. */
export function addEmbeddings(
  m: EmbeddingsTarget,
  cfg: ModelConfig,
  e: { retrievals: number; memories: number },
  agents: number,
  prices: PriceTable | undefined,
): void {
  const texts = Math.round(agents * (e.retrievals + e.memories));
  const input_tokens = Math.round(agents * (e.retrievals * QUERY_TOKENS + e.memories * MEMORY_TOKENS));
  m.embeddings = { model: cfg.embeddings!.model, texts, requests: Math.round(agents * e.retrievals), input_tokens };
  // A provider that bills nothing (a local model) embeds for nothing; an unknown price stays unpriced.
  const price = traitsOf(cfg.provider).priced ? embeddingPrice(cfg, prices) : { input: 0, output: 0 };
  if (!price) return;
  const cost = costUsd({ input_tokens, output_tokens: 0 }, price);
  m.embeddings.cost_usd = cost;
  m.cost_usd += cost;
  m.cost_usd_ceiling += cost;
  if (m.cost_usd_cached !== undefined) m.cost_usd_cached += cost;
}
