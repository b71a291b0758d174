// Model settings that only some providers read (SOC043). A run ignores the rest without a word:
// `embeddings:` on an offline model ranked memories lexically, `base_url:` on a local one called
// nothing, `local:` on an endpoint changed nothing. One table, asked through the provider traits, so
// a new provider or setting is an entry here and never a silent setting.
import type { Diagnostic } from '../model/diagnostics';
import { PROVIDERS, isProvider, type Provider, type ProviderTraits } from '../model/providers';
import type { Locator } from '../syntax/locate';
import { type Obj, isObj, mk } from './checkKit';

interface FieldUse {
  /** Which providers read the setting. */
  reads(traits: ProviderTraits, provider: Provider): boolean;
  /** What the setting is for, for the message. */
  what: string;
}

const ENDPOINT = (t: ProviderTraits): boolean => t.endpoint;
const NOT_INSTANT = (t: ProviderTraits): boolean => !t.instant;

/** Settings written in the file (never defaults) that some providers ignore. */
export const PROVIDER_FIELDS: Readonly<Record<string, FieldUse>> = {
  embeddings: { reads: (t) => t.embeddings, what: 'memory relevance from embeddings' },
  local: { reads: (_t, p) => p === 'local', what: 'how a local GGUF model is run' },
  base_url: { reads: ENDPOINT, what: 'the endpoint calls go to' },
  api_key_env: { reads: ENDPOINT, what: "the endpoint's key" },
  headers: { reads: ENDPOINT, what: 'HTTP headers of endpoint calls' },
  azure: { reads: ENDPOINT, what: 'an Azure OpenAI deployment' },
  price: { reads: (t) => t.priced, what: 'the price of tokens' },
  temperature: { reads: (t) => t.sampling, what: "a language model's sampling" },
  max_tokens: { reads: NOT_INSTANT, what: "a language model's answer length" },
  prompt_layout: { reads: NOT_INSTANT, what: "a language model's prompts" },
  rpm: { reads: NOT_INSTANT, what: 'a rate limit on calls' },
  tpm: { reads: NOT_INSTANT, what: 'a rate limit on tokens' },
};

/** A warning at each setting of `models.<name>` that its provider does not read. */
export function providerFieldDiagnostics(models: Obj, at: Locator, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, m] of Object.entries(models)) {
    if (!isObj(m)) continue;
    const provider = m.provider ?? 'offline';
    // An unknown provider is the schema's error; this check speaks of known ones only.
    if (typeof provider !== 'string' || !isProvider(provider)) continue;
    const traits = PROVIDERS[provider];
    for (const field of Object.keys(m)) {
      const use = Object.hasOwn(PROVIDER_FIELDS, field) ? PROVIDER_FIELDS[field] : undefined;
      if (!use || use.reads(traits, provider)) continue;
      const readers = (Object.keys(PROVIDERS) as Provider[]).filter((p) => use.reads(PROVIDERS[p], p));
      const list = readers.map((p) => `'${p}'`).join(', ');
      out.push(
        mk(
          'SOC043',
          'warning',
          `\`${field}\` of model '${name}' is ignored: provider '${provider}' does not read it ` +
            `(it sets ${use.what}, for ${readers.length === 1 ? 'provider' : 'providers'} ${list}); remove it, or change the provider`,
          file,
          at.keyRange(['models', name, field]),
        ),
      );
    }
  }
  return out;
}
