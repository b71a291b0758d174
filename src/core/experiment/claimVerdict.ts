// How a claim's verdict reads, the same in the terminal, the HTML report and the extension. Only a
// 95% CI that excludes 0 decides a claim, either way: one that includes 0 (or a claim with no CI)
// is inconclusive wherever its mean points, and a claim that could not be tested is neither. Where
// no run varied, the exact test the claim carries decides in the interval's place.
import { EXACT_ALPHA } from './paperClaims';
import type { Claim, ExactTest } from './types';

export type VerdictKind = 'holds' | 'inconclusive' | 'fails' | 'untestable';

export interface Verdict {
  kind: VerdictKind;
  mark: string;
  label: string;
}

export function claimVerdict(c: Claim): Verdict {
  if (c.holds === null) return { kind: 'untestable', mark: '?', label: `not testable (${c.reason ?? 'no data'})` };
  if (c.exact) return exactVerdict(c, c.exact);
  if (c.confident) return { kind: 'holds', mark: '✔', label: 'holds (95% CI excludes 0)' };
  if (c.contradicted) return { kind: 'fails', mark: '✘', label: 'does not hold (95% CI excludes 0 the other way)' };
  // `reason` here says why there is no interval at all (too few seeds with a value).
  return {
    kind: 'inconclusive',
    mark: '~',
    label: `inconclusive (${pointing(c)}; ${c.reason ?? '95% CI includes 0'})`,
  };
}

/** A claim no run varied on, so that an exact test decided it, not a zero-width interval. */
function exactVerdict(c: Claim, e: ExactTest): Verdict {
  const test = `no run varied; exact ${e.test} test p = ${formatP(e.p)}`;
  if (c.confident) return { kind: 'holds', mark: '✔', label: `holds (${test})` };
  if (c.contradicted) return { kind: 'fails', mark: '✘', label: `does not hold (${test}, the other way)` };
  return {
    kind: 'inconclusive',
    mark: '~',
    label: `inconclusive (${pointing(c)}; ${test} > ${EXACT_ALPHA}: too few seeds)`,
  };
}

/** Which way an undecided claim's mean points. */
function pointing(c: Claim): string {
  return c.noDifference ? 'no difference' : `the mean points ${c.holds ? 'the claimed' : 'the other'} way`;
}

/** A p-value to two significant figures ("0.0040", "0.17"); below double precision's reach, "< 1e-15". */
export function formatP(p: number): string {
  return p < 1e-15 ? '< 1e-15' : p.toPrecision(2);
}

/** Family-wise level of the Holm-adjusted verdicts: two-sided 0.05, as the 95% intervals. */
export const HOLM_ALPHA = 0.05;

/**
 * The verdict after Holm's correction across the experiment's claims: a claim the raw test decides
 * keeps its verdict only when its Holm-adjusted p is at most HOLM_ALPHA; otherwise inconclusive.
 */
export function holmVerdict(c: Claim): Verdict {
  const raw = claimVerdict(c);
  if (raw.kind === 'untestable') return raw;
  const adjusted = c.p_holm;
  const at =
    adjusted === null || adjusted === undefined ? 'no p' : `Holm p ${adjusted < 1e-15 ? '' : '= '}${formatP(adjusted)}`;
  if (
    (raw.kind === 'holds' || raw.kind === 'fails') &&
    adjusted !== null &&
    adjusted !== undefined &&
    adjusted <= HOLM_ALPHA
  ) {
    return { kind: raw.kind, mark: raw.mark, label: `${raw.kind === 'holds' ? 'holds' : 'does not hold'} (${at})` };
  }
  return {
    kind: 'inconclusive',
    mark: '~',
    label: `inconclusive (${at}${adjusted !== null && adjusted !== undefined ? ` > ${HOLM_ALPHA}` : ''})`,
  };
}
