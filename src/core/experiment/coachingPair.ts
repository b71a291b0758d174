// The pair of conditions the "Coaching raises …" claims compare: coaching off against coaching on
// with every other override equal, so a difference can be credited to coaching alone.
import { type ExperimentCondition, flattenSet } from '../format';

export type CoachingPair =
  | { off: ExperimentCondition; on: ExperimentCondition }
  /** Conditions switch coaching on and off, but each such pair also changes something else. */
  | { confounded: { off: ExperimentCondition; on: ExperimentCondition; alsoDiffer: string[] } };

const isCoaching = (path: string): boolean => path === 'coaching' || path.startsWith('coaching.');

function coachingOf(c: ExperimentCondition): boolean | undefined {
  const v = flattenSet(c.set).find(([p]) => p === 'coaching.enabled')?.[1];
  return typeof v === 'boolean' ? v : undefined;
}

/** Paths set to different values (or set in one condition only), coaching.* aside. */
function otherDifferences(a: ExperimentCondition, b: ExperimentCondition): string[] {
  const of = (c: ExperimentCondition) =>
    new Map(
      flattenSet(c.set)
        .filter(([p]) => !isCoaching(p))
        .map(([p, v]) => [p, JSON.stringify(v)]),
    );
  const x = of(a),
    y = of(b);
  return [...new Set([...x.keys(), ...y.keys()])].filter((p) => x.get(p) !== y.get(p)).sort();
}

/** The first off/on pair (in condition order) that differs only in coaching; undefined when no condition sets coaching both ways. */
export function coachingPair(conditions: readonly ExperimentCondition[]): CoachingPair | undefined {
  const offs = conditions.filter((c) => coachingOf(c) === false);
  const ons = conditions.filter((c) => coachingOf(c) === true);
  if (!offs.length || !ons.length) return undefined;
  for (const off of offs) for (const on of ons) if (otherDifferences(off, on).length === 0) return { off, on };
  return { confounded: { off: offs[0], on: ons[0], alsoDiffer: otherDifferences(offs[0], ons[0]) } };
}
