// Norms that observers enforce (docs/model.md; issue 85). A share of agents holds a distribution
// norm: what a world declares being divided (engine/society/division.ts) ought to be split equally,
// and a common effort ought to get from each its fair share (what the others put in on average).
// Holding it, an agent weighs what its option takes from another who divided something among others
// (not among the agent: a third party, unharmed by the split) by how far that division fell short:
// taking from one who gave nothing is worth paying for, the more the larger the breach, and taking
// from one who split equally is itself a breach of the norm (Fehr & Fischbacher 2004: about 60% of
// unaffected observers punish a dictator who gives nothing, almost none one who splits equally, and
// punishment rises with the shortfall). An agent who may be sanctioned foresees it through the
// observer's own rule (engine/phases/act/lookahead.ts), the observer's holding taken at NORM_HELD.
import type { ActRequest } from '../types';

type Other = ActRequest['others'][number];

/** The share of agents who hold the norm: about the share of observers who punish a dictator giving nothing (Fehr & Fischbacher 2004). */
export const NORM_HELD = 0.55;

/**
 * How much a norm holder weighs a unit change to a breacher's quantities (in the unit the change
 * is weighed in), at a full breach: enough that most holders pay a third of what they take to
 * sanction one who gave nothing; at the equal split the same weight protects the one who kept it.
 */
export const NORM_SANCTION = 1.2;

/** Whether the agent holds the norm: its draw of the run below NORM_HELD (none without a draw). */
export function holdsNorm(req: ActRequest): boolean {
  const draw = req.fairness?.norm;
  return draw !== undefined && draw < NORM_HELD;
}

/**
 * What a unit change to `other`'s quantities is worth to a norm holder, when the option takes from
 * them (act.ts weighs gifts without it): −NORM_SANCTION × (2·breach − 1), so taking from a full
 * breacher is worth NORM_SANCTION a unit and taking from one who split equally costs as much; 0
 * when the agent does not hold the norm or `other` divided nothing before it.
 */
export function normWeight(req: ActRequest, other: Other | undefined): number {
  if (!other?.division || !holdsNorm(req)) return 0;
  return -NORM_SANCTION * (2 * other.division.breach - 1);
}

/** The reason's clause for a sanction the norm moved: the division's (or contribution's) own numbers. */
export function normClause(other: Other): string {
  const d = other.division!;
  const round = (x: number) => Math.round(x * 100) / 100;
  if (d.effort) {
    return d.breach > 0
      ? `; ${other.name} put in ${round(d.amount)} where the others put in ${round(d.fair)} on average`
      : `; ${other.name} put in ${round(d.amount)}, a fair share (the others ${round(d.fair)} on average)`;
  }
  return d.breach > 0
    ? `; ${other.name} handed over ${round(d.amount)} where an equal split hands over ${round(d.fair)}`
    : `; ${other.name} split equally (${round(d.amount)} of an equal ${round(d.fair)})`;
}
