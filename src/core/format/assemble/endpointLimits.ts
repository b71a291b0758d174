// Rate limits belong to an endpoint, not to a model config: OpenAI and Azure limit per model (or
// deployment), a vLLM or Ollama server serves its model at one capacity. Two configs that call the
// same model at the same endpoint (say `default` at temperature 0.7 and `coach` at 0.2) therefore
// share one limiter, with the strictest of their limits, so together they stay within what the
// endpoint allows. Configs that differ only in limits are flagged by validation (SOC042).
import type { ModelConfig } from '../model/model';
import { OPENAI_BASE_URL, type Provider } from '../model/providers';
import { minOf } from '../../stats/extremes';

/** An endpoint's limits: calls in flight, requests and tokens per minute. */
export interface LimitSettings {
  concurrency: number;
  rpm?: number;
  tpm?: number;
}

/**
 * What identifies each provider's capacity; undefined for the offline model (no limits). A Record
 * over the providers table (format/model/providers.ts), so the compiler names a new provider here.
 */
const ENDPOINT_KEYS: Record<Provider, (cfg: ModelConfig) => string | undefined> = {
  offline: () => undefined,
  openai: (cfg) => {
    const model = cfg.azure ? `deployment ${cfg.azure.deployment}` : `model ${cfg.model ?? ''}`;
    return `${baseOf(cfg.base_url ?? OPENAI_BASE_URL)} ${model}`;
  },
  vscode: (cfg) => `vscode ${cfg.model ?? 'default'}`,
  // One model file in this process: its calls share one worker, whatever the config's name.
  local: (cfg) => `local ${cfg.model ?? ''}`,
};

/** What identifies an endpoint's capacity; undefined for the offline model (no limits). */
export function endpointKey(cfg: ModelConfig): string | undefined {
  return ENDPOINT_KEYS[cfg.provider](cfg);
}

/** Scheme, host (lower case), port and path without a trailing slash, credentials or query. */
function baseOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url.trim().replace(/\/+$/, '');
  }
}

export interface SharedLimits {
  /** Config names that share the endpoint, in the scenario's order. */
  models: string[];
  settings: LimitSettings;
}

/** The limits of `cfg`'s endpoint: the strictest concurrency, rpm and tpm of every config calling it. */
export function sharedLimits(cfg: ModelConfig, all: Readonly<Record<string, ModelConfig>>): SharedLimits {
  const key = endpointKey(cfg);
  const peers = key === undefined ? [cfg] : Object.values(all).filter((c) => endpointKey(c) === key);
  if (!peers.includes(cfg)) peers.push(cfg);
  const least = (pick: (c: ModelConfig) => number | undefined): number | undefined => {
    const values = peers.map(pick).filter((v): v is number => v !== undefined && v > 0);
    return values.length ? minOf(values) : undefined;
  };
  const settings: LimitSettings = { concurrency: Math.max(1, least((c) => c.concurrency) ?? 1) };
  const rpm = least((c) => c.rpm),
    tpm = least((c) => c.tpm);
  if (rpm !== undefined) settings.rpm = rpm;
  if (tpm !== undefined) settings.tpm = tpm;
  return { models: peers.map((c) => c.name), settings };
}

/**
 * One part of an endpoint's limits when `share` runs call it at once (an experiment's worker
 * threads, each with its own limiter): together they stay within what the endpoint allows.
 */
export function partOf(settings: LimitSettings, share: number): LimitSettings {
  if (!(share > 1)) return settings;
  const part = (v: number): number => Math.max(1, Math.floor(v / share));
  const out: LimitSettings = { concurrency: part(settings.concurrency) };
  if (settings.rpm !== undefined) out.rpm = part(settings.rpm);
  if (settings.tpm !== undefined) out.tpm = part(settings.tpm);
  return out;
}
