// How another agent would respond, reckoned with the offline rule itself: a theory of mind one
// step deep (docs/model.md, "Anticipating a partner's later choice"). The engine builds the request
// the partner would face in its later phase after the decider's option (lookahead.ts); here that
// request is weighed as the partner would weigh it (act.ts `optionUtilities`, its amounts on their
// continuum at the reference it holds, without noise) and each way's chance is the nested softmax
// the partner draws from (nested.ts `wayChances`). What the decider cannot see of the partner — its
// draws of the run, concern and envy — is taken at the population's: the disposition at its mean,
// and the envy averaged over Fehr & Schmidt's (1999) shares. No random draw.
import type { ActRequest } from '../types';
import { betaOf, envyTerms, optionUtilities } from './act';
import { anticipated } from './responses';
import { candidates, changesOf } from './continuum';
import { wayChances } from './nested';
import { envyKinds } from './inequity';
import { NORM_HELD } from './norm';

/** A response and its chance: what it changes, keyed from the responder's side (`me.q`, `<id>.q`). */
export interface Response {
  p: number;
  changes: Record<string, number>;
}

/** The responses of one kind of responder, its options worth `u`, and their chances. */
function responsesAt(req: ActRequest, u: readonly number[]): Response[] {
  const ways = candidates(req, u, undefined);
  const chances = wayChances(ways, betaOf(req));
  return ways.map((way, i) => {
    const changes: Record<string, number> = { ...changesOf(way, way.anchor?.arg.name) };
    for (const [k, x] of Object.entries(way.option.foreseen ?? {})) changes[k] = (changes[k] ?? 0) + x;
    return { p: chances[i], changes };
  });
}

/** The responses of the responder as the request gives it (its own draws) and their chances. */
export function responsesOf(given: ActRequest): Response[] {
  if (!given.options.length) return [];
  const req = anticipated(given);
  return responsesAt(req, optionUtilities(req, given));
}

/**
 * The responses of a responder whose private draws the decider does not know: its disposition at
 * the mean, its envy over the population's kinds; the same responses merged, chances summed.
 * Envy enters u linearly (inequity.ts), so u is worked out at α = 0 and its envy term at α = 1.
 */
export function believedResponses(given: ActRequest): Response[] {
  if (!given.options.length) return [];
  const kinds = envyKinds();
  // Whether it holds the distribution norm is unseen too: u without it, and what holding it adds
  // (norm.ts, linear in holding), mixed at the population's share NORM_HELD.
  const at = (alpha: number, norm: number): ActRequest =>
    anticipated({ ...given, disposition: 0.5, fairness: { envy: kinds.find((k) => k.alpha === alpha)!.draw, norm } });
  const calm = at(0, 1);
  const u0 = optionUtilities(calm);
  // Only the envy term differs at α = 1: it alone is worked out again (act.ts `envyTerms`).
  const envious = at(1, 1);
  const envy = envyTerms(envious) ?? optionUtilities(envious).map((x, i) => x - u0[i]);
  const judged = given.others.some((o) => o.division);
  const norm = judged ? optionUtilities(at(0, 0)).map((x, i) => x - u0[i]) : undefined;
  const holds = norm?.some((x) => x !== 0)
    ? [
        { h: 1, share: NORM_HELD },
        { h: 0, share: 1 - NORM_HELD },
      ]
    : [{ h: 0, share: 1 }];
  // Envy that changes nothing (the partner cannot fall behind), no norm: one kind stands for all.
  if (envy.every((x) => x === 0) && holds.length === 1) return responsesAt(calm, u0);
  const merged = new Map<string, Response>();
  for (const kind of kinds) {
    for (const { h, share } of holds) {
      const u = u0.map((x, i) => x + kind.alpha * envy[i] + h * (norm?.[i] ?? 0));
      for (const r of responsesAt(calm, u)) {
        const key = Object.entries(r.changes)
          .filter(([, x]) => x !== 0)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, x]) => `${k}=${x}`)
          .join(';');
        const had = merged.get(key);
        if (had) had.p += kind.share * share * r.p;
        else merged.set(key, { p: kind.share * share * r.p, changes: r.changes });
      }
    }
  }
  return [...merged.values()];
}
