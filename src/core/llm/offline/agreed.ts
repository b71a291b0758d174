// What an offline agent holds to after talking with its group (docs/model.md, "Agreements made in
// talk"): the engine tells it what the group does best with (ActRequest.group_best) and how long
// ago it talked with each of them (others[].talked); how firmly it holds to that fades with the
// rounds since it last talked. An amount's reference is pulled toward the agreed amount
// (continuum.ts); between actions without arguments, not taking the agreed one costs as much as
// straying from an agreed amount across its whole range would (act.ts promiseCost).
import type { ActRequest } from '../types';
import { myGroup } from './myGroup';

/**
 * How far an agreement pulls an amount's reference toward the group's best amount, just after
 * talking with the group: talk makes the group's best the norm each holds to (Ostrom, Walker &
 * Gardner 1992; Balliet 2010).
 */
export const AGREEMENT = 1;
/**
 * What is left of a talk's hold after each round without talking again: one talk's agreement
 * wears off as others deviate, talk every round renews it (Ostrom, Walker & Gardner 1992: one-shot
 * communication's gains decayed, repeated communication's held; Isaac & Walker 1988).
 */
export const AGREEMENT_DECAY = 0.8;
/**
 * How much more it costs to stray toward one's own advantage from what one agreed to, at a fully
 * held agreement: a promise broken weighs on the one who breaks it (Charness & Dufwenberg 2006;
 * Vanberg 2008), so groups that talk every round keep to their agreement (Ostrom, Walker &
 * Gardner 1992: few defected under repeated communication).
 */
export const PROMISE = 1;

/**
 * How much of an agreement holds when it was reached with players of the game outside one's own
 * match group (a partner one never spoke to): talk among players focuses everyone on the norm,
 * less firmly than a promise made to one's own partner (Bicchieri 2002).
 */
export const NORM_SHARE = 0.5;

/** The rounds since the agent last talked with any of `others` (Infinity: not lately). */
function since(others: readonly ActRequest['others'][number][]): number {
  let s = Infinity;
  for (const o of others) if (o.talked !== undefined) s = Math.min(s, o.talked);
  return s;
}

/**
 * How firmly the agent holds to its group's agreement: AGREEMENT × AGREEMENT_DECAY^(rounds since
 * it last talked with any of its group); with a match group it has not talked with, NORM_SHARE
 * of that for talk with the other players shown; 0 without talk.
 */
export function holdOf(req: ActRequest): number {
  const group = myGroup(req);
  const own = since(group);
  if (own < Infinity) return AGREEMENT * AGREEMENT_DECAY ** own;
  const rest = group === req.others ? Infinity : since(req.others);
  return rest < Infinity ? NORM_SHARE * AGREEMENT * AGREEMENT_DECAY ** rest : 0;
}

/** The amount the agent's group does best with for `arg` of `action`, and how firmly the agent holds to it. */
export function agreedAmount(
  req: ActRequest,
  action: string,
  arg: string,
): { amount: number; hold: number } | undefined {
  const best = req.group_best?.find((b) => b.action === action && b.arg === arg && b.amount !== undefined);
  const hold = best ? holdOf(req) : 0;
  return best && hold > 0 ? { amount: best.amount!, hold } : undefined;
}

/** The action without arguments the agent's group agreed on, and how firmly the agent holds to it. */
export function agreedChoice(req: ActRequest): { action: string; hold: number } | undefined {
  const best = req.group_best?.find((b) => b.arg === undefined);
  const hold = best ? holdOf(req) : 0;
  return best && hold > 0 ? { action: best.action, hold } : undefined;
}
