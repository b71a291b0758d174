// A model's price in USD per million tokens: its own file, so the table of known hosted prices
// (knownPrices.ts) and the usage arithmetic (usage.ts) both read it without reading each other.

export interface Price {
  input: number;
  output: number;
  /** USD per million input tokens served from the endpoint's prompt cache (default: `input`). */
  cached_input?: number;
}
