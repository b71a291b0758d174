// A simulated figure against its published one (docs/validation.md "Verdicts"). Two questions,
// each with its uncertainty: where the simulated mean lies against the band (inside, near: within
// one band width of it, far), and whether a direction people show is reproduced, which counts only
// when its 95% CI excludes zero (the experiment's own claim test, paperClaims.ts). A figure whose
// runs got no model answer gets no verdict: its numbers are the fallback's (on_error), so any
// verdict would score another model.
import { estimate, type Estimate, estimateDecision, seedDecision, type Decision } from '../experiment';
import type { ReferenceFigure, Subjects } from './reference';

/** Where the simulated mean lies against the band. */
export type Level = 'inside' | 'near' | 'far';

/** A direction reproduced with a 95% CI that excludes 0 (right), only by its mean (unbacked), or not (wrong). */
export type DirectionOutcome = 'right' | 'unbacked' | 'wrong';

export type Verdict = 'inside' | 'direction' | 'near' | 'far' | 'unbacked' | 'wrong' | 'no answer';

/** The simulated difference a direction is judged on, as the report shows it. */
export interface DirectionCheck {
  outcome: DirectionOutcome;
  /** This figure's value less what it is compared with (the `vs` figure's, the other condition's, or the number). */
  difference: number | null;
  ci95: [number, number] | null;
  /** 'paired t' (by seed), 'Welch t', 'one-sample t', or an exact test where no run varied. */
  test: string;
}

export interface ScoredFigure {
  figure: ReferenceFigure;
  simulated: Estimate;
  /** A direction-only figure: the simulated value it is compared with (the other condition's mean, or the number). */
  than?: number | null;
  /** Against the band (figures with one). */
  level?: Level;
  /** The direction people show (a `vs` figure or a direction-only one), as the simulation reproduces it. */
  direction?: DirectionCheck;
  verdict: Verdict;
}

/** Per seed, a figure's simulated value (null where the run has none). */
export type SeedValues = ReadonlyMap<number, number | null>;

const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** right when the decision backs people's side, else unbacked when the mean points their way, else wrong. */
function outcomeOf(decision: Decision, difference: number | null, want: number): DirectionOutcome {
  if (decision.confident) return 'right';
  return difference !== null && sign(difference) === want ? 'unbacked' : 'wrong';
}

/**
 * "own − other has sign `want`" over runs paired by seed (Welch where seeds do not pair): the
 * contrast an experiment's claim is decided by, turned to people's side first so that its
 * "confident" means people's direction, backed.
 */
export function directionAgainst(own: SeedValues, other: SeedValues, want: 1 | -1): DirectionCheck {
  const d = want > 0 ? seedDecision(other, own) : seedDecision(own, other);
  const c = d.contrast;
  const difference = c.difference === null ? null : want * c.difference;
  const ci95: [number, number] | null = c.ci95 ? (want > 0 ? c.ci95 : [-c.ci95[1], -c.ci95[0]]) : null;
  return {
    outcome: outcomeOf(d.decision, difference, want),
    difference,
    ci95,
    test: d.flat ? `exact ${d.exact.test}` : (c.test ?? 'none'),
  };
}

/** "own − than has sign `want`": the estimate's 95% CI wholly on that side of the number (a sign test where nothing varied). */
export function directionAgainstNumber(own: SeedValues, than: number, want: 1 | -1): DirectionCheck {
  const values = [...own.values()].map((v) => (v === null || !Number.isFinite(v) ? null : v - than));
  const e = estimate(values);
  const { flat, decision } = estimateDecision(estimate(values.map((v) => (v === null ? null : want * v))));
  return {
    outcome: outcomeOf(decision, e.mean, want),
    difference: e.mean,
    ci95: e.ci95,
    test: flat ? 'exact sign' : 'one-sample t',
  };
}

/** Inside the band, near it (at most one band width outside), or far from it; undefined without a value. */
export function levelOf(mean: number | null, band: readonly [number, number]): Level | undefined {
  if (mean === null) return undefined;
  const [lo, hi] = band;
  if (mean >= lo && mean <= hi) return 'inside';
  const outside = mean < lo ? lo - mean : mean - hi;
  return outside <= hi - lo ? 'near' : 'far';
}

/**
 * A figure with a value and band: inside when its mean is in the band and (with `vs`) people's
 * direction is right and backed; else `direction` when that direction is right and backed; else
 * near or far by the band (near too for a mean in the band whose direction is not backed). No
 * value at all is far: nothing was matched.
 */
export function classify(figure: ReferenceFigure, simulated: Estimate, direction?: DirectionCheck): ScoredFigure {
  const level = figure.band ? levelOf(simulated.mean, figure.band) : undefined;
  const right = direction?.outcome === 'right';
  const verdict: Verdict =
    level === 'inside' && (direction === undefined || right)
      ? 'inside'
      : right
        ? 'direction'
        : level === 'inside' || level === 'near'
          ? 'near'
          : 'far';
  return { figure, simulated, ...(level ? { level } : {}), ...(direction ? { direction } : {}), verdict };
}

/**
 * A direction-only figure (no value, no band): its verdict is its direction's, `direction` when
 * right and backed, else unbacked or wrong; never inside, as there is no band to be in.
 */
export function classifyDirection(
  figure: ReferenceFigure,
  simulated: Estimate,
  than: number | null,
  direction: DirectionCheck,
): ScoredFigure {
  const verdict: Verdict = direction.outcome === 'right' ? 'direction' : direction.outcome;
  return { figure, simulated, than, direction, verdict };
}

/** No verdict: a run the figure reads got no model answer, so its value is not the model's (and not shown). */
export function unanswered(figure: ReferenceFigure): ScoredFigure {
  return { figure, simulated: estimate([]), verdict: 'no answer' };
}

export interface Tally {
  /** Figures with a band, and how many are inside it. */
  inside: number;
  total: number;
  share: number;
  /** Directions compared (`vs` figures and direction-only ones) by outcome. */
  directions: { right: number; unbacked: number; wrong: number; total: number };
  /** Figures without a verdict (no model answer): counted in nothing else. */
  unanswered: number;
}

/**
 * The share of the figures with a band that are inside it, and the directions by outcome
 * (direction-only figures count there, not in the band share). Figures without a verdict count
 * in neither, only in `unanswered`.
 */
export function tally(scored: readonly ScoredFigure[]): Tally {
  const judged = scored.filter((s) => s.verdict !== 'no answer');
  const banded = judged.filter((s) => s.figure.band !== undefined);
  const inside = banded.filter((s) => s.verdict === 'inside').length;
  const compared = judged.filter((s) => s.direction !== undefined);
  const count = (o: DirectionOutcome) => compared.filter((s) => s.direction!.outcome === o).length;
  return {
    inside,
    total: banded.length,
    share: banded.length ? inside / banded.length : 0,
    directions: { right: count('right'), unbacked: count('unbacked'), wrong: count('wrong'), total: compared.length },
    unanswered: scored.length - judged.length,
  };
}

/** The tally of people's figures and, apart, of the figures of published simulations' agents. */
export function tallyBySubjects(scored: readonly ScoredFigure[]): Record<Subjects, Tally> {
  return {
    people: tally(scored.filter((s) => s.figure.subjects === 'people')),
    agents: tally(scored.filter((s) => s.figure.subjects === 'agents')),
  };
}
