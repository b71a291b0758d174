// Builds the `openai` package client for a model config: plain OpenAI-compatible endpoints, or
// Azure OpenAI (deployment URL, api-version query, `api-key` header). The key is passed in by the
// registry; the package's own environment fallbacks are disabled so only the scenario decides.
import OpenAI, { AzureOpenAI } from 'openai';
import type { ModelConfig } from '../../format/model';
import { OPENAI_BASE_URL } from './defaults';

export { OPENAI_BASE_URL };
/** Sent when an endpoint needs no key (Ollama, vLLM, LM Studio): the client insists on one. */
export const NO_KEY = 'no-key';

export interface ConnectionOptions {
  apiKey?: string;
  fetch?: typeof fetch;
}

export function connect(cfg: ModelConfig, opts: ConnectionOptions): OpenAI {
  const common = {
    apiKey: opts.apiKey ?? NO_KEY,
    organization: null,
    project: null,
    webhookSecret: null,
    adminAPIKey: null,
    maxRetries: 0, // retries are ours: backoff, Retry-After and the fault record
    timeout: cfg.timeout_ms + 5_000, // our per-attempt timeout fires first
    defaultHeaders: cfg.headers,
    logLevel: 'off' as const,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  };
  if (cfg.azure) {
    if (!cfg.base_url) throw new Error(`model '${cfg.name}': Azure OpenAI needs base_url (https://<resource>.openai.azure.com)`);
    return new AzureOpenAI({
      ...common, endpoint: cfg.base_url, deployment: cfg.azure.deployment, apiVersion: cfg.azure.api_version,
    });
  }
  return new OpenAI({ ...common, baseURL: cfg.base_url ?? OPENAI_BASE_URL });
}

/** The endpoint as recorded in cache identities: no credentials, no query. */
export function publicEndpoint(cfg: ModelConfig): string {
  try {
    const u = new URL(cfg.base_url ?? OPENAI_BASE_URL);
    u.username = ''; u.password = ''; u.search = ''; u.hash = '';
    const base = u.toString().replace(/\/$/, '');
    return cfg.azure ? `${base}/deployments/${cfg.azure.deployment}?api-version=${cfg.azure.api_version}` : base;
  } catch {
    return 'invalid-url';
  }
}
