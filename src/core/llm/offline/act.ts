// Offline choice among a scenario's declared actions. The rule knows no action by name: it weighs
// each option by what its declared effects would change (the engine works the changes out from
// the effects on the current state: ActOption.changes), read through the persona's traits:
//
//   u(option) = (1 − p/2)·Σ own changes + p·Σ_q (0.25 + scarcity_q)·change to world quantity q
//             + Σ_j (p·(0.5 + tie_j) + c·conduct_j)·changes to agent j's quantities
//
// where each quantity's change is divided by the largest change any option makes to it (so every
// quantity counts on −1..1, whatever its units), p = agreeableness (concern for others and for what
// is shared) raised by the pressure others put on the agent last round (p + (1 − p)·pressure: a
// sanctioned agent minds the others more), c = conscientiousness (the will to uphold norms: to
// reward those whose last action gave to others and to sanction those whose last action took,
// conduct_j −1..1, engine/society/conduct.ts), and scarcity_q = how near a bounded world quantity
// is to its floor (0 at its ceiling, 1 at its floor; 0.5 when unbounded). Social learning adds
// o·(mean of ahead_j over the others shown who took this action last round and are ahead of the
// agent, 0..1) to an option, o = openness: the open copy what those doing better than them did. A
// full stock weighs a quarter (what is taken from plenty regrows: little is lost), a stock at its
// floor one and a quarter. Choices are a softmax over u (β = 4), so agents of one disposition still
// differ; neuroticism widens that spread. Platform verbs (post, reply, like, follow) add what
// platform.ts says they are worth, and a move what move.ts says. Experience adds (1 − p/2)·(0.5 +
// 0.5·o)·Σ_q A_option,q / unit_q: what the option brought the agent's own valued quantities, and
// the others' who took it, in the rounds after it beyond its immediate changes, against its usual
// (engine/society/experience.ts), so a payoff that arrives only later — an `update`, a later phase,
// a module, the others' reactions — comes to count as if foreseen. Nothing here encodes a
// scenario's outcome: a prosocial agent spares a resource only when it runs short, and only as much
// as its own trait says.
// Issue 57: the conduct term weighs conduct against the others' mean (myGroup.ts, RECIPROCITY);
// the action is chosen before its arguments (nested.ts), and a number argument on its continuum with
// conditional cooperation (continuum.ts). Issue 72: an option a partner answers in a later phase
// (options[].responses, engine/phases/act/lookahead.ts) is worth the expected u over the answers.
// Issue 85: where a quantity declares what a unit is worth (`worth_usd`), envy weighs 1/m(S) and
// β is × m(S), S the decision's stake in dollars (stakes.ts); without it neither is taken.
// Where the others' amounts are uncertain, an option's loss beyond its mean outcome weighs λ (downside.ts).
import type { Rng } from '../../random/rng';
import type { ActOption, ActRequest, ActResponse, SeenQuantity } from '../types';
import { platformUtility, postText } from './platform';
import { moveUtility } from './move';
import { ANCHOR, candidates, changesOf } from './continuum';
import { agreedChoice, PROMISE } from './agreed';
import { chooseNested } from './nested';
import { comparisonOf, inequity, type Comparison } from './inequity';
import { conductGaps, myGroup } from './myGroup';
import { diffuseShare } from './diffuse';
import { matchedShares } from './matchedGift';
import { expectedBack } from './reciprocity';
import { AT, noParts, type Parts } from './pushRules';
import { foreseenUnit, unitsOf } from './units';
import { downsideCost } from './downside';
import { anticipated } from './responses';
import { pushesOf } from './pushes';
import { reasonFor } from './actReason';
import { normWeight } from './norm';
import { envyAt, stakeOf, stakeWeight, withStakes, worthOf } from './stakes';

/** What experience weighs against the weighed consequences, at openness 1 (half at openness 0). */
export const LEARNING = 1;

/**
 * The share of what followed a choice that came in the rounds after it, not in its own round:
 * half (experience.ts credits a round's surprise to the choice before it at ELIGIBILITY = ½). In
 * a run's last round that share cannot come, and people know it (the end-game fall).
 */
export const LATER_SHARE = 0.5;

/**
 * How strongly conduct against the others' mean is rewarded or sanctioned, at conscientiousness 1:
 * strong enough that a contribution well below the others' draws punishment from the norm-minded
 * though it costs them (Fehr & Gächter 2002: most subjects punish at least once).
 */
export const RECIPROCITY = 3;

/**
 * How much of the weight sanctions get a reward of good conduct gets: negative reciprocity is
 * stronger than positive ("hurting hurts more than helping helps": Offerman 2002).
 */
export const REWARD_SHARE = 1 / 3;

/**
 * The share of rewarding another's past kindness that is strategic: given for the rounds still to
 * come. Most cooperation in a repeated dilemma is strategic (Reuben & Suetens 2012), and rewards
 * are kept up for what they bring later (Engelmann & Fischbacher 2009): in a run's last turn, a
 * kindness of an earlier round (which the agent met with its own move then) keeps only the
 * non-strategic share of its reward, none at 1 (the end-game fall between partners: Selten &
 * Stoecker 1986). A
 * kindness of this round, not answered yet — a trustor's sending — keeps its full reward: a one-shot
 * trustee returns part of what it got.
 */
export const STRATEGIC_REWARD = 1;

/** A conduct gap as reciprocity weighs it: shortfalls in full, excesses by REWARD_SHARE (less what was strategic, at the end). */
function reciprocal(gap: number, other: ActRequest['others'][number], lastTurn: boolean): number {
  if (gap < 0) return gap;
  return (lastTurn && !other.conduct_now ? 1 - STRATEGIC_REWARD : 1) * REWARD_SHARE * gap;
}

/** Softmax inverse temperature at neuroticism 0; it falls to half at neuroticism 1. */
export const ACT_BETA = 4;

/** Scarcity of a world quantity now: 1 at its floor, 0 at its ceiling, 0.5 without both bounds. */
function scarcity(q: SeenQuantity | undefined): number {
  if (!q || q.min === undefined || q.max === undefined || q.max <= q.min) return 0.5;
  return Math.min(1, Math.max(0, (q.max - q.value) / (q.max - q.min)));
}

/** p: agreeableness raised by the pressure others put on the agent last round (a sanctioned agent minds the others more). */
export function concern(req: ActRequest): number {
  const a = disposed(req.persona.traits.agreeableness, req.disposition);
  return a + (1 - a) * (req.pressure ?? 0);
}

/**
 * How much people with one agreeableness score differ in their concern for others: the score is
 * widened by DISPOSITION_SPREAD × (the agent's disposition − ½), the disposition a per-agent
 * draw of the run (uniform 0..1). Personality scores explain a small part of who gives in economic
 * games (Thielmann, Spadaro & Balliet 2020), and a population whose traits are all left at ½ still
 * holds free riders and conditional cooperators (Fischbacher, Gächter & Fehr 2001).
 */
export const DISPOSITION_SPREAD = 1;

export function disposed(agreeableness: number, disposition: number | undefined): number {
  if (disposition === undefined) return agreeableness;
  return Math.min(1, Math.max(0, agreeableness + DISPOSITION_SPREAD * (disposition - 0.5)));
}

/** What `utility` reads of a request, whatever the option: worked out once per request. */
interface Weights {
  p: number;
  world: Map<string, SeenQuantity>;
  others: Map<string, ActRequest['others'][number]>;
  care: Map<string, number>;
  /** What a unit change to each other's quantities is worth under the norm the agent holds (norm.ts). */
  norm: Map<string, number>;
  /** What a unit of each quantity is worth in dollars, where the world says (stakes.ts). */
  worth?: Map<string, number>;
}
const weights = new WeakMap<ActRequest, Weights>();

function weightsOf(req: ActRequest): Weights {
  let w = weights.get(req);
  if (!w) {
    const p = concern(req);
    const c = req.persona.traits.conscientiousness;
    const gaps = conductGaps(req);
    w = {
      p,
      world: new Map(req.world.map((q) => [q.name, q])),
      others: new Map(req.others.map((o) => [o.id, o])),
      norm: new Map(req.others.map((o) => [o.id, normWeight(req, o)])),
      worth: worthOf(req),
      care: new Map(
        req.others.map((o) => [
          o.id,
          p * (0.5 + o.tie) + RECIPROCITY * c * reciprocal(gaps.get(o.id)!, o, req.later_turns === 0),
        ]),
      ),
    };
    weights.set(req, w);
  }
  return w;
}

export function utility(
  req: ActRequest,
  option: ActOption,
  units: Map<string, number>,
  comparison: Comparison = comparisonOf(req),
  parts?: Parts,
  weight = 1,
): number {
  const { p, world, others, care, norm, worth } = weightsOf(req);
  let u = 0;
  for (const [target, change] of Object.entries(option.changes)) {
    // One unit per agent quantity, whoever holds it: a point to me and a point to my partner are
    // the same point, so a benefit of 3 against a cost of 1 weighs as three to one (stakes,
    // multipliers and temptation matter), while quantities of different names stay comparable.
    const unit =
      (target.startsWith('world.') ? units.get(target) : units.get(`*${target.slice(target.indexOf('.'))}`)) || 1;
    const x = change / unit;
    const dot = target.indexOf('.');
    const owner = target.slice(0, dot),
      name = target.slice(dot + 1);
    if (owner === 'me') {
      const v = (1 - p / 2) * x;
      u += v;
      if (parts) parts[AT.self_interest] += weight * v;
    } else if (owner === 'world') {
      const v = p * (0.25 + scarcity(world.get(name))) * x;
      u += v;
      if (parts) parts[AT.concern] += weight * v;
    } else {
      const c = care.get(owner) ?? p * 0.5;
      // The norm judges sanctions only (what is taken from another), not gifts (norm.ts).
      const held = x < 0 ? (norm.get(owner) ?? 0) * x : 0;
      u += c * x + held;
      if (parts) {
        parts[AT.norm_sanction] += weight * held;
        // care = concern p·(0.5 + tie) + reciprocity (weightsOf): the rest of it is reciprocity.
        const kind = p * (0.5 + (others.get(owner)?.tie ?? 0));
        parts[AT.concern] += weight * kind * x;
        parts[AT.reciprocity] += weight * (c - kind) * x;
      }
    }
  }
  const diffuse = diffuseShare(req, option.foreseen);
  const matched = matchedShares(req, option);
  for (const [target, change] of Object.entries(option.foreseen ?? {})) {
    const x = change / foreseenUnit(units, target);
    const owner = target.slice(0, target.indexOf('.'));
    // What reaches others through the world's mechanics is nobody's gift or sanction: it is weighed
    // with concern for them, never with reciprocity (else spite would overrun a shared pool).
    const tie = others.get(owner)?.tie ?? 0;
    // A diffuse gain to many saturates with their number (DIFFUSE_OTHERS); a harm done them does not.
    const v = owner === 'me' ? (1 - p / 2) * x : (x > 0 ? diffuse : 1) * p * (0.5 + tie) * x;
    // A gain beyond what its owner gave itself is weighed as far as it matched (matchedGift.ts).
    const held = x > 0 ? (matched?.get(owner) ?? 1) : 1;
    u += v * held;
    if (parts) {
      parts[owner === 'me' ? AT.self_interest : AT.concern] += weight * v;
      parts[AT.unmatched_gift] += weight * v * (held - 1);
    }
  }
  const back = (1 - p / 2) * expectedBack(req, option, (target) => foreseenUnit(units, target));
  const envy = inequity(req, option, comparison, (name) => units.get(`*.${name}`) || foreseenUnit(units, `me.${name}`));
  // At a stake on a money scale envy weighs 1/m(S) (stakes.ts): what it no longer weighs is the stakes push.
  const staked = worth && envy ? envy * (envyAt(stakeOf(worth, units)) - 1) : 0;
  // Unsure of the others, a shortfall below the expected close weighs more than a like gain (downside.ts).
  const short = downsideCost(option, units, 1 - p / 2);
  if (parts) {
    parts[AT.expected_return] += weight * back;
    parts[AT.envy] += weight * envy;
    parts[AT.stakes] += weight * staked;
    parts[AT.loss_aversion] += weight * short;
  }
  return u + back + envy + staked + short;
}

/** What is left of what comes later in this decision: all of it, but 1 − LATER_SHARE in the run's last round. */
function lastShare(req: ActRequest): number {
  return req.later_turns === 0 ? 1 - LATER_SHARE : 1;
}

/**
 * What each option's experience adds: its learned consequences for each own quantity, in the unit
 * its immediate changes are weighed in (the largest any option makes to it now; else the largest
 * learned), counted as an own change is — (1 − p/2) — and more fully by the open (0.5 + 0.5·o).
 */
function experienceOf(req: ActRequest, units: Map<string, number>): number[] | undefined {
  // Before any experience (and in worlds without valued quantities): nothing to add, nothing to build.
  if (!req.options.some((o) => o.experience)) return undefined;
  // In the last round what would have come in the rounds after cannot come: that share is dropped.
  const weight = lastShare(req) * LEARNING * (1 - concern(req) / 2) * (0.5 + 0.5 * req.persona.traits.openness);
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

/** Per action: how much better off, on average, the others of its group who took it last round are (ahead only). */
function imitation(req: ActRequest): Map<string, number> {
  const sums = new Map<string, number>();
  const group = myGroup(req);
  for (const o of group) if (o.last && (o.ahead ?? 0) > 0) sums.set(o.last, (sums.get(o.last) ?? 0) + o.ahead!);
  const shown = Math.max(1, group.length);
  return new Map([...sums].map(([action, sum]) => [action, sum / shown]));
}

/**
 * u of an option whose partner responds later (anticipated): the expected utility over the
 * responses, each weighed with what it brings on top of the option's own foresight (so envy at
 * each outcome counts, not envy at the mean outcome); `utility` otherwise.
 */
function expectedUtility(
  req: ActRequest,
  option: ActOption,
  units: Map<string, number>,
  comparison: Comparison,
  own: ActOption,
  parts?: Parts,
): number {
  if (!own.responses?.length) return utility(req, option, units, comparison, parts);
  let u = 0;
  for (const r of own.responses) {
    const foreseen: Record<string, number> = { ...own.foreseen };
    for (const [k, x] of Object.entries(r.changes)) foreseen[k] = (foreseen[k] ?? 0) + x;
    u += r.p * utility(req, { ...option, foreseen }, units, comparison, parts, r.p);
  }
  return u;
}

/**
 * Every option's u, as the offline rule weighs it (the request already `anticipated`; `given` the
 * one before); with `parts`, each option's u split by rule into parts[i] as it is summed.
 */
export function optionUtilities(req: ActRequest, given: ActRequest = req, parts?: Parts[]): number[] {
  const units = unitsOf(req.options);
  const copied = imitation(req);
  const openness = req.persona.traits.openness;
  const learned = experienceOf(req, units);
  const comparison = comparisonOf(req);
  const agreed = agreedChoice(req);
  return req.options.map((o, i) => {
    const promised = promiseCost(req, o, agreed),
      copy = openness * (copied.get(o.action) ?? 0),
      learnt = learned?.[i] ?? 0,
      platform = platformUtility(req, o),
      move = moveUtility(req, o);
    const part = parts?.[i];
    if (part) {
      // promiseCost = ANCHOR·hold (the agreement) + ANCHOR·hold·PROMISE·hold (the promise).
      const held = promised && agreed ? ANCHOR * agreed.hold : 0;
      part[AT.agreement] -= held;
      part[AT.promise] -= promised - held;
      part[AT.imitation] += copy;
      // What experience would bring but for the run's end, and what the end takes of it.
      part[AT.learning] += learnt / lastShare(req);
      part[AT.horizon] += learnt - learnt / lastShare(req);
      part[AT.platform] += platform;
      part[AT.move] += move;
    }
    return (
      expectedUtility(req, o, units, comparison, given.options[i], part) - promised + copy + learnt + platform + move
    );
  });
}

/**
 * Each option's envy term (inequity.ts) at the request's α: what `optionUtilities` adds for envy,
 * so u at another α is u at α = 0 plus this times that α; undefined when an option is answered
 * later (its envy is counted per answer, `expectedUtility`).
 */
export function envyTerms(req: ActRequest): number[] | undefined {
  if (req.options.some((o) => o.responses?.length)) return undefined;
  const units = unitsOf(req.options);
  const comparison = comparisonOf(req);
  const unitOf = (name: string) => units.get(`*.${name}`) || foreseenUnit(units, `me.${name}`);
  const worth = worthOf(req);
  const at = worth ? envyAt(stakeOf(worth, units)) : 1;
  return req.options.map((o) => at * inequity(req, o, comparison, unitOf));
}

/**
 * What an option loses for not being the action its group agreed on, when the agent chooses
 * between actions without arguments after talk: ANCHOR × hold × (1 + PROMISE × hold), as straying
 * across an agreed amount's whole range would (continuum.ts). Options with arguments are not judged by it.
 */
export function promiseCost(req: ActRequest, option: ActOption, agreed = agreedChoice(req)): number {
  if (!agreed || option.action === agreed.action || Object.keys(option.args).length) return 0;
  return ANCHOR * agreed.hold * (1 + PROMISE * agreed.hold);
}

/** The softmax's inverse temperature for this agent: neuroticism widens the spread of its choices. */
export function betaOf(req: ActRequest): number {
  const beta = ACT_BETA / (1 + req.persona.traits.neuroticism);
  // At a stake on a money scale choices are made with more care (stakes.ts): β × m(S).
  const worth = worthOf(req);
  return worth ? beta * stakeWeight(stakeOf(worth, unitsOf(req.options))) : beta;
}

export function act(given: ActRequest, rng: Rng): ActResponse {
  if (!given.options.length) return { action: given.actions[0]?.name ?? '', args: {}, reason: 'nothing else to do' };
  const req = anticipated(given);
  const parts = req.options.map(noParts);
  const u = optionUtilities(req, given, parts);
  const ways = candidates(req, u, rng);
  const way = chooseNested(ways, betaOf(req), rng);
  const numberArg = req.actions.find((a) => a.name === way.option.action)?.args.find((x) => x.type === 'number')?.name;
  const chosen: ActOption = way.between
    ? { ...way.option, args: way.args, changes: changesOf(way, numberArg) }
    : way.option;
  const text = postText(req, chosen, rng);
  const pushes = pushesOf(req, ways, way, parts);
  return {
    action: chosen.action,
    args: { ...chosen.args },
    ...withStakes(req, reasonFor(req, chosen, numberArg), pushes),
    ...(pushes.length ? { pushes } : {}),
    ...(text !== undefined ? { text } : {}),
  };
}
