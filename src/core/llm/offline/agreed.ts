// What an offline agent holds to after agreeing in talk (docs/model.md, "Agreements made in
// talk"): the engine tells it the terms it agreed to (ActRequest.group_best: what was proposed and
// accepted) and how long ago it agreed with each of the others (others[].talked); how firmly it
// holds to them grows with the share of its group it agreed with, and fades with the rounds since
// and with the agreed partners seen breaking it (issue 85). An amount's reference is pulled toward the agreed amount
// (continuum.ts); between actions without arguments, not taking the agreed one costs as much as
// straying from an agreed amount across its whole range would (act.ts promiseCost).
import type { ActRequest } from '../types';
import { myGroup } from './myGroup';
import { cooperativeEnd } from './gains';

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

/**
 * How far short of the agreed amount, as a share of the range, a partner's last move may fall and
 * still keep it: agreements fade as others are seen to break them (Ostrom, Walker & Gardner 1992:
 * one-shot communication's gains decayed as some defected; Fischbacher & Gächter 2010).
 */
export const BREACH = 0.05;

/**
 * How much of `others` the agent's agreements reach, each faded by the rounds since it agreed
 * with that one: Σ AGREEMENT_DECAY^(rounds since) over those it agreed with, over their number.
 */
function reach(others: readonly ActRequest['others'][number][]): number {
  let sum = 0;
  for (const o of others) if (o.talked !== undefined) sum += AGREEMENT_DECAY ** o.talked;
  return others.length ? sum / others.length : 0;
}

/**
 * How firmly the agent holds to what it agreed: AGREEMENT × the share of its group (of those
 * shown) it agreed with, each partner counted AGREEMENT_DECAY^(rounds since they agreed) — an
 * agreement that reached 2 of 7 binds less than one that reached all, and an old one less than a
 * fresh one; with a match group it agreed with none of, NORM_SHARE of that for agreements with
 * the other players shown; 0 without.
 */
export function holdOf(req: ActRequest): number {
  const group = myGroup(req);
  const own = reach(group);
  if (own > 0) return AGREEMENT * own;
  const rest = group === req.others ? 0 : reach(req.others);
  return NORM_SHARE * AGREEMENT * rest;
}

/** The share of the partners it agreed with, seen acting last round, who kept to it (1 when none was seen). */
function kept(req: ActRequest, broke: (o: ActRequest['others'][number]) => boolean | undefined): number {
  let seen = 0,
    broken = 0;
  for (const o of req.others) {
    if (o.talked === undefined) continue;
    const b = broke(o);
    if (b === undefined) continue;
    seen++;
    if (b) broken++;
  }
  return seen ? 1 - broken / seen : 1;
}

type Agreed = { amount: number; hold: number } | undefined;
/** Asked several times a decision (the reference, the candidates, the pushes, the reason): worked out once. */
const asked = new WeakMap<ActRequest, Map<string, Agreed>>();

/** The amount the agent agreed to for `arg` of `action`, and how firmly it holds to it. */
export function agreedAmount(req: ActRequest, action: string, arg: string): Agreed {
  if (!req.group_best) return undefined;
  let byKey = asked.get(req);
  if (!byKey) asked.set(req, (byKey = new Map()));
  const key = `${action}\u0000${arg}`;
  if (byKey.has(key)) return byKey.get(key);
  const out = agreedAmountNow(req, action, arg);
  byKey.set(key, out);
  return out;
}

function agreedAmountNow(req: ActRequest, action: string, arg: string): Agreed {
  const best = req.group_best?.find((b) => b.action === action && b.arg === arg && b.amount !== undefined);
  const base = best ? holdOf(req) : 0;
  if (!best || !(base > 0)) return undefined;
  const samples = req.options
    .filter((o) => o.action === action && typeof o.args[arg] === 'number')
    .map((o) => ({ x: o.args[arg] as number, option: o }))
    .sort((a, b) => a.x - b.x);
  const coop = samples.length >= 2 ? cooperativeEnd(samples) : undefined;
  const lo = samples[0]?.x ?? 0,
    hi = samples[samples.length - 1]?.x ?? 0;
  const amount = best.amount!;
  // A partner broke it whose last amount fell short of it, toward the end that serves itself.
  const hold =
    base *
    kept(req, (o) => {
      const x = o.last_args?.[action]?.[arg];
      if (x === undefined || coop === undefined) return undefined;
      const slack = BREACH * (hi - lo);
      return coop > amount ? x < amount - slack : x > amount + slack;
    });
  return hold > 0 ? { amount, hold } : undefined;
}

/** The action without arguments the agent agreed on, and how firmly it holds to it. */
export function agreedChoice(req: ActRequest): { action: string; hold: number } | undefined {
  const best = req.group_best?.find((b) => b.arg === undefined);
  const base = best ? holdOf(req) : 0;
  if (!best || !(base > 0)) return undefined;
  // A partner broke it who took another of the choices it was about.
  const choices = new Set(req.options.filter((o) => !Object.keys(o.args).length).map((o) => o.action));
  const hold =
    base * kept(req, (o) => (o.last !== undefined && choices.has(o.last) ? o.last !== best.action : undefined));
  return hold > 0 ? { action: best.action, hold } : undefined;
}
