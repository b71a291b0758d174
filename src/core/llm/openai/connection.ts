// Builds the `openai` package client for a model config: plain OpenAI-compatible endpoints, or
// Azure OpenAI (deployment URL, api-version query, `api-key` header). The key is passed in by the
// registry; the package's own environment fallbacks are disabled so only the scenario decides.
import type OpenAI from 'openai';
import type { ModelConfig } from '../../format';
import { SENSITIVE_HEADER, maskUrlCredentials, type Redactor } from '../redact';
import { OPENAI_BASE_URL } from './defaults';
import { GatewayAwareAzureOpenAI, GatewayAwareOpenAI } from './gatewayErrors';

export { OPENAI_BASE_URL };
/** Sent when an endpoint needs no key (Ollama, vLLM, LM Studio): the client insists on one. */
export const NO_KEY = 'no-key';

export interface ConnectionOptions {
  apiKey?: string;
  fetch?: typeof fetch;
}

/**
 * `base_url` split into the URL and its query. The package appends paths to the base URL as a
 * string, so a query left in it would end up before `/chat/completions` (every call a 404).
 */
export function splitBaseUrl(baseUrl: string): { url: string; query: Record<string, string> } {
  const q = baseUrl.indexOf('?');
  if (q < 0) return { url: baseUrl, query: {} };
  const hash = baseUrl.indexOf('#', q);
  const search = baseUrl.slice(q + 1, hash < 0 ? undefined : hash);
  return { url: baseUrl.slice(0, q), query: Object.fromEntries(new URLSearchParams(search)) };
}

/** Registers the credentials in `base_url` (password, key-like query values) as secrets, as sensitive headers are. */
export function addUrlSecrets(cfg: ModelConfig, redactor: Redactor): void {
  if (!cfg.base_url) return;
  const { url, query } = splitBaseUrl(cfg.base_url);
  for (const [name, value] of Object.entries(query)) if (SENSITIVE_HEADER.test(name)) redactor.add(value);
  try {
    redactor.add(decodeURIComponent(new URL(url).password));
  } catch {
    /* validated elsewhere */
  }
}

/** The deployment a route goes to on Azure: embeddings have their own (`embeddings.model`). */
function azureDeployment(cfg: ModelConfig, route: 'chat/completions' | 'embeddings'): string | undefined {
  return route === 'embeddings' ? cfg.embeddings?.model : cfg.azure?.deployment;
}

export function connect(
  cfg: ModelConfig,
  opts: ConnectionOptions,
  route: 'chat/completions' | 'embeddings' = 'chat/completions',
): OpenAI {
  const { url, query } = splitBaseUrl(cfg.base_url ?? OPENAI_BASE_URL);
  const common = {
    apiKey: opts.apiKey ?? NO_KEY,
    organization: null,
    project: null,
    webhookSecret: null,
    adminAPIKey: null,
    maxRetries: 0, // retries are ours: backoff, Retry-After and the fault record
    timeout: cfg.timeout_ms + 5_000, // our per-attempt timeout fires first
    defaultHeaders: cfg.headers,
    ...(Object.keys(query).length ? { defaultQuery: query } : {}),
    logLevel: 'off' as const,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  };
  if (cfg.azure) {
    if (!cfg.base_url) {
      throw new Error(`model '${cfg.name}': Azure OpenAI needs base_url (https://<resource>.openai.azure.com)`);
    }
    return new GatewayAwareAzureOpenAI({
      ...common,
      endpoint: url,
      deployment: azureDeployment(cfg, route),
      apiVersion: cfg.azure.api_version,
    });
  }
  return new GatewayAwareOpenAI({ ...common, baseURL: url });
}

/** The URL a route is requested at, credentials masked: for failure messages. */
export function requestUrl(cfg: ModelConfig, route: 'chat/completions' | 'embeddings'): string {
  const { url, query } = splitBaseUrl(cfg.base_url ?? OPENAI_BASE_URL);
  const base = url.replace(/\/+$/, '');
  const params = new URLSearchParams(query);
  if (cfg.azure) params.set('api-version', cfg.azure.api_version);
  const path = cfg.azure ? `${base}/openai/deployments/${azureDeployment(cfg, route)}/${route}` : `${base}/${route}`;
  const search = params.toString();
  return maskUrlCredentials(search ? `${path}?${search}` : path);
}

/** The endpoint as recorded in cache identities: no credentials, no query. */
export function publicEndpoint(
  cfg: ModelConfig,
  route: 'chat/completions' | 'embeddings' = 'chat/completions',
): string {
  try {
    const u = new URL(cfg.base_url ?? OPENAI_BASE_URL);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    const base = u.toString().replace(/\/$/, '');
    return cfg.azure ? `${base}/deployments/${azureDeployment(cfg, route)}?api-version=${cfg.azure.api_version}` : base;
  } catch {
    return 'invalid-url';
  }
}
