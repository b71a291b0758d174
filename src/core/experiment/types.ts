// An experiment's findings and the claims checked against them: the shapes analyze.ts builds and
// paperClaims.ts reads, below both so neither imports the other's module for a type.
import type { WorldFacts } from '../analysis';
import type { ExperimentCondition } from '../format';
import type { RunOutcome } from './outcome';
import type { Contrast, Estimate } from './statistics';

export interface MetricSummary {
  metric: string;
  byCondition: Record<string, Estimate>;
}
export interface ConditionContrast {
  metric: string;
  reference: string;
  condition: string;
  result: Contrast;
}
/** The null models a run's network is compared with. */
export type NullModel = 'G(n, m)' | 'degree-preserving';

export interface BaselineComparison {
  metric: string;
  condition: string;
  /** G(n, m): same agents and tie count; degree-preserving: the run's own ties rewired, every agent's in- and out-degree kept. */
  null_model: NullModel;
  observed: Estimate;
  baseline: Estimate;
  excess: Estimate;
}

export interface ExperimentResult {
  scenario: string;
  /**
   * What the scenario's world provides (ties, rewards): the metrics, baselines and series shown are
   * those that apply. Absent in results from before it was recorded: every metric applies.
   */
  world?: WorldFacts;
  conditions: ExperimentCondition[];
  reference: string;
  seeds: number[];
  metrics: string[];
  runs: RunOutcome[];
  summaries: MetricSummary[];
  contrasts: ConditionContrast[];
  baselines: BaselineComparison[];
  claims: Claim[];
  /** false: the seed paper's claims were not asked for (experiment.paper_claims, paperClaimsApply), so none is tested and no null model is explained. */
  paper_claims?: false;
}

export interface Claim {
  text: string;
  /** The means point the claimed way; null when the claim cannot be tested here (`reason` says why). */
  holds: boolean | null;
  /** The 95% CI excludes 0 in the claimed direction. */
  confident: boolean;
  /** The 95% CI excludes 0 in the other direction: the data contradict the claim. */
  contradicted?: boolean;
  /** The means are equal: the claim's mean points neither way. */
  noDifference?: true;
  /** Why the claim is not testable, or why a tested one has no CI (fewer than two seeds with a value). */
  reason?: string;
  /**
   * When no run varied, the t-interval has zero width and decides nothing: the claim is decided by
   * this exact test instead, one-sided at 0.025 (as a two-sided 95% CI is).
   */
  exact?: ExactTest;
  /** The test behind the verdict: 'paired t', 'Welch t', 'one-sample t' (of the paired excess over a baseline), or an exact test. */
  test?: string;
  /** Two-sided p-value of that test (exact tests: twice the one-sided p, at most 1); null when no test applies. */
  p?: number | null;
  /** Holm-adjusted p across the claims of its family (the claims whose verdicts are drawn together). */
  p_holm?: number | null;
  evidence: string;
  family: ClaimFamily;
}

/**
 * The claims Holm's correction takes together: the scenario's own (`experiment.claims`), and the
 * seed paper's that every experiment tests where it can (coaching, network against random graphs).
 * Apart, so that a study of a lake does not lose power to twelve network claims it never made.
 */
export type ClaimFamily = 'declared' | 'paper';

export interface ExactTest {
  test: 'permutation' | 'sign';
  p: number;
}
