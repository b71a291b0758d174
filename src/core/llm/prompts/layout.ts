// Which block opens every prompt. `handbook`: every kind's task and answer shape, the same bytes
// for every call of a run, so a prefix cache holds one long prefix (friends: 86% of prompt
// characters a cached prefix) — at ~550 more input tokens a call. `per_kind`: only the call's own
// kind (69%, fewer tokens). Measured in bench/promptCache.ts, the handbook is cheaper only when
// cached input costs at most ~13% of input (Anthropic's cache reads, DeepSeek, a self-hosted
// server); at OpenAI's 50% or with no cache it is dearer. `auto` decides from the model's price.
export type PromptLayout = 'handbook' | 'per_kind';
export type PromptLayoutSetting = PromptLayout | 'auto';

/** Cached-input price over input price at or below which the handbook pays (bench/promptCache.ts). */
export const HANDBOOK_BREAK_EVEN = 0.125;

export interface LayoutPrice {
  input: number;
  cached_input?: number;
}

/** The layout a model's calls use: the declared one, or for `auto` (the default) the cheaper by price. */
export function promptLayout(setting: PromptLayoutSetting | undefined, price: LayoutPrice | undefined): PromptLayout {
  if (setting === 'handbook' || setting === 'per_kind') return setting;
  if (!price || price.cached_input === undefined || !(price.input > 0)) return 'per_kind';
  return price.cached_input / price.input <= HANDBOOK_BREAK_EVEN ? 'handbook' : 'per_kind';
}
