// Number arguments chosen on their continuum, with a reference people hold to (docs/model.md,
// "Amounts").
//
// The engine weighs a number argument at its least, middle and most (numberSamples.ts). For an
// action with one number argument the offline model reads the utility between those samples as
// piecewise linear, u(y) on y = 0..1 of the range, and takes the amount it is best off at given a
// reference r it holds to:
//
//   y* = argmax_y  u(y) − ANCHOR·|y − r|,        r = reference + noise
//
// The absolute term makes the choice corner-or-reference: an agent whose own gain from moving
// one way outweighs ANCHOR per range goes all the way (the dictator who gives nothing, the free
// rider), the others hold to the reference. That is the bimodal shape of people's amounts in
// dictator and public goods games (Engel 2011: 36% give nothing, most of the rest near half).
//
// The reference: before the agent has seen anyone take the action, the middle of the range (the
// equal split people take as the fair amount); after, what it believes the others put in the
// same argument of the same action last round, a little less (conditional cooperation:
// Fischbacher, Gächter & Fehr 2001; the "a little less" is what makes contributions decay,
// Fischbacher & Gächter 2010), moved toward the end that serves the others by a share of the
// pressure it received (the sanctioned raise what they give: Fehr & Gächter 2002).
import type { Rng } from '../../random/rng';
import type { ActOption, ActRequest } from '../types';
import { maxOf } from '../../stats/extremes';
import { myGroup } from './myGroup';
import { agreedAmount, PROMISE } from './agreed';
import type { PushRule } from './pushRules';
import { cooperativeEnd, gains } from './gains';

export { cooperativeEnd };

/** Points weighed on a non-integer (or very wide) number argument's range. */
export const GRID = 21;
/** How much utility per whole range it costs an agent to stray from its reference toward its own advantage. */
export const ANCHOR = 0.64;
/**
 * How much more it costs to stray toward the others' advantage (giving more than others are
 * believed to give): people avoid being the sucker (Fischbacher & Gächter 2010), so unconditional
 * cooperators are rare.
 */
export const SUCKER = 1;
/**
 * How far below what it believes the others gave a conditional cooperator's reference lies, as a
 * share of the way to the selfish end, when giving costs it all it gives; less as more of it comes
 * back (at an MPCR of 0.75 a token given costs a quarter: contributions decay more slowly, Isaac &
 * Walker 1988).
 */
export const SELF_SERVING = 0.15;
/** How far toward the end that serves the others a fully sanctioned agent's reference moves (share of the way). */
export const SANCTION_RESPONSE = 0.5;
/**
 * How far sanctions seen falling on others move an agent, as a share of how far one received
 * moves it: people contribute more where free riding is punished, not only once punished
 * themselves (Fehr & Gächter 2000, the punishment condition's rise).
 */
export const DETERRENCE = 0.5;
/** The spread (SD, share of the range) of the reference between people and occasions, at neuroticism 0.5. */
export const NOISE = 0.08;

export type NumberArg = ActRequest['actions'][number]['args'][number];

/** One way to take an action: the option weighed (the nearest sample) and the arguments chosen. */
export interface Candidate {
  option: ActOption;
  args: Record<string, number | string>;
  u: number;
  /** A continuum point: the samples its changes are read between (for the reason it gives). */
  between?: { x: number; changes: Record<string, number>; option: ActOption }[];
  /** A continuum point: its number argument, and the reference it was held to with its noise (pushes.ts). */
  anchor?: { arg: NumberArg; r: number; noise: number };
}

/** A step of the reference an amount is held to: the rule that set or moved it, and where it left it. */
export interface ReferenceStep {
  rule: PushRule;
  r: number;
}

export function gridOf(arg: NumberArg, lo: number, hi: number): number[] {
  if (!(hi > lo)) return [lo];
  if (arg.integer && hi - lo <= 100) {
    const out: number[] = [];
    for (let x = Math.ceil(lo); x <= hi; x++) out.push(x);
    return out;
  }
  const out = new Set<number>();
  for (let k = 0; k < GRID; k++) {
    const x = lo + ((hi - lo) * k) / (GRID - 1);
    out.add(arg.integer ? Math.round(x) : Math.round(x * 1e6) / 1e6);
  }
  return [...out];
}

/** Piecewise linear through (xs, ys), xs ascending; flat beyond the ends. */
export function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  if (x <= xs[0]) return ys[0];
  for (let i = 1; i < xs.length; i++) {
    if (x <= xs[i]) return ys[i - 1] + ((ys[i] - ys[i - 1]) * (x - xs[i - 1])) / (xs[i] - xs[i - 1]);
  }
  return ys[ys.length - 1];
}

/** What the agent believes the others of its group put in `arg` of `action` last round: their mean, if any took it. */
export function belief(req: ActRequest, action: string, arg: string, lo: number, hi: number): number | undefined {
  let sum = 0,
    n = 0;
  for (const o of myGroup(req)) {
    const v = o.last_args?.[action]?.[arg];
    if (v === undefined) continue;
    sum += Math.min(hi, Math.max(lo, v));
    n++;
  }
  return n ? sum / n : undefined;
}

/** The share of what moving to the cooperative end costs the agent at once that does not come back (0..1). */
function costShare(coop: ReturnType<typeof gains>, selfish: ReturnType<typeof gains>): number {
  const gross = selfish.ownAtOnce - coop.ownAtOnce;
  if (!(gross > 0)) return 1;
  return Math.min(1, Math.max(0, (selfish.own - coop.own) / gross));
}

/**
 * The reference an agent holds to for `arg` (before noise): the middle before it has seen the
 * action taken; then the others' mean a little less, toward the end that serves itself; moved
 * toward the end that serves the others as far as it was sanctioned.
 */
export function reference(
  req: ActRequest,
  action: string,
  arg: string,
  samples: readonly { x: number; option: ActOption }[],
  steps?: ReferenceStep[],
): number {
  const lo = samples[0].x,
    hi = samples[samples.length - 1].x;
  const b = belief(req, action, arg, lo, hi);
  const top = gains(samples[samples.length - 1].option),
    bottom = gains(samples[0].option);
  const cooperative = cooperativeEnd(samples);
  const selfish = cooperative === hi ? lo : cooperative === lo ? hi : undefined;
  let r = b ?? (lo + hi) / 2;
  steps?.push({ rule: b === undefined ? 'fair_share' : 'conformity', r });
  // Sanctions received, or seen falling on others: shading is no longer safe (Fehr & Gächter 2002).
  const threat = Math.max(req.pressure ?? 0, maxOf(req.others.map((o) => o.pressure ?? 0)));
  if (b !== undefined && selfish !== undefined) {
    const cost = cooperative === hi ? costShare(top, bottom) : costShare(bottom, top);
    r = b + SELF_SERVING * cost * (1 - threat) * (selfish - b);
    steps?.push({ rule: 'shading', r });
  }
  // What the group agreed on, as far as the agent talked with it and lately.
  const agreed = agreedAmount(req, action, arg);
  if (agreed) {
    r += agreed.hold * (Math.min(hi, Math.max(lo, agreed.amount)) - r);
    steps?.push({ rule: 'agreement', r });
  }
  // The sanctioned move toward the others' end; those who saw sanctions fall move part of the way (deterrence).
  const moved = Math.max(req.pressure ?? 0, DETERRENCE * threat);
  if (cooperative !== undefined) {
    r += SANCTION_RESPONSE * moved * (cooperative - r);
    steps?.push({ rule: 'deterrence', r });
  }
  return r;
}

/**
 * How many times ANCHOR it costs to stray to x from the reference r: beyond it toward the others'
 * end more (the sucker's place, SUCKER), toward one's own more by what one agreed (PROMISE × hold).
 */
export function strayOf(x: number, r: number, coop: number | undefined, hold: number): number {
  const towardOthers = coop !== undefined && (coop > r ? x > r : x < r);
  return towardOthers ? 1 + SUCKER : 1 + PROMISE * hold;
}

/** What holding x instead of the reference r costs, in utility: ANCHOR × stray per whole range. */
export function anchorCost(x: number, r: number, stray: number, lo: number, hi: number): number {
  return (ANCHOR * stray * Math.abs(x - r)) / (hi - lo);
}

/** A stable key of the arguments other than `skip`. */
function restKey(args: Record<string, number | string>, skip: string): string {
  return Object.keys(args)
    .filter((k) => k !== skip)
    .sort()
    .map((k) => `${k}=${String(args[k])}`)
    .join('\u0000');
}

/** The action's one number argument, if it has exactly one: the amount a continuum settles on. */
export function soleNumberArg(req: ActRequest, action: string): NumberArg | undefined {
  const numbers = req.actions.find((a) => a.name === action)?.args.filter((a) => a.type === 'number');
  return numbers?.length === 1 ? numbers[0] : undefined;
}

/**
 * The candidates: each option as it is, except an action with exactly one number argument, whose
 * options (grouped by their other arguments) become the one amount the agent settles on for them
 * (with its reference drawn with noise from `rng`; held at its mean without one).
 */
export function candidates(req: ActRequest, u: readonly number[], rng: Rng | undefined): Candidate[] {
  const out: Candidate[] = [];
  const groups = new Map<string, { x: number; option: ActOption; u: number }[]>();
  const argOf = new Map<string, NumberArg>();
  req.options.forEach((o, i) => {
    const arg = soleNumberArg(req, o.action);
    const x = arg ? o.args[arg.name] : undefined;
    if (!arg || typeof x !== 'number') {
      out.push({ option: o, args: o.args, u: u[i] });
      return;
    }
    const key = `${o.action}\u0001${restKey(o.args, arg.name)}`;
    argOf.set(key, arg);
    const g = groups.get(key) ?? [];
    if (!g.length) groups.set(key, g);
    g.push({ x, option: o, u: u[i] });
  });
  const spread = NOISE * (0.5 + req.persona.traits.neuroticism);
  for (const [key, samples] of groups) {
    const arg = argOf.get(key)!;
    samples.sort((a, b) => a.x - b.x);
    if (samples.length < 2) {
      out.push({ option: samples[0].option, args: samples[0].option.args, u: samples[0].u });
      continue;
    }
    const xs = samples.map((s) => s.x),
      us = samples.map((s) => s.u);
    const lo = xs[0],
      hi = xs[xs.length - 1];
    // Without a stream (another's choice reckoned: anticipate.ts) the reference is held without noise.
    const noise = rng ? spread * (hi - lo) * rng.normal() : 0;
    const r = reference(req, samples[0].option.action, arg.name, samples) + noise;
    const hold = agreedAmount(req, samples[0].option.action, arg.name)?.hold ?? 0;
    const coop = cooperativeEnd(samples);
    let best = lo,
      bestU = -Infinity;
    for (const x of gridOf(arg, lo, hi)) {
      const v = interpolate(xs, us, x) - anchorCost(x, r, strayOf(x, r, coop, hold), lo, hi);
      if (v > bestU + 1e-12) {
        best = x;
        bestU = v;
      }
    }
    const nearest = samples.reduce((a, b) => (Math.abs(b.x - best) < Math.abs(a.x - best) ? b : a));
    out.push({
      option: nearest.option,
      args: { ...nearest.option.args, [arg.name]: best },
      u: interpolate(xs, us, best),
      between: samples.map((s) => ({ x: s.x, changes: s.option.changes, option: s.option })),
      anchor: { arg, r, noise },
    });
  }
  return out;
}

/** A continuum point's changes, read between its samples; an option's own otherwise. */
export function changesOf(c: Candidate, arg: string | undefined): Record<string, number> {
  if (!c.between || arg === undefined) return c.option.changes;
  const x = c.args[arg] as number;
  const xs = c.between.map((b) => b.x);
  const keys = new Set(c.between.flatMap((b) => Object.keys(b.changes)));
  const out: Record<string, number> = Object.create(null);
  for (const k of keys) {
    out[k] = interpolate(
      xs,
      c.between.map((b) => b.changes[k] ?? 0),
      x,
    );
  }
  return out;
}
