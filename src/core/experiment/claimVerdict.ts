// How a claim's verdict reads, the same in the terminal, the HTML report and the extension: a
// claim whose mean points the right way but whose 95% CI does not exclude 0 (or that has no CI)
// is tentative, never shown like a confident one, and a claim that could not be tested is not
// "does not hold".
import type { Claim } from './paperClaims';

export type VerdictKind = 'holds' | 'tentative' | 'fails' | 'untestable';

export interface Verdict { kind: VerdictKind; mark: string; label: string }

export function claimVerdict(c: Claim): Verdict {
  if (c.holds === null) return { kind: 'untestable', mark: '?', label: `not testable (${c.reason ?? 'no data'})` };
  if (c.holds && c.confident) return { kind: 'holds', mark: '✔', label: 'holds (95% CI excludes 0)' };
  // `reason` here says why there is no interval at all (too few seeds with a value).
  if (c.holds) return { kind: 'tentative', mark: '~', label: `holds (mean; ${c.reason ?? 'CI includes 0'})` };
  return { kind: 'fails', mark: '✘', label: c.reason ? `does not hold (mean; ${c.reason})` : 'does not hold' };
}
