// Tokens and cost. A call's cost is its tokens at the model's price (USD per million tokens) from
// the scenario's `price:` or a configurable price table; a model without a price costs 0 and is
// reported as unpriced. A usage answered from the cache is marked (not in the trace), so the run's
// usage book (engine/society/usageBook.ts) can tell what was spent from what cached answers saved.
import { type ModelConfig, type Scenario, traitsOf } from '../format';
import type { Usage } from '../trace/events';
import type { ChatTokens } from './chat';
import { atLeast, hostedPrice } from './knownPrices';

import type { Price } from './price';

export type { Price } from './price';
/** Prices by endpoint model name (e.g. "gpt-4o-mini") or scenario model name. */
export type PriceTable = Record<string, Price>;

/** The price the file (or a price table) gives: what chooses the prompt layout, never lowered. */
export function priceOf(cfg: ModelConfig, table: PriceTable = {}): Price | undefined {
  return cfg.price ?? (cfg.model !== undefined ? table[cfg.model] : undefined) ?? table[cfg.name];
}

/**
 * The price calls are counted at, for estimates, cost limits and spend: the file's, raised to the
 * list price of a known hosted model (knownPrices.ts) where it is lower or missing.
 */
export function billedPrice(cfg: ModelConfig, table: PriceTable = {}): Price | undefined {
  return atLeast(priceOf(cfg, table), hostedPrice(cfg));
}

/**
 * What a config's embeddings requests are billed at: `embeddings.price` (else the price table's
 * entry for the embedding model), raised to its list price where the host is the provider's own (text-embedding-3-small on
 * api.openai.com: $0.02 per million tokens); undefined when neither is known.
 */
export function embeddingPrice(cfg: ModelConfig, table: PriceTable = {}): Price | undefined {
  const model = cfg.embeddings?.model;
  if (model === undefined) return undefined;
  const own = cfg.embeddings?.price
    ? { input: cfg.embeddings.price.input, output: 0 }
    : Object.hasOwn(table, model)
      ? table[model]
      : undefined;
  return atLeast(own, hostedPrice({ ...cfg, model }));
}

/** Model configs that call an endpoint but give no `price:` (their cost is reported as unpriced, not as $0). */
export function unpricedModels(scenario: Scenario): Set<string> {
  return new Set(
    Object.values(scenario.models)
      .filter((m) => traitsOf(m.provider).priced && !billedPrice(m))
      .map((m) => m.name),
  );
}

/** USD, rounded to 1e-9 so sums print cleanly and stay identical across runs. */
export function costUsd(tokens: ChatTokens, price: Price | undefined): number {
  if (!price) return 0;
  const cached = Math.min(tokens.cached_input_tokens ?? 0, tokens.input_tokens);
  const input = (tokens.input_tokens - cached) * price.input + cached * (price.cached_input ?? price.input);
  return Math.round((input + tokens.output_tokens * price.output) * 1e3) / 1e9;
}

export function usageOf(model: string, tokens: ChatTokens, price: Price | undefined): Usage {
  const u: Usage = {
    model,
    input_tokens: tokens.input_tokens,
    output_tokens: tokens.output_tokens,
    cost_usd: costUsd(tokens, price),
  };
  // Only where an endpoint reported cached tokens: traces of every other run stay as they were.
  if (tokens.cached_input_tokens) u.cached_input_tokens = tokens.cached_input_tokens;
  return u;
}

/**
 * Marks a decision's usage as answered from the response cache. A symbol, not a field: the trace
 * serialises usage with JSON, which skips symbols, so a replay's trace stays byte-identical to
 * the recorded run while the run's usage book can count what the cache saved.
 */
const FROM_CACHE = Symbol('from cache');

export function markCached(u: Usage): Usage {
  (u as Usage & { [FROM_CACHE]?: true })[FROM_CACHE] = true;
  return u;
}

export function isCached(u: Usage): boolean {
  return (u as Usage & { [FROM_CACHE]?: true })[FROM_CACHE] === true;
}
