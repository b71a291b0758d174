// From run outcomes to findings: per metric and condition a mean with its 95% CI, each condition
// against the reference condition (difference, CI, Hedges' g), each condition against the
// density-matched random baseline (paired by run), and the seed paper's qualitative claims
// checked against those numbers (paperClaims.ts).
import { type DeclaredClaim, type ExperimentCondition, parseTimeOutcome } from '../format';
import { BASELINE_METRICS, OUTCOME_METRICS, type RunOutcome } from './outcome';
import { appliesKey, EVERY_WORLD } from '../analysis';
import type { WorldFacts } from '../analysis';
import { STATE_METRIC } from './stateOutcomes';
import { paperClaims } from './paperClaims';
import { estimate, seedContrast } from './statistics';
import type { BaselineComparison, ConditionContrast, ExperimentResult, NullModel } from './types';

/** The null models a run's network is compared with, in the order reports show them. */
export const NULL_MODELS: readonly NullModel[] = ['G(n, m)', 'degree-preserving'];

/** Why `reference` names no condition of the experiment, or undefined when it does (or is not given). */
export function unknownReference(
  conditions: readonly { name: string }[],
  reference: string | undefined,
): string | undefined {
  if (reference === undefined || conditions.some((c) => c.name === reference)) return undefined;
  return `unknown reference condition '${reference}' (conditions: ${conditions.map((c) => c.name).join(', ')})`;
}

export function analyzeExperiment(
  scenario: string,
  conditions: ExperimentCondition[],
  seeds: number[],
  runs: RunOutcome[],
  options: {
    reference?: string;
    metrics?: string[];
    claims?: DeclaredClaim[];
    world?: WorldFacts;
    paperClaims?: boolean;
  } = {},
): ExperimentResult {
  const world = options.world ?? EVERY_WORLD;
  const applying = (m: string) => appliesKey(m, world);
  const names = conditions.map((c) => c.name);
  const reference = options.reference ?? names[0];
  const unknown = unknownReference(conditions, reference);
  if (unknown) throw new Error(unknown);
  const wanted = options.metrics?.length ? options.metrics : [...OUTCOME_METRICS];
  // The declared state's outcomes (stateOutcomes.ts) come after the network's, in the runs' order.
  const stateMetrics = [...new Set(runs.flatMap((r) => Object.keys(r.metrics).filter((k) => STATE_METRIC.test(k))))];
  const metrics = [
    ...[
      ...new Set([
        ...wanted.filter((m) => (OUTCOME_METRICS as readonly string[]).includes(m)),
        'density',
        'median_undirected_degree',
        ...BASELINE_METRICS,
      ]),
    ]
      .filter(applying)
      .sort((a, b) => OUTCOME_METRICS.indexOf(a as never) - OUTCOME_METRICS.indexOf(b as never)),
    ...stateMetrics.filter((m) => !options.metrics?.length || options.metrics.includes(m)),
    // Time outcomes last: runs compute only those the experiment names (its metrics and claims).
    ...new Set(runs.flatMap((r) => Object.keys(r.metrics).filter((k) => parseTimeOutcome(k) !== undefined))),
  ];
  const of = (condition: string): RunOutcome[] => runs.filter((r) => r.condition === condition);
  const values = (condition: string, metric: string): (number | null)[] =>
    of(condition).map((r) => r.metrics[metric] ?? null);
  // Conditions share seeds, so runs are paired by seed wherever both conditions have the seed.
  const bySeed = (condition: string, metric: string): Map<number, number | null> =>
    new Map(of(condition).map((r) => [r.seed, r.metrics[metric] ?? null]));

  const summaries = metrics.map((metric) => ({
    metric,
    byCondition: Object.fromEntries(names.map((c) => [c, estimate(values(c, metric))])),
  }));
  const contrasts: ConditionContrast[] = [];
  for (const metric of metrics) {
    for (const c of names) {
      if (c !== reference) {
        contrasts.push({
          metric,
          reference,
          condition: c,
          result: seedContrast(bySeed(reference, metric), bySeed(c, metric)),
        });
      }
    }
  }
  const baselines: BaselineComparison[] = [];
  for (const null_model of NULL_MODELS) {
    for (const metric of BASELINE_METRICS.filter(applying)) {
      for (const c of names) {
        const rs = of(c);
        const observed = rs.map((r) => r.metrics[metric] ?? null);
        const base = rs.map((r) => (null_model === 'G(n, m)' ? r.baseline : (r.degree_baseline ?? {}))[metric] ?? null);
        const excess = rs.map((r, i) => (observed[i] !== null && base[i] !== null ? observed[i]! - base[i]! : null));
        baselines.push({
          metric,
          condition: c,
          null_model,
          observed: estimate(observed),
          baseline: estimate(base),
          excess: estimate(excess),
        });
      }
    }
  }
  const result: ExperimentResult = {
    scenario,
    ...(options.world ? { world } : {}),
    conditions,
    reference,
    seeds,
    metrics,
    runs,
    summaries,
    contrasts,
    baselines,
    claims: [],
    ...(options.paperClaims === false ? { paper_claims: false as const } : {}),
  };
  result.claims = paperClaims(result, options.claims, options.paperClaims !== false);
  return result;
}
