// An endpoint's limits hold for the whole experiment. Each worker thread builds its own limiter,
// so `--jobs N` against an LLM endpoint let N × `concurrency` calls (and N × rpm, tpm) through at
// once. The workers share the limits instead: at most as many workers as the strictest endpoint
// has concurrent calls, each with its part of every limit.
import type { ModelConfig, Scenario } from '../format/model';

export interface WorkerLimits {
  /** Workers to run (at most what was asked). */
  jobs: number;
  /** The scenario each worker runs: every model's limits divided among the workers. */
  scenario: Scenario;
}

export function shareLimits(scenario: Scenario, jobs: number): WorkerLimits {
  const limited = Object.values(scenario.models).filter((m) => m.provider !== 'offline');
  if (jobs <= 1 || !limited.length) return { jobs, scenario };
  const workers = Math.max(1, Math.min(jobs, ...limited.map((m) => Math.max(1, m.concurrency || 1))));
  const part = (v: number | undefined): number | undefined => (v === undefined ? undefined : Math.max(1, Math.floor(v / workers)));
  const models: Record<string, ModelConfig> = {};
  for (const [name, m] of Object.entries(scenario.models)) {
    if (m.provider === 'offline') { models[name] = m; continue; }
    const shared: ModelConfig = { ...m, concurrency: part(m.concurrency || 1)! };
    if (m.rpm !== undefined) shared.rpm = part(m.rpm);
    if (m.tpm !== undefined) shared.tpm = part(m.tpm);
    models[name] = shared;
  }
  return { jobs: workers, scenario: { ...scenario, models } };
}
