// The model providers a scenario can name, as one table: what each one is (its traits), so that
// validation, estimates, limits, prices, caching and the hosts ask the table rather than test a
// provider's name. Adding a provider is one entry here and one client factory in
// llm/registry.ts (a Record over these names, so the compiler names it); the schema's enum and the
// extension's settings are checked against this table by a test.

export interface ProviderTraits {
  /** Answers at once, free and offline (the offline rule-based model): no limits, prices, key or cache. */
  instant: boolean;
  /** Calls may carry a price per token (`price:`), so estimates and cost limits count them. */
  priced: boolean;
  /** Calls go to an HTTP endpoint: `base_url`, keys, rate limits and endpoint sharing apply. */
  endpoint: boolean;
  /** Decisions are asked for with a JSON Schema the model must follow (structured output). */
  structuredOutput: boolean;
  /** The provider can embed memories for relevance (`embeddings:`). */
  embeddings: boolean;
  /** Calls carry the config's sampling settings (`temperature`, `seed`). */
  sampling: boolean;
  /** Where a config without `base_url` sends its calls. */
  defaultBaseUrl?: string;
  /** How people are told which model answered. */
  label: string;
}

/** The OpenAI endpoint a config without `base_url` calls. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export const PROVIDERS = {
  offline: {
    instant: true,
    priced: false,
    endpoint: false,
    structuredOutput: true,
    embeddings: false,
    sampling: false,
    label: 'the offline rule-based model (not an LLM)',
  },
  openai: {
    instant: false,
    priced: true,
    endpoint: true,
    structuredOutput: true,
    embeddings: true,
    sampling: true,
    defaultBaseUrl: OPENAI_BASE_URL,
    label: 'an OpenAI-compatible endpoint',
  },
  vscode: {
    instant: false,
    priced: false,
    endpoint: false,
    structuredOutput: false,
    embeddings: false,
    sampling: false,
    label: 'a VS Code language model',
  },
  // A GGUF file run in this process (llm/local): free, no endpoint, answers constrained by a
  // grammar built from the same schemas the OpenAI path sends.
  local: {
    instant: false,
    priced: false,
    endpoint: false,
    structuredOutput: true,
    embeddings: true,
    sampling: true,
    label: 'a local GGUF model run in-process',
  },
} as const satisfies Record<string, ProviderTraits>;

export type Provider = keyof typeof PROVIDERS;

/** Provider names in table order (the schema's enum lists the same). */
export const PROVIDER_NAMES = Object.keys(PROVIDERS) as Provider[];

/** The traits of a provider. */
export function traitsOf(provider: Provider): ProviderTraits {
  return PROVIDERS[provider];
}

/** Whether `name` is a provider of the table (an own key: `constructor` is not one). */
export function isProvider(name: string): name is Provider {
  return Object.hasOwn(PROVIDERS, name);
}

/**
 * Whether a config's (or a recorded decision's) calls are instant and free — the offline model: no
 * limits, prices or cache apply. A name outside the table (an older trace's) is not instant.
 */
export function isInstant(cfg: { provider: string }): boolean {
  return isProvider(cfg.provider) && PROVIDERS[cfg.provider].instant;
}
