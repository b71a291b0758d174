// The seed paper's qualitative claims, checked against an experiment's numbers.
import { formatReal } from '../analysis';
import type { Claim, ClaimFamily, ExactTest, ExperimentResult } from './types';
import { isolated as iso } from '../text/isolated';
import { coachingPair } from './coachingPair';
import { holmAdjust, noSpread, seedContrast, separationP, signP, type Contrast, type Estimate } from './statistics';
import { counted } from '../text/counted';
import type { DeclaredClaim } from '../format';
import { censoredText } from './censored';

/** The claim families in the order reports show them (types.ts ClaimFamily). */
export const CLAIM_FAMILIES: readonly ClaimFamily[] = ['declared', 'paper'];

/** A claim before it is filed in its family. */
type Tested = Omit<Claim, 'family'>;

/** How many claims of a family Holm's correction counts (m): those with a p-value. */
export function holmCount(claims: readonly Claim[]): number {
  return claims.filter((c) => c.holds !== null && c.p !== null && c.p !== undefined).length;
}

/** One-sided level of the exact tests: a two-sided 95% CI excludes 0 on one side at this level. */
export const EXACT_ALPHA = 0.025;

const f = (x: number | null | undefined, d = 3): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : formatReal(x, d);

/** A 95% CI as the evidence gives it ("95% CI 0.012 … 0.032", or a dash without one). */
const ciText = (ci95: [number, number] | null | undefined): string =>
  `95% CI ${ci95 ? `${f(ci95[0])} … ${f(ci95[1])}` : '—'}`;

/** What a 95% CI of a claimed positive effect decides: only one that excludes 0 decides either way. */
function decided(ci95: [number, number] | null | undefined): Pick<Claim, 'confident' | 'contradicted'> {
  return { confident: !!ci95 && ci95[0] > 0, contradicted: !!ci95 && ci95[1] < 0 };
}

/** What an exact test decides of a claimed positive effect whose observed size is `effect`. */
function decidedExactly(exact: ExactTest, effect: number): Pick<Claim, 'confident' | 'contradicted' | 'exact'> {
  const significant = exact.p <= EXACT_ALPHA;
  return { confident: significant && effect > 0, contradicted: significant && effect < 0, exact };
}

/**
 * Why a tested claim has no CI: fewer than two values in (one of) its groups, of `runs` finished
 * runs (fewer than the seeds when the experiment was stopped part-way).
 */
function noCiReason(n: number, runs: number): string | undefined {
  if (n >= 2) return undefined;
  return n === runs ? `no CI with ${counted(n, 'seed')}` : `no CI: a value in only ${counted(n, 'seed')}`;
}

/** What decides a claimed positive effect: the verdict fields a claim carries (claimVerdict.ts). */
export type Decision = Pick<Claim, 'confident' | 'contradicted' | 'exact'>;

/**
 * The decision on "the mean of these values is above 0" (an excess over a baseline, a value less
 * a number): its 95% CI, or, when every value is the same (sd 0, so the interval has zero width),
 * a sign test.
 */
export function estimateDecision(e: Estimate): { flat: boolean; decision: Decision } {
  // Every run's value the same (sd 0): its t-interval has zero width, and a sign test decides.
  const flat = e.n >= 2 && e.sd === 0 && e.mean !== null && e.mean !== 0;
  return {
    flat,
    decision: flat ? decidedExactly({ test: 'sign', p: signP(e.n) }, e.mean!) : decided(e.ci95),
  };
}

/**
 * The decision on "b is above a" over runs keyed by seed: their contrast, paired by seed (Welch
 * where seeds do not pair), and its 95% CI; or, with no spread to build an interval from (an
 * integer median degree often has none), an exact test. Paired: every seed's difference is the
 * same, a sign test; unpaired: neither condition varied, a permutation test.
 */
export function seedDecision(
  a: ReadonlyMap<number, number | null>,
  b: ReadonlyMap<number, number | null>,
): { contrast: Contrast; paired: boolean; flat: boolean; exact: ExactTest; decision: Decision } {
  const finite = (m: ReadonlyMap<number, number | null>): number[] =>
    [...m.values()].filter((v): v is number => v !== null && Number.isFinite(v));
  const av = finite(a),
    bv = finite(b);
  const c = seedContrast(a, b);
  const paired = c.test === 'paired t';
  const flat =
    Math.min(av.length, bv.length) >= 2 &&
    c.difference !== null &&
    c.difference !== 0 &&
    (paired ? c.ci95 !== null && c.ci95[0] === c.ci95[1] : noSpread(av) && noSpread(bv));
  const exact: ExactTest = paired
    ? { test: 'sign', p: signP(c.pairs!) }
    : { test: 'permutation', p: separationP(av.length, bv.length) };
  return {
    contrast: c,
    paired,
    flat,
    exact,
    decision: flat ? decidedExactly(exact, c.difference!) : decided(c.ci95),
  };
}

/**
 * The qualitative findings of "Learning to Make Friends" that an experiment can test: coaching
 * raises density and median degree; networks show reciprocity, clustering and homophily beyond a
 * density-matched random graph. "Holds" compares means; "confident" needs the 95% CI to exclude 0,
 * "contradicted" to exclude it the other way (claimVerdict: only those two decide a claim).
 * A claim without the numbers to decide it is not testable (holds: null), never "does not hold".
 * The scenario's declared claims come first; each family is Holm-adjusted on its own.
 */
export function paperClaims(r: ExperimentResult, declared: readonly DeclaredClaim[] = [], withPaper = true): Claim[] {
  const own = declaredClaims(r, declared);
  const paper = withPaper
    ? [...coachingClaims(r), ...networkClaims(r)].map((c): Claim => ({ ...c, family: 'paper' }))
    : [];
  for (const family of [own, paper]) {
    const adjusted = holmAdjust(family.map((c) => (c.holds === null ? null : (c.p ?? null))));
    family.forEach((c, i) => {
      c.p_holm = adjusted[i];
    });
  }
  return [...own, ...paper];
}

/** Reciprocity, clustering and homophily beyond each null model, per condition. */
function networkClaims(r: ExperimentResult): Tested[] {
  const claims: Tested[] = [];
  // Without a single tie in any run there is no network to compare with a random one.
  const networks = !r.runs.length || !r.runs.every((x) => x.metrics.ties === 0);
  const label: Record<string, string> = {
    reciprocity: 'Reciprocity',
    average_clustering: 'Clustering',
    group_assortativity: 'Homophily by group (group assortativity)',
  };
  const graphOf: Record<string, string> = {
    'G(n, m)': 'a density-matched random graph',
    'degree-preserving': 'a degree-preserving random graph',
  };
  for (const b of r.baselines) {
    // A metric undefined for this scenario (no groups, fewer than two agents) is no claim at all.
    if (b.observed.n === 0 || b.baseline.n === 0 || !networks) continue;
    const text = `${label[b.metric]} exceeds ${graphOf[b.null_model ?? 'G(n, m)']} (${iso(b.condition)})`;
    const { flat, decision } = estimateDecision(b.excess);
    const interval = flat ? `the same in all ${b.excess.n} runs` : ciText(b.excess.ci95);
    const evidence = `${f(b.observed.mean)} vs random ${f(b.baseline.mean)}; excess ${f(b.excess.mean)} (${interval})`;
    if (b.excess.mean === null) {
      claims.push({
        text,
        holds: null,
        confident: false,
        reason: 'no run has both the observed value and its baseline',
        evidence,
      });
      continue;
    }
    const reason = noCiReason(b.excess.n, r.runs.filter((x) => x.condition === b.condition).length);
    const tested = flat ? exactP('sign', signP(b.excess.n)) : { test: 'one-sample t', p: b.excess.p ?? null };
    claims.push({
      text,
      holds: b.excess.mean > 0,
      ...(b.excess.mean === 0 ? { noDifference: true } : {}),
      ...decision,
      ...tested,
      ...(reason ? { reason } : {}),
      evidence,
    });
  }
  return claims;
}

/** An exact one-sided test as a claim's two-sided p. */
function exactP(test: ExactTest['test'], oneSided: number): { test: string; p: number } {
  return { test: `exact ${test}`, p: Math.min(1, 2 * oneSided) };
}

/** "Coaching raises density / median degree", between two conditions that differ only in coaching. */
function coachingClaims(r: ExperimentResult): Tested[] {
  const pair = coachingPair(r.conditions);
  if (!pair) return [];
  const claims: Tested[] = [];
  for (const [metric, label] of [
    ['density', 'density'],
    ['median_undirected_degree', 'median degree'],
  ] as const) {
    const text = `Coaching raises ${label}`;
    if ('confounded' in pair) {
      // Crediting coaching with a difference another override may have caused would mislead.
      const { on, off, alsoDiffer } = pair.confounded;
      claims.push({
        text,
        holds: null,
        confident: false,
        reason: 'no two conditions differ only in coaching',
        evidence: `${iso(on.name)} and ${iso(off.name)} also differ in ${alsoDiffer.join(', ')}`,
      });
      continue;
    }
    claims.push(pairClaim(r, text, metric, label, pair.off.name, pair.on.name));
  }
  return claims;
}

/**
 * The claim that `metric` (`label` in words) is higher in condition `on` than in `off`, decided by
 * their contrast paired by seed (Welch where seeds do not pair): the coaching claims', and the
 * ones a scenario declares (declaredClaims.ts).
 */
export function pairClaim(
  r: ExperimentResult,
  text: string,
  metric: string,
  label: string,
  off: string,
  on: string,
): Tested {
  const finite = (xs: (number | null)[]): number[] => xs.filter((v): v is number => v !== null && Number.isFinite(v));
  const runsOf = (name: string) => r.runs.filter((x) => x.condition === name);
  const a = finite(runsOf(off).map((x) => x.metrics[metric] ?? null)),
    b = finite(runsOf(on).map((x) => x.metrics[metric] ?? null));
  if (!a.length || !b.length) {
    // A condition with no run at all (a cancelled experiment's) has no values to be undefined.
    const empty = [off, on].filter((n) => !runsOf(n).length);
    const reason = empty.length
      ? `no run of ${empty.map(iso).join(' and ')} finished`
      : `${label} is undefined in every run of ${[!a.length && off, !b.length && on]
          .filter((x): x is string => !!x)
          .map(iso)
          .join(' and ')}`;
    return {
      text,
      holds: null,
      confident: false,
      reason,
      evidence: `${label} has a value in ${a.length} of ${runsOf(off).length} runs of ${iso(off)} and ${b.length} of ${runsOf(on).length} of ${iso(on)}`,
    };
  }
  const bySeed = (name: string) => new Map(runsOf(name).map((x) => [x.seed, x.metrics[metric] ?? null]));
  const { contrast: c, paired, flat, exact, decision } = seedDecision(bySeed(off), bySeed(on));
  const reason = noCiReason(Math.min(a.length, b.length), Math.min(runsOf(off).length, runsOf(on).length));
  const interval = flat
    ? paired
      ? `the same in all ${c.pairs} seeds`
      : `each the same in all its runs`
    : ciText(c.ci95);
  const how = paired ? `paired by seed, ${c.pairs} pairs` : 'Welch, unpaired';
  return {
    text,
    holds: c.difference! > 0,
    ...(c.difference === 0 ? { noDifference: true as const } : {}),
    ...decision,
    ...(flat ? exactP(exact.test, exact.p) : { test: c.test, p: c.p ?? null }),
    ...(reason ? { reason } : {}),
    evidence: `${iso(on)} − ${iso(off)} = ${f(c.difference)} (${interval}; ${how}), Hedges' g ${f(c.hedges_g, 2)}`,
  };
}

/**
 * The claims a scenario's `experiment.claims` declares ("the lake lasts longer with fines"),
 * decided as the coaching claims are: the contrast of two conditions paired by seed, its 95% CI
 * (or an exact test when nothing varied), Holm-adjusted among themselves.
 */
export function declaredClaims(r: ExperimentResult, declared: readonly DeclaredClaim[]): Claim[] {
  const names = r.conditions.map((c) => c.name);
  return declared
    .map((d) => {
      const text = d.text ?? `${d.metric} is higher in ${iso(d.higher)} than in ${iso(d.than)}`;
      const unknown = [d.higher, d.than].filter((n) => !names.includes(n));
      if (unknown.length) {
        return {
          text,
          holds: null,
          confident: false,
          reason: `no condition named ${unknown.map(iso).join(' or ')}`,
          evidence: `conditions: ${names.map(iso).join(', ')}`,
        };
      }
      if (!r.runs.some((x) => d.metric in x.metrics)) {
        return { text, holds: null, confident: false, reason: `no run measured ${d.metric}`, evidence: '' };
      }
      const c = pairClaim(r, text, d.metric, d.metric, d.than, d.higher);
      // A time to a level: how many runs never got there (counted as rounds + 1).
      const never = c.holds === null ? undefined : censoredText(r.runs, d.metric, [d.higher, d.than]);
      return never ? { ...c, evidence: `${c.evidence}; ${never}` } : c;
    })
    .map((c): Claim => ({ ...c, family: 'declared' }));
}
