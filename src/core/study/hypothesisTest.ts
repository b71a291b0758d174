// A hypothesis tested on one model's runs: its effect per seed ((A − B), or (A − B) − (C − D) for
// a contrast of contrasts), a paired t-interval at the level the seed plan allows (α / looks),
// the two-sided p, and the verdict against the expected sign and the smallest effect of interest.
// Where no seed's effect differs from another's (a deterministic rule), the t-interval has zero
// width and decides nothing: a sign test over the seeds decides instead, and says so.
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile, studentTTwoSided } from '../stats/distributions';
import { effectWeights, type StudyHypothesis } from '../format';
import type { RunOutcome } from '../experiment';
import { maxOf } from '../stats/extremes';

/** What a test reads of a run: its condition, seed and outcomes. */
export type SeedRun = Pick<RunOutcome, 'condition' | 'seed' | 'metrics'>;

/** supported: the CI excludes 0 the expected way (and Holm's p < α); contradicted: the other way; negligible: the CI lies within ± the smallest effect. */
export type StudyVerdict = 'supported' | 'contradicted' | 'negligible' | 'inconclusive' | 'untested';

export interface HypothesisTest {
  /** Seeds with a value in every condition the effect reads. */
  n: number;
  effect: number | null;
  sd: number | null;
  /** The interval at the plan's level (`level`), e.g. 0.95, or 0.983 at three looks. */
  ci: [number, number] | null;
  level: number;
  test: 'paired t' | 'sign test' | 'none';
  p: number | null;
  /** Holm-adjusted across the study's hypotheses on this model; filled by holmAcross. */
  p_holm?: number | null;
  verdict: StudyVerdict;
  /** |effect| ≥ the smallest effect of interest. */
  meaningful: boolean;
  /** Why the verdict is untested or what decided it, in words. */
  note?: string;
  /** Each seed's effect, for tools and the write-up's tables. */
  by_seed: { seed: number; effect: number }[];
}

/** Each seed's value of `metric` in `condition` (null where the run has none). */
function valuesBySeed(runs: readonly SeedRun[], metric: string, condition: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of runs) {
    if (r.condition !== condition) continue;
    const v = r.metrics[metric];
    if (typeof v === 'number' && Number.isFinite(v)) out.set(r.seed, v);
  }
  return out;
}

/** The hypothesis' effect in each seed that has every condition it reads. */
export function seedEffects(h: StudyHypothesis, runs: readonly SeedRun[]): { seed: number; effect: number }[] {
  const weights = [...effectWeights(h.effect)].filter(([, w]) => w !== 0);
  const columns = weights.map(([c, w]) => [valuesBySeed(runs, h.metric, c), w] as const);
  const seeds = [...new Set(runs.map((r) => r.seed))].sort((a, b) => a - b);
  const out: { seed: number; effect: number }[] = [];
  for (const seed of seeds) {
    if (!columns.every(([values]) => values.has(seed))) continue;
    out.push({ seed, effect: columns.reduce((s, [values, w]) => s + w * values.get(seed)!, 0) });
  }
  return out;
}

/** Differences this small against the values' scale are rounding (two sums in another order), not data. */
const NOISE = 1e-9;

export function testHypothesis(h: StudyHypothesis, runs: readonly SeedRun[], alpha: number): HypothesisTest {
  const bySeed = seedEffects(h, runs);
  const level = 1 - alpha;
  const base = { n: bySeed.length, level, by_seed: bySeed };
  if (bySeed.length < 2) {
    return {
      ...base,
      effect: bySeed[0]?.effect ?? null,
      sd: null,
      ci: null,
      test: 'none',
      p: null,
      verdict: 'untested',
      meaningful: false,
      note: bySeed.length
        ? 'one seed has every condition: no interval'
        : 'no seed has a value in every condition it reads',
    };
  }
  const xs = bySeed.map((s) => s.effect);
  const scale = Math.max(maxOf(xs.map(Math.abs)), 1e-300);
  const m = mean(xs);
  const flat = xs.every((x) => Math.abs(x - xs[0]) <= NOISE * scale);
  const sign = h.expect === 'higher' ? 1 : -1;
  if (flat) {
    // Every seed gave the same effect: a sign test over the seeds (two-sided).
    const zero = Math.abs(m) <= NOISE * scale;
    const p = zero ? 1 : Math.min(1, 2 * 0.5 ** xs.length);
    const decided = !zero && p < alpha;
    return {
      ...base,
      effect: zero ? 0 : m,
      sd: 0,
      ci: [m, m],
      test: 'sign test',
      p,
      verdict: zero ? 'negligible' : decided ? (Math.sign(m) === sign ? 'supported' : 'contradicted') : 'inconclusive',
      meaningful: Math.abs(m) >= h.smallest_effect,
      note: 'every seed gave the same effect (no seed-to-seed variation): decided by a sign test, not a t-interval',
    };
  }
  const sd = sampleStandardDeviation(xs);
  const se = sd / Math.sqrt(xs.length);
  const half = studentTQuantile(1 - alpha / 2, xs.length - 1) * se;
  const ci: [number, number] = [m - half, m + half];
  const p = studentTTwoSided(m / se, xs.length - 1);
  return {
    ...base,
    effect: m,
    sd,
    ci,
    test: 'paired t',
    p,
    verdict: verdictOf(ci, sign, h.smallest_effect),
    meaningful: Math.abs(m) >= h.smallest_effect,
  };
}

function verdictOf(ci: [number, number], sign: 1 | -1, smallest: number): StudyVerdict {
  const [lo, hi] = ci;
  if (lo > 0 || hi < 0) return Math.sign(lo > 0 ? 1 : -1) === sign ? 'supported' : 'contradicted';
  if (lo > -smallest && hi < smallest) return 'negligible';
  return 'inconclusive';
}

/**
 * Holm's step-down correction across one model's hypotheses: a supported or contradicted verdict
 * whose adjusted p is not below α becomes inconclusive (the CI alone is per hypothesis).
 */
export function holmAcross(tests: HypothesisTest[], alpha: number): void {
  const order = tests
    .map((t, i) => [t.p, i] as const)
    .filter((x): x is readonly [number, number] => x[0] !== null)
    .sort((a, b) => a[0] - b[0]);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (order.length - rank) * p));
    tests[i].p_holm = running;
  });
  for (const t of tests) {
    if (t.p_holm === undefined) t.p_holm = null;
    if ((t.verdict === 'supported' || t.verdict === 'contradicted') && !(t.p_holm !== null && t.p_holm < alpha)) {
      t.note = `${t.note ? `${t.note}; ` : ''}the CI excludes 0 but Holm's p ${t.p_holm?.toPrecision(2) ?? '—'} across the study's hypotheses is not below ${alpha.toPrecision(2)}`;
      t.verdict = 'inconclusive';
    }
  }
}

/** Decided for a sequential plan: the CI excludes 0, or is narrower than the smallest effect. */
export function decided(t: HypothesisTest, smallest: number): boolean {
  if (t.verdict === 'untested') return false;
  if (!t.ci) return false;
  return t.ci[0] > 0 || t.ci[1] < 0 || t.ci[1] - t.ci[0] < smallest;
}
