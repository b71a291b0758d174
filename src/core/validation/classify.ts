// A simulated figure against its human one (docs/validation.md): inside the band people's
// results support; outside it but on the right side of the figure it is compared with (the
// direction right); or wrong.
import type { Estimate } from '../experiment/statistics';
import type { ReferenceFigure } from './reference';

export type Verdict = 'inside' | 'direction' | 'wrong';

export interface ScoredFigure {
  figure: ReferenceFigure;
  simulated: Estimate;
  /** Whether the simulated difference to `figure.vs` has people's sign (undefined without `vs`). */
  direction_right?: boolean;
  verdict: Verdict;
}

const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

export function classify(
  figure: ReferenceFigure,
  simulated: Estimate,
  other?: { figure: ReferenceFigure; simulated: Estimate },
): ScoredFigure {
  const m = simulated.mean;
  const inside = m !== null && m >= figure.band[0] && m <= figure.band[1];
  let direction: boolean | undefined;
  if (other) {
    const o = other.simulated.mean;
    direction = m !== null && o !== null && sign(m - o) === sign(figure.human - other.figure.human);
  }
  const verdict: Verdict = inside && direction !== false ? 'inside' : direction ? 'direction' : 'wrong';
  return { figure, simulated, ...(direction !== undefined ? { direction_right: direction } : {}), verdict };
}

/** Share of figures inside their band, and whether every compared direction is right. */
export function tally(scored: readonly ScoredFigure[]): {
  inside: number;
  total: number;
  share: number;
  directions: string;
} {
  const inside = scored.filter((s) => s.verdict === 'inside').length;
  const compared = scored.filter((s) => s.direction_right !== undefined);
  const right = compared.filter((s) => s.direction_right).length;
  return {
    inside,
    total: scored.length,
    share: scored.length ? inside / scored.length : 0,
    directions: `${right} of ${compared.length}`,
  };
}
