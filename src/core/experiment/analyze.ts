// From run outcomes to findings: per metric and condition a mean with its 95% CI, each condition
// against the reference condition (difference, CI, Hedges' g), each condition against the
// density-matched random baseline (paired by run), and the seed paper's qualitative claims
// checked against those numbers.
import type { ExperimentCondition } from '../format/model';
import { BASELINE_METRICS, OUTCOME_METRICS, type RunOutcome } from './outcome';
import { contrast, estimate, type Contrast, type Estimate } from './statistics';

export interface MetricSummary { metric: string; byCondition: Record<string, Estimate> }
export interface ConditionContrast { metric: string; reference: string; condition: string; result: Contrast }
export interface BaselineComparison { metric: string; condition: string; observed: Estimate; baseline: Estimate; excess: Estimate }
export interface Claim { text: string; holds: boolean; confident: boolean; evidence: string }

export interface ExperimentResult {
  scenario: string;
  conditions: ExperimentCondition[];
  reference: string;
  seeds: number[];
  metrics: string[];
  runs: RunOutcome[];
  summaries: MetricSummary[];
  contrasts: ConditionContrast[];
  baselines: BaselineComparison[];
  claims: Claim[];
}

export function analyzeExperiment(scenario: string, conditions: ExperimentCondition[], seeds: number[], runs: RunOutcome[], options: { reference?: string; metrics?: string[] } = {}): ExperimentResult {
  const names = conditions.map((c) => c.name);
  const reference = options.reference ?? names[0];
  if (!names.includes(reference)) throw new Error(`unknown reference condition '${reference}' (conditions: ${names.join(', ')})`);
  const wanted = options.metrics?.length ? options.metrics : [...OUTCOME_METRICS];
  const metrics = [...new Set([...wanted.filter((m) => (OUTCOME_METRICS as readonly string[]).includes(m)), 'density', 'median_undirected_degree', ...BASELINE_METRICS])]
    .sort((a, b) => OUTCOME_METRICS.indexOf(a as never) - OUTCOME_METRICS.indexOf(b as never));
  const of = (condition: string): RunOutcome[] => runs.filter((r) => r.condition === condition);
  const values = (condition: string, metric: string): (number | null)[] => of(condition).map((r) => r.metrics[metric] ?? null);

  const summaries = metrics.map((metric) => ({ metric, byCondition: Object.fromEntries(names.map((c) => [c, estimate(values(c, metric))])) }));
  const contrasts: ConditionContrast[] = [];
  for (const metric of metrics) {
    for (const c of names) if (c !== reference) contrasts.push({ metric, reference, condition: c, result: contrast(values(reference, metric), values(c, metric)) });
  }
  const baselines: BaselineComparison[] = [];
  for (const metric of BASELINE_METRICS) {
    for (const c of names) {
      const rs = of(c);
      const observed = rs.map((r) => r.metrics[metric] ?? null);
      const base = rs.map((r) => r.baseline[metric] ?? null);
      const excess = rs.map((r, i) => (observed[i] !== null && base[i] !== null ? observed[i]! - base[i]! : null));
      baselines.push({ metric, condition: c, observed: estimate(observed), baseline: estimate(base), excess: estimate(excess) });
    }
  }
  const result: ExperimentResult = { scenario, conditions, reference, seeds, metrics, runs, summaries, contrasts, baselines, claims: [] };
  result.claims = paperClaims(result);
  return result;
}

const f = (x: number | null | undefined, d = 3): string => (x === null || x === undefined ? '—' : x.toFixed(d));

/**
 * The qualitative findings of "Learning to Make Friends" that an experiment can test: coaching
 * raises density and median degree; networks show reciprocity, clustering and homophily beyond a
 * density-matched random graph. "Holds" compares means; "confident" needs the 95% CI to exclude 0.
 */
export function paperClaims(r: ExperimentResult): Claim[] {
  const claims: Claim[] = [];
  const coaching = (c: ExperimentCondition): boolean | undefined => {
    const v = c.set['coaching.enabled'] ?? (c.set.coaching as Record<string, unknown> | undefined)?.enabled;
    return typeof v === 'boolean' ? v : undefined;
  };
  const on = r.conditions.find((c) => coaching(c) === true);
  const off = r.conditions.find((c) => coaching(c) === false);
  if (on && off) {
    for (const [metric, label] of [['density', 'density'], ['median_undirected_degree', 'median degree']] as const) {
      const values = (name: string) => r.runs.filter((x) => x.condition === name).map((x) => x.metrics[metric] ?? null);
      const c = contrast(values(off.name), values(on.name));
      claims.push({
        text: `Coaching raises ${label}`,
        holds: (c.difference ?? 0) > 0,
        confident: !!c.ci95 && c.ci95[0] > 0,
        evidence: `${on.name} − ${off.name} = ${f(c.difference)} (95% CI ${c.ci95 ? `${f(c.ci95[0])} … ${f(c.ci95[1])}` : '—'}), Hedges' g ${f(c.hedges_g, 2)}`,
      });
    }
  }
  const label: Record<string, string> = { reciprocity: 'Reciprocity', average_clustering: 'Clustering', group_assortativity: 'Interest homophily (group assortativity)' };
  for (const b of r.baselines) {
    if (b.observed.n === 0 || b.baseline.n === 0) continue;
    claims.push({
      text: `${label[b.metric]} exceeds a density-matched random graph (${b.condition})`,
      holds: (b.excess.mean ?? 0) > 0,
      confident: !!b.excess.ci95 && b.excess.ci95[0] > 0,
      evidence: `${f(b.observed.mean)} vs random ${f(b.baseline.mean)}; excess ${f(b.excess.mean)} (95% CI ${b.excess.ci95 ? `${f(b.excess.ci95[0])} … ${f(b.excess.ci95[1])}` : '—'})`,
    });
  }
  return claims;
}
