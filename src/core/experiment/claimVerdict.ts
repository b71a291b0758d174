// How a claim's verdict reads, the same in the terminal, the HTML report and the extension. Only a
// 95% CI that excludes 0 decides a claim, either way: one that includes 0 (or a claim with no CI)
// is inconclusive wherever its mean points, and a claim that could not be tested is neither.
import type { Claim } from './paperClaims';

export type VerdictKind = 'holds' | 'inconclusive' | 'fails' | 'untestable';

export interface Verdict { kind: VerdictKind; mark: string; label: string }

export function claimVerdict(c: Claim): Verdict {
  if (c.holds === null) return { kind: 'untestable', mark: '?', label: `not testable (${c.reason ?? 'no data'})` };
  if (c.confident) return { kind: 'holds', mark: '✔', label: 'holds (95% CI excludes 0)' };
  if (c.contradicted) return { kind: 'fails', mark: '✘', label: 'does not hold (95% CI excludes 0 the other way)' };
  // `reason` here says why there is no interval at all (too few seeds with a value).
  return { kind: 'inconclusive', mark: '~', label: `inconclusive (the mean points ${c.holds ? 'the claimed' : 'the other'} way; ${c.reason ?? '95% CI includes 0'})` };
}
