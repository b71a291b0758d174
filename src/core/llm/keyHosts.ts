// The keys a provider hands out, each with the hosts that provider answers on: sending such a key
// there, over https on the default port, needs no word from the user (it goes where it came from).
// Every other pairing of a variable and a host does (keyRoute.ts). One entry per provider; a host
// `*.x` stands for any name ending in `.x`.

export interface ConventionalKey {
  env: string;
  hosts: readonly string[];
}

export const CONVENTIONAL_KEYS: readonly ConventionalKey[] = [
  { env: 'OPENAI_API_KEY', hosts: ['api.openai.com'] },
  { env: 'AZURE_OPENAI_API_KEY', hosts: ['*.openai.azure.com', '*.cognitiveservices.azure.com'] },
  { env: 'OPENROUTER_API_KEY', hosts: ['openrouter.ai'] },
  { env: 'GROQ_API_KEY', hosts: ['api.groq.com'] },
  { env: 'MISTRAL_API_KEY', hosts: ['api.mistral.ai'] },
  { env: 'TOGETHER_API_KEY', hosts: ['api.together.xyz'] },
  { env: 'DEEPSEEK_API_KEY', hosts: ['api.deepseek.com'] },
  { env: 'FIREWORKS_API_KEY', hosts: ['api.fireworks.ai'] },
  { env: 'GEMINI_API_KEY', hosts: ['generativelanguage.googleapis.com'] },
];

/** Whether `host` (normalised: lower case, no trailing dot) is one of `pattern`'s. */
function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

/** Whether `env` is the conventional key of a provider answering on `host`. */
export function isConventional(env: string, host: string): boolean {
  return CONVENTIONAL_KEYS.some((k) => k.env === env && k.hosts.some((p) => hostMatches(p, host)));
}
