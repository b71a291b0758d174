// Offline choice among a scenario's declared actions. The rule knows no action by name: it weighs
// each option by what its declared effects would change (the engine works the changes out from
// the effects on the current state: ActOption.changes), read through the persona's traits:
//
//   u(option) = (1 − p/2)·Σ own changes + p·Σ_q (0.25 + scarcity_q)·change to world quantity q
//             + Σ_j (p·(0.5 + tie_j) + c·conduct_j)·changes to agent j's quantities
//
// where each quantity's change is divided by the largest
// change any option makes to it (so every quantity counts on −1..1, whatever its units),
// p = agreeableness (concern for others and for what is shared) raised by the pressure others put
// on the agent last round (p + (1 − p)·pressure: a sanctioned agent minds the others more),
// c = conscientiousness (the will to uphold norms: to reward those whose last action gave to
// others and to sanction those whose last action took, conduct_j −1..1, engine/society/conduct.ts), and
// scarcity_q = how near a bounded world quantity is to its floor (0 at its ceiling, 1 at its
// floor; 0.5 when unbounded). Social learning adds o·(mean of ahead_j over the others shown who
// took this action last round and are ahead of the agent, 0..1) to an option, o = openness:
// the open copy what those doing better than them did.
// A full stock weighs a quarter (what is taken from plenty regrows: little is lost), a stock at
// its floor one and a quarter. Choices are a softmax over u (β = 4), so agents of one disposition
// still differ; neuroticism widens that spread. Platform verbs (post, reply, like, follow) add
// what platform.ts says they are worth, and a move what move.ts says. Experience adds
// (1 − p/2)·(0.5 + 0.5·o)·Σ_q A_option,q / unit_q: what the option brought the agent's own valued
// quantities, and the others' who took it, in the rounds after it beyond its immediate changes,
// against its usual (engine/society/experience.ts), so a payoff that arrives only later — an
// `update`, a later phase, a module, the others' reactions — comes to count as if foreseen. Nothing here encodes a scenario's outcome: a
// prosocial agent spares a resource only when it runs short, and only as much as its own trait says.
import type { Rng } from '../../random/rng';
import type { ActOption, ActRequest, ActResponse, SeenQuantity } from '../types';
import { platformReason, platformUtility, postText } from './platform';
import { moveReason, moveUtility } from './move';

/** What experience weighs against the weighed consequences, at openness 1 (half at openness 0). */
export const LEARNING = 1;

/** Softmax inverse temperature at neuroticism 0; it falls to half at neuroticism 1. */
export const ACT_BETA = 4;

/** Scarcity of a world quantity now: 1 at its floor, 0 at its ceiling, 0.5 without both bounds. */
function scarcity(q: SeenQuantity | undefined): number {
  if (!q || q.min === undefined || q.max === undefined || q.max <= q.min) return 0.5;
  return Math.min(1, Math.max(0, (q.max - q.value) / (q.max - q.min)));
}

/** The largest |change| any option makes to each target: the unit it is measured in. */
function unitsOf(options: readonly ActOption[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const o of options) {
    for (const [target, change] of Object.entries(o.changes)) {
      units.set(target, Math.max(units.get(target) ?? 0, Math.abs(change)));
    }
  }
  return units;
}

/** p: agreeableness raised by the pressure others put on the agent last round (a sanctioned agent minds the others more). */
function concern(req: ActRequest): number {
  const a = req.persona.traits.agreeableness;
  return a + (1 - a) * (req.pressure ?? 0);
}

export function utility(req: ActRequest, option: ActOption, units: Map<string, number>): number {
  const p = concern(req);
  const c = req.persona.traits.conscientiousness;
  const world = new Map(req.world.map((q) => [q.name, q]));
  const care = new Map(req.others.map((o) => [o.id, p * (0.5 + o.tie) + c * (o.conduct ?? 0)]));
  let u = 0;
  for (const [target, change] of Object.entries(option.changes)) {
    const unit = units.get(target) || 1;
    const x = change / unit;
    const dot = target.indexOf('.');
    const owner = target.slice(0, dot),
      name = target.slice(dot + 1);
    if (owner === 'me') u += (1 - p / 2) * x;
    else if (owner === 'world') u += p * (0.25 + scarcity(world.get(name))) * x;
    else u += (care.get(owner) ?? p * 0.5) * x;
  }
  return u;
}

/**
 * What each option's experience adds: its learned consequences for each own quantity, in the unit
 * its immediate changes are weighed in (the largest any option makes to it now; else the largest
 * learned), counted as an own change is — (1 − p/2) — and more fully by the open (0.5 + 0.5·o).
 */
function experienceOf(req: ActRequest, units: Map<string, number>): number[] | undefined {
  // Before any experience (and in worlds without valued quantities): nothing to add, nothing to build.
  if (!req.options.some((o) => o.experience)) return undefined;
  const weight = LEARNING * (1 - concern(req) / 2) * (0.5 + 0.5 * req.persona.traits.openness);
  const learnedUnit = new Map<string, number>();
  for (const o of req.options) {
    for (const [q, x] of Object.entries(o.experience ?? {})) {
      learnedUnit.set(q, Math.max(learnedUnit.get(q) ?? 0, Math.abs(x)));
    }
  }
  return req.options.map((o) => {
    let sum = 0;
    for (const [q, x] of Object.entries(o.experience ?? {})) {
      const unit = units.get(`me.${q}`) || learnedUnit.get(q) || 1;
      sum += x / unit;
    }
    return weight * sum;
  });
}

/** Per action: how much better off, on average, the others shown who took it last round are (ahead only). */
function imitation(req: ActRequest): Map<string, number> {
  const sums = new Map<string, number>();
  for (const o of req.others) if (o.last && (o.ahead ?? 0) > 0) sums.set(o.last, (sums.get(o.last) ?? 0) + o.ahead!);
  const shown = Math.max(1, req.others.length);
  return new Map([...sums].map(([action, sum]) => [action, sum / shown]));
}

export function act(req: ActRequest, rng: Rng): ActResponse {
  if (!req.options.length) return { action: req.actions[0]?.name ?? '', args: {}, reason: 'nothing else to do' };
  const units = unitsOf(req.options);
  const copied = imitation(req);
  const openness = req.persona.traits.openness;
  const learned = experienceOf(req, units);
  const u = req.options.map(
    (o, i) =>
      utility(req, o, units) +
      openness * (copied.get(o.action) ?? 0) +
      (learned?.[i] ?? 0) +
      platformUtility(req, o) +
      moveUtility(req, o),
  );
  let max = -Infinity;
  for (const x of u) if (x > max) max = x;
  const beta = ACT_BETA / (1 + req.persona.traits.neuroticism);
  const weights = u.map((x) => Math.exp(beta * (x - max)));
  const chosen = req.options[Math.max(0, rng.weighted(weights))];
  const text = postText(req, chosen, rng);
  return {
    action: chosen.action,
    args: { ...chosen.args },
    reason: reasonFor(req, chosen),
    ...(text !== undefined ? { text } : {}),
  };
}

/** One sentence from the largest consequence the agent weighed. */
function reasonFor(req: ActRequest, o: ActOption): string {
  const entries = Object.entries(o.changes).filter(([, x]) => x !== 0);
  const social = platformReason(req, o) ?? moveReason(o);
  if (social && !entries.length) return social;
  if (!entries.length) return `${o.action} changes nothing I care about, and that suits me now`;
  const [target, change] = entries.reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a));
  const [owner, name] = target.split('.');
  const who =
    owner === 'me' ? 'my' : owner === 'world' ? 'the' : `${req.others.find((x) => x.id === owner)?.name ?? owner}'s`;
  return `${o.action}: ${change > 0 ? 'raises' : 'lowers'} ${who} ${name} by ${Math.round(Math.abs(change) * 100) / 100}`;
}
