// The Society Studio settings that shape a run started in the editor, as plain data, and how they
// apply to a scenario. A scenario is a study that should run the same for everyone, so settings
// only fill what it leaves unset (the default model, a base URL) and cap what it asks of an
// endpoint (concurrency, rate limits: properties of your account, and the trace is identical at
// any concurrency). Runs, debug sessions and experiments started in the editor all apply them.
// No vscode here: the mapping is unit-tested in plain Node.
import { type ModelConfig, type Provider, type Scenario, isInstant, isProvider, traitsOf } from '../../core/format';
import { nameRecord } from '../../core/text/nameRecord';

export interface RunSettings {
  /** The model a scenario gets when its `models:` has no `default`. */
  defaultModel: { provider: Provider; model?: string; apiKeyEnv?: string };
  /** For OpenAI-compatible models without `base_url` (and without `azure`). */
  baseUrl?: string;
  /** Caps for every model that calls an endpoint; undefined: no cap. */
  concurrency?: number;
  rpm?: number;
  tpm?: number;
  /** USD; a run estimated above it asks first. Undefined: never ask. */
  costLimitUsd?: number;
  /** False: no prompt book (`society.run.keepPrompts` off, as --no-prompts). Absent: kept. */
  keepPrompts?: false;
}

/** Raw setting values (what `getConfiguration('society')` returns) as RunSettings: empty and 0 mean unset. */
export function runSettingsFrom(get: (key: string) => unknown): RunSettings {
  const text = (key: string): string | undefined => {
    const v = get(key);
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const positive = (key: string): number | undefined => {
    const v = get(key);
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
  };
  const whole = (key: string): number | undefined => {
    const v = positive(key);
    return v === undefined ? undefined : Math.max(1, Math.floor(v));
  };
  const provider = text('defaultModel.provider');
  return {
    defaultModel: {
      provider: provider !== undefined && isProvider(provider) ? provider : 'offline',
      ...(text('defaultModel.model') ? { model: text('defaultModel.model') } : {}),
      ...(text('defaultModel.apiKeyEnv') ? { apiKeyEnv: text('defaultModel.apiKeyEnv') } : {}),
    },
    baseUrl: text('baseUrl'),
    concurrency: whole('limits.concurrency'),
    rpm: whole('limits.requestsPerMinute'),
    tpm: whole('limits.tokensPerMinute'),
    costLimitUsd: positive('run.costLimit'),
    ...(get('run.keepPrompts') === false ? { keepPrompts: false as const } : {}),
  };
}

const cap = (value: number | undefined, limit: number | undefined): number | undefined =>
  limit === undefined ? value : value === undefined ? limit : Math.min(value, limit);

/** The scenario with the settings applied (a copy; the input is not changed). */
export function applyRunSettings(scenario: Scenario, settings: RunSettings): Scenario {
  const models: Record<string, ModelConfig> = nameRecord();
  for (const [name, written] of Object.entries(scenario.models)) {
    let m: ModelConfig = { ...written };
    // A model without a source was not written in the file: the implicit offline default.
    if (name === 'default' && !written.source && !isInstant({ provider: settings.defaultModel.provider })) {
      const { provider, model, apiKeyEnv } = settings.defaultModel;
      m = { ...m, provider, ...(model ? { model } : {}), ...(apiKeyEnv ? { api_key_env: apiKeyEnv } : {}) };
    }
    if (traitsOf(m.provider).endpoint && !m.base_url && !m.azure && settings.baseUrl) m.base_url = settings.baseUrl;
    if (!isInstant(m)) {
      m.concurrency = cap(m.concurrency, settings.concurrency)!;
      const rpm = cap(m.rpm, settings.rpm);
      const tpm = cap(m.tpm, settings.tpm);
      if (rpm !== undefined) m.rpm = rpm;
      if (tpm !== undefined) m.tpm = tpm;
    }
    models[name] = m;
  }
  return { ...scenario, models };
}
