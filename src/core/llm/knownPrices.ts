// What hosted models cost, per million tokens (USD, the providers' list prices), as a floor under
// a file's own `price:`: a shared file must not price gpt-4o at $0 to pass a cost limit, nor leave
// it unpriced. It applies only where the host is the provider's own (api.openai.com, Azure
// OpenAI), and only to models named here, a dated snapshot (gpt-4o-2024-08-06) included; other
// hosts and names keep the file's price. One entry per model.
import type { ModelConfig } from '../format';
import { baseUrlOf, keyTarget } from './keyRoute';
import type { Price } from './price';

export const KNOWN_PRICES: Readonly<Record<string, Price>> = {
  'gpt-5': { input: 1.25, output: 10, cached_input: 0.125 },
  'gpt-5-mini': { input: 0.25, output: 2, cached_input: 0.025 },
  'gpt-5-nano': { input: 0.05, output: 0.4, cached_input: 0.005 },
  'gpt-4.1': { input: 2, output: 8, cached_input: 0.5 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6, cached_input: 0.1 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4, cached_input: 0.025 },
  'gpt-4o': { input: 2.5, output: 10, cached_input: 1.25 },
  'gpt-4o-mini': { input: 0.15, output: 0.6, cached_input: 0.075 },
  'gpt-4-turbo': { input: 10, output: 30 },
  'gpt-4': { input: 30, output: 60 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  o1: { input: 15, output: 60, cached_input: 7.5 },
  'o1-mini': { input: 1.1, output: 4.4, cached_input: 0.55 },
  o3: { input: 2, output: 8, cached_input: 0.5 },
  'o3-mini': { input: 1.1, output: 4.4, cached_input: 0.55 },
  'o4-mini': { input: 1.1, output: 4.4, cached_input: 0.275 },
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
  'text-embedding-ada-002': { input: 0.1, output: 0 },
};

/** Hosts that bill at the list prices above. */
const HOSTED = [/^api\.openai\.com$/, /\.openai\.azure\.com$/, /\.cognitiveservices\.azure\.com$/];

/** The list price of `model` (a dated snapshot: its family's), if it is known. */
export function knownPrice(model: string | undefined): Price | undefined {
  if (model === undefined) return undefined;
  const name = model.toLowerCase();
  return Object.hasOwn(KNOWN_PRICES, name)
    ? KNOWN_PRICES[name]
    : Object.hasOwn(KNOWN_PRICES, name.replace(/-\d{4}-\d{2}-\d{2}$/, ''))
      ? KNOWN_PRICES[name.replace(/-\d{4}-\d{2}-\d{2}$/, '')]
      : undefined;
}

/** The list price a config's calls are billed at, when its host and model are known ones. */
export function hostedPrice(cfg: Pick<ModelConfig, 'provider' | 'base_url' | 'model'>): Price | undefined {
  const host = keyTarget(baseUrlOf(cfg))?.host;
  return host && HOSTED.some((h) => h.test(host)) ? knownPrice(cfg.model) : undefined;
}

/** `own` raised to `floor` where lower, each figure on its own; `floor` when there is no `own`. */
export function atLeast(own: Price | undefined, floor: Price | undefined): Price | undefined {
  if (!floor) return own;
  if (!own) return floor;
  const cached = Math.max(own.cached_input ?? own.input, floor.cached_input ?? floor.input);
  return {
    input: Math.max(own.input, floor.input),
    output: Math.max(own.output, floor.output),
    ...(own.cached_input !== undefined || floor.cached_input !== undefined ? { cached_input: cached } : {}),
  };
}
