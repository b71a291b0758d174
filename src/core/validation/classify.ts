// A simulated figure against its human one (docs/validation.md): inside the band people's
// results support; outside it but on the right side of the figure it is compared with (the
// direction right); or wrong. A figure whose runs got no model answer gets none of these: its
// numbers are the fallback's (on_error), so any verdict would score another model.
import { estimate, type Estimate } from '../experiment/statistics';
import type { ReferenceFigure } from './reference';

export type Verdict = 'inside' | 'direction' | 'wrong' | 'no answer';

export interface ScoredFigure {
  figure: ReferenceFigure;
  simulated: Estimate;
  /** A direction-only figure: the simulated value it is compared with (the other condition's mean, or the number). */
  than?: number | null;
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
  const band = figure.band;
  const inside = band !== undefined && m !== null && m >= band[0] && m <= band[1];
  let direction: boolean | undefined;
  if (other) {
    const o = other.simulated.mean;
    const h = figure.human,
      oh = other.figure.human;
    direction = m !== null && o !== null && h !== undefined && oh !== undefined && sign(m - o) === sign(h - oh);
  }
  const verdict: Verdict = inside && direction !== false ? 'inside' : direction ? 'direction' : 'wrong';
  return { figure, simulated, ...(direction !== undefined ? { direction_right: direction } : {}), verdict };
}

/**
 * A direction-only figure (no value, no band): right ('direction') when the simulated mean lies on
 * the side of `than` the source says, else wrong; never 'inside', as there is no band to be in.
 */
export function classifyDirection(figure: ReferenceFigure, simulated: Estimate, than: number | null): ScoredFigure {
  const m = simulated.mean;
  const want = figure.direction?.sign === 'lower' ? -1 : 1;
  const right = m !== null && than !== null && sign(m - than) === want;
  return { figure, simulated, than, direction_right: right, verdict: right ? 'direction' : 'wrong' };
}

/** No verdict: a run the figure reads got no model answer, so its value is not the model's (and not shown). */
export function unanswered(figure: ReferenceFigure): ScoredFigure {
  return { figure, simulated: estimate([]), verdict: 'no answer' };
}

/**
 * Share of the figures with a band that are inside it, and how many compared directions are
 * right (direction-only figures count there, not in the band share). Figures without a verdict
 * (no model answer) count in neither, only in `unanswered`.
 */
export function tally(scored: readonly ScoredFigure[]): {
  inside: number;
  total: number;
  share: number;
  directions: string;
  unanswered: number;
} {
  const judged = scored.filter((s) => s.verdict !== 'no answer');
  const banded = judged.filter((s) => s.figure.band !== undefined);
  const inside = banded.filter((s) => s.verdict === 'inside').length;
  const compared = judged.filter((s) => s.direction_right !== undefined);
  const right = compared.filter((s) => s.direction_right).length;
  return {
    inside,
    total: banded.length,
    share: banded.length ? inside / banded.length : 0,
    directions: `${right} of ${compared.length}`,
    unanswered: scored.length - judged.length,
  };
}
