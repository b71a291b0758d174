// The keys a provider hands out, each with the hosts that provider answers on: sending such a key
// there, over https on the default port, needs no word from the user (it goes where it came from).
// Every other pairing of a variable and a host does (keyRoute.ts). One entry per provider, each an
// exact host: Azure's key is not here, since its hosts are each user's own resources
// (`<resource>.openai.azure.com`) — it goes only to the resource the user names (issue 87).

export interface ConventionalKey {
  env: string;
  hosts: readonly string[];
}

export const CONVENTIONAL_KEYS: readonly ConventionalKey[] = [
  { env: 'OPENAI_API_KEY', hosts: ['api.openai.com'] },
  { env: 'OPENROUTER_API_KEY', hosts: ['openrouter.ai'] },
  { env: 'GROQ_API_KEY', hosts: ['api.groq.com'] },
  { env: 'MISTRAL_API_KEY', hosts: ['api.mistral.ai'] },
  { env: 'TOGETHER_API_KEY', hosts: ['api.together.xyz'] },
  { env: 'DEEPSEEK_API_KEY', hosts: ['api.deepseek.com'] },
  { env: 'FIREWORKS_API_KEY', hosts: ['api.fireworks.ai'] },
  { env: 'GEMINI_API_KEY', hosts: ['generativelanguage.googleapis.com'] },
];

/** Whether `env` is the conventional key of a provider answering on `host`. */
export function isConventional(env: string, host: string): boolean {
  return CONVENTIONAL_KEYS.some((k) => k.env === env && k.hosts.includes(host));
}
