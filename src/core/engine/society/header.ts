// The trace header for a run: format version, scenario content hash, seed, settings and the
// model settings with anything secret left out.
import { createHash } from 'node:crypto';
import { type ModelConfig, type Scenario, type Survey, settingsFromScenario } from '../../format';
import { TRACE_FORMAT, TRACE_FORMAT_VERSION, type ModelSettings, type TraceHeader } from '../../trace/events';
import { maskUrlCredentials } from '../../llm/redact';
import { currentProvenance } from '../../trace/provenance';

/** JSON with object keys sorted and `source` locations dropped, so the hash is about content only. */
export function canonicalJSON(value: unknown): string {
  return JSON.stringify(value, (key, v) => {
    if (key === 'source') return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return v;
  });
}

/**
 * The hash of what a run runs. A `calibration:` block only says what runs are compared with
 * afterwards, so it is left out: declaring or editing one neither changes a run's trace nor
 * unlinks finished runs from their scenario.
 */
export function scenarioHash(s: Scenario): string {
  return (
    'sha256:' +
    createHash('sha256')
      .update(canonicalJSON({ ...s, calibration: undefined }))
      .digest('hex')
  );
}

/** Header and headers-like fields never leave the process: they may carry keys; so may base_url. */
export function publicModelSettings(m: ModelConfig): ModelSettings {
  const out: ModelSettings = { name: m.name, provider: m.provider, concurrency: m.concurrency, on_error: m.on_error };
  if (m.model !== undefined) out.model = m.model;
  if (m.base_url !== undefined) out.base_url = maskUrlCredentials(m.base_url);
  if (m.temperature !== undefined) out.temperature = m.temperature;
  if (m.max_tokens !== undefined) out.max_tokens = m.max_tokens;
  if (m.seed !== undefined) out.seed = m.seed;
  if (m.embeddings) out.embeddings = { model: m.embeddings.model };
  return out;
}

/** Each instrument the surveys give, once, with its items' texts. */
function instrumentsOf(surveys: readonly Survey[]): NonNullable<TraceHeader['instruments']> {
  const byId = new Map(surveys.map((v) => [v.instrument.id, v.instrument]));
  return [...byId.values()].map((i) => ({
    id: i.id,
    title: i.title,
    items: i.items.map((q) => ({ id: q.id, text: q.text })),
  }));
}

export function buildHeader(s: Scenario, opts: { seed: number; rounds: number; file?: string }): TraceHeader {
  const settings = settingsFromScenario(s);
  settings.world.rounds = opts.rounds;
  return {
    type: 'header',
    format: TRACE_FORMAT,
    version: TRACE_FORMAT_VERSION,
    scenario: { name: s.name, hash: scenarioHash(s), ...(opts.file ? { file: opts.file } : {}) },
    seed: opts.seed,
    rounds: opts.rounds,
    settings,
    models: Object.fromEntries(Object.entries(s.models).map(([k, m]) => [k, publicModelSettings(m)])),
    ...(s.places ? { places: s.places.places.map((p) => ({ id: p.id, label: p.label })) } : {}),
    ...(s.surveys?.length ? { instruments: instrumentsOf(s.surveys) } : {}),
    provenance: currentProvenance(),
  };
}
