// A theory of mind one step deep (docs/model.md, "Anticipating a partner's later choice"). When
// what an offline agent does now changes an agent who chooses in a later act phase of this round
// — the offer a responder will accept or reject, the tokens a trustee will return from, the move
// a second mover in a dilemma answers — it reckons that partner's choice as the partner's own rule
// would make it on the state its option leaves (llm/offline/anticipate.ts): the options the partner
// would have then, each with its chance. The option is then weighed by what it brings across those
// responses (act.ts `expectedUtility`): keeping more against the risk of a rejection. No rule knows
// a game: any action that changes another agent, in a round with a later act phase that agent acts
// in, is looked ahead over. Bounded: one partner, one step, amounts weighed at sixths of their range
// (nothing, the equal split and everything among them), the first agent it may name, each partner's answer worked out once
// per state revision. No random draw: the partner's amounts are held at their reference, its
// unseen draws at the population's.
import type { ActRequest } from '../../../llm/types';
import { phaseActionsFor, type ActPhase } from '../../../format';
import { believedResponses, type Response } from '../../../llm/offline/anticipate';
import type { Agent } from '../../society/agent';
import type { CompiledAction } from '../../society/compiledMechanics';
import { ExpressionFailure } from '../../society/compiledMechanics';
import type { WorldState } from '../../society/worldState';
import type { PhaseContext } from '../context';
import { changesOf, contextOf, movesOf, optionsFor, type ActionOption } from './actionOptions';
import { argKey, qualifies } from './candidates';
import { nameRecord } from '../../../text/nameRecord';
import { divisionOf, type Division } from '../../society/division';

/** The act phase after `phase` in the round's plan, if one follows it. */
export function laterPhase(world: PhaseContext, phase: ActPhase | undefined): ActPhase | undefined {
  const plan = world.scenario.round;
  const at = phase && plan ? plan.indexOf(phase) : -1;
  if (at < 0) return undefined;
  return plan!.slice(at + 1).find((p): p is ActPhase => p.kind === 'act');
}

/** Whether `id` acts in `phase` (its group is let act and given actions there). */
function actsIn(world: PhaseContext, id: string, phase: ActPhase): boolean {
  const group = world.agents.get(id)?.persona.group;
  if (!world.agents.has(id)) return false;
  if (phase.who && !phase.who.includes(group ?? '')) return false;
  return phaseActionsFor(phase, group).length > 0;
}

/**
 * The actions of `offered` an offline agent looks ahead over in `phase`: those that change another
 * agent (its partner or one it names) when a later act phase follows. Their amounts are weighed at
 * sixths of the range (numberSamples.ts `lookaheadSamples`).
 */
export function lookaheadActions(
  world: PhaseContext,
  state: WorldState,
  phase: ActPhase | undefined,
  offered: readonly string[] | undefined,
): Set<CompiledAction> {
  const out = new Set<CompiledAction>();
  if (!laterPhase(world, phase)) return out;
  for (const c of state.compiled.actions) {
    if (offered && !offered.includes(c.spec.name)) continue;
    if (c.effects.some((e) => e.owner.kind !== 'me' && e.owner.kind !== 'world')) out.add(c);
  }
  return out;
}

/** The partner whose later choice an option's changes bear on: the first other it changes who acts then, else the matched one. */
function partnerFor(
  world: PhaseContext,
  state: WorldState,
  me: string,
  raw: Readonly<Record<string, number>>,
  next: ActPhase,
): string | undefined {
  const changed = Object.keys(raw)
    .map((k) => k.slice(0, k.indexOf('.')))
    .filter((o) => o !== 'me' && o !== 'world' && o !== me);
  const matched = state.matches?.groupOf(me)?.filter((id) => id !== me) ?? [];
  return [...changed, ...matched].find((id) => actsIn(world, id, next));
}

/** A partner's answer to one option: who answers and how (null: nobody answers it). */
type Answer = { partner: string; responses: Response[] } | null;

const answers = new WeakMap<WorldState, { revision: number; round: number; byKey: Map<string, Answer> }>();

/** The cache of partners' answers for the state as it stands (emptied when it changes). */
function answersNow(state: WorldState, round: number): Map<string, Answer> {
  let c = answers.get(state);
  if (!c || c.revision !== state.revision || c.round !== round) {
    c = { revision: state.revision, round, byKey: new Map() };
    answers.set(state, c);
  }
  return c.byKey;
}

/**
 * Sets `responses` on each option of `options` whose action is in `looked`: the partner's later
 * choice reckoned on the state the option would leave, its changes keyed from `a`'s side.
 */
export function anticipate(
  world: PhaseContext,
  state: WorldState,
  a: Agent,
  phase: ActPhase | undefined,
  options: ActionOption[],
  looked: ReadonlySet<CompiledAction>,
): void {
  const next = laterPhase(world, phase);
  if (!next || !looked.size) return;
  const n = world.agents.size;
  const cache = answersNow(state, world.round);
  for (const o of options) {
    if (!looked.has(o.compiled)) continue;
    const raw = o.raw ?? rawChanges(state, a, o, n, world.round);
    if (!raw) continue;
    const partner = partnerFor(world, state, a.id, raw, next);
    // What the option divides, as a third party will judge it (norm.ts); only an action of one amount can divide.
    const division = oneAmount(o.compiled)
      ? divisionOf(a.id, o.compiled.spec.args, o.args, (at) => valuedChangesAt(state, a, o, at, n, world.round))
      : undefined;
    if (!partner && !division) continue;
    const key = `${a.id}\u0000${partner ?? ''}\u0000${Object.entries(raw)
      .map(([k, x]) => `${k}=${x}`)
      .join(';')}`;
    let answer = cache.get(key);
    if (answer === undefined) {
      answer = state.trial(movesOf(raw, a.id), () => {
        // Without a partner its changes bear on, a third party who may sanction the division then.
        const who = partner ?? watcherFor(world, state, a, next, division!);
        return who ? { partner: who, responses: partnerResponses(world, state, a, who, next, division) } : null;
      });
      cache.set(key, answer);
    }
    if (answer?.responses.length) {
      const who = answer.partner;
      o.responses = answer.responses.map((r) => ({ p: r.p, changes: fromSide(r.changes, who, a.id) }));
    }
  }
}

/** Whether an action has exactly one number argument (only such an action can divide: division.ts). */
function oneAmount(c: CompiledAction): boolean {
  return c.spec.args.filter((x) => x.type === 'number').length === 1;
}

/** An option's changes to valued quantities at other arguments; undefined when an effect fails. */
function valuedChangesAt(
  state: WorldState,
  a: Agent,
  o: ActionOption,
  args: Record<string, number | string>,
  n: number,
  round: number,
): Record<string, number> | undefined {
  try {
    return changesOf(state, a, o.compiled, args, contextOf(state, a, n, round, args, o.compiled), true);
  } catch (err) {
    if (err instanceof ExpressionFailure) return undefined;
    throw err;
  }
}

/** How many agents acting in the next phase are looked over for a third party, at most, per option. */
export const WATCHERS_SCANNED = 64;

/**
 * A third party who may sanction a division in `next`: the first agent, not among its parties, who
 * acts then and is offered an action naming another agent that may name the divider (its `where`
 * holds for it on the state the option leaves) and changes a valued quantity of the one it names.
 * An agent who may be sanctioned foresees it (docs/model.md, "Norms that observers enforce").
 */
function watcherFor(
  world: PhaseContext,
  state: WorldState,
  a: Agent,
  next: ActPhase,
  division: Division,
): string | undefined {
  let scanned = 0;
  for (const [id, agent] of world.agents) {
    if (division.parties.includes(id) || !actsIn(world, id, next)) continue;
    // Bounded: in a large world the first WATCHERS_SCANNED who act then stand for the rest.
    if (++scanned > WATCHERS_SCANNED) return undefined;
    const offered = phaseActionsFor(next, agent.persona.group);
    for (const c of state.compiled.actions) {
      if (!offered.includes(c.spec.name)) continue;
      const named = c.spec.args.filter(
        (x) =>
          x.type === 'agent' &&
          c.effects.some(
            (e) => e.owner.kind === 'arg' && e.owner.arg === x.name && state.valuedKey(`${a.id}.${e.quantity}`),
          ),
      );
      if (named.some((x) => nameable(world, state, agent, c, x, a.id))) return id;
    }
  }
  return undefined;
}

/** Whether `actor` may name `id` in `arg` of `c` now (its `where` holds; a failing one does not). */
function nameable(
  world: PhaseContext,
  state: WorldState,
  actor: Agent,
  c: CompiledAction,
  arg: CompiledAction['spec']['args'][number],
  id: string,
): boolean {
  try {
    return qualifies(world, state, actor, c, arg, id);
  } catch (err) {
    if (err instanceof ExpressionFailure) return false;
    throw err;
  }
}

/** Every change an option makes (tallies too), when optionsFor did not keep them; undefined when an effect fails. */
function rawChanges(
  state: WorldState,
  a: Agent,
  o: ActionOption,
  n: number,
  round: number,
): Record<string, number> | undefined {
  const raw: Record<string, number> = nameRecord();
  try {
    changesOf(state, a, o.compiled, o.args, contextOf(state, a, n, round, o.args, o.compiled), false, raw);
    return raw;
  } catch (err) {
    if (err instanceof ExpressionFailure) return undefined;
    throw err;
  }
}

/** A partner's changes (`me.q` its own) keyed from the decider's side (`me.q` the decider's). */
function fromSide(changes: Readonly<Record<string, number>>, partner: string, me: string): Record<string, number> {
  const out: Record<string, number> = nameRecord();
  for (const [k, x] of Object.entries(changes)) {
    const dot = k.indexOf('.');
    const owner = k.slice(0, dot);
    const key = owner === 'me' ? `${partner}${k.slice(dot)}` : owner === me ? `me${k.slice(dot)}` : k;
    out[key] = (out[key] ?? 0) + x;
  }
  return out;
}

/** The partner's responses in `next` on the state as it stands (the trial's), as the offline rule reckons them. */
function partnerResponses(
  world: PhaseContext,
  state: WorldState,
  decider: Agent,
  id: string,
  next: ActPhase,
  division: Division | undefined,
): Response[] {
  const partner = world.agents.get(id)!;
  const offered = phaseActionsFor(next, partner.persona.group);
  const quiet = () => {};
  // Whom the partner may name: the decider (its answer to it is what is reckoned) and its match group.
  const others = [
    decider.id,
    ...(state.matches?.groupOf(id) ?? []).filter((x) => x !== decider.id && x !== id && world.agents.has(x)),
  ];
  const among = amongOf(world, state, partner, offered, others);
  const options = optionsFor(
    state,
    partner,
    { others, posts: new Map(), ...(among ? { among } : {}) },
    world.agents.size,
    world.round,
    offered,
    quiet,
  );
  if (!options.length) return [];
  const req = requestOf(world, state, partner, next, others, options);
  if (division && !division.parties.includes(id)) {
    const { amount, fair, breach } = division;
    req.others[0] = { ...req.others[0], division: { amount, fair, breach } };
  }
  return believedResponses(req);
}

/** The candidates of the partner's conditioned agent arguments among `others`: those meeting each `where`. */
function amongOf(
  world: PhaseContext,
  state: WorldState,
  partner: Agent,
  offered: readonly string[],
  others: readonly string[],
): Map<string, string[]> | undefined {
  const conditioned = state.compiled.actions.filter((c) => c.wheres && offered.includes(c.spec.name));
  if (!conditioned.length) return undefined;
  const out = new Map<string, string[]>();
  for (const c of conditioned) {
    for (const arg of c.spec.args) {
      if (!c.wheres?.[arg.name]) continue;
      const ok = (x: string): boolean => {
        try {
          return arg.type === 'agent' && qualifies(world, state, partner, c, arg, x);
        } catch (err) {
          if (err instanceof ExpressionFailure) return false;
          throw err;
        }
      };
      out.set(argKey(c.spec.name, arg.name), others.filter(ok));
    }
  }
  return out;
}

/** The request the partner would face: what it sees of the world, itself and the others, and its options. */
function requestOf(
  world: PhaseContext,
  state: WorldState,
  partner: Agent,
  next: ActPhase,
  others: readonly string[],
  options: readonly ActionOption[],
): ActRequest {
  const shown = (id: string): Record<string, number> => {
    const v = state.of(id);
    const out: Record<string, number> = nameRecord();
    for (const [name, q] of state.agentQuantities) if (!q.hidden) out[name] = v[name];
    return out;
  };
  const rounds = Math.max(0, world.settings.world.rounds - world.round);
  const offered = [...new Set(options.map((o) => o.compiled))];
  return {
    kind: 'act',
    key: `lookahead:${world.round}:${next.name}:${partner.id}`,
    round: world.round,
    setting: world.settings.world.setting,
    persona: partner.brief,
    memories: [],
    world: state.compiled.mechanics.world.map((q) => ({
      name: q.name,
      value: state.world[q.name],
      ...(q.min !== undefined ? { min: q.min } : {}),
      ...(q.max !== undefined ? { max: q.max } : {}),
      ...(q.worth_usd !== undefined ? { worth: q.worth_usd } : {}),
    })),
    own: state.compiled.mechanics.agents.map((q) => ({
      name: q.name,
      value: state.of(partner.id)[q.name],
      ...(q.worth_usd !== undefined ? { worth: q.worth_usd } : {}),
    })),
    others: others.map((o) => {
      const last = state.conduct.lastActionOf(o);
      const lastArgs = state.conduct.lastArgsOf(o);
      return {
        id: o,
        name: world.agents.get(o)?.persona.name ?? o,
        ...(state.matches?.groupOf(partner.id)?.includes(o) ? { matched: true as const } : {}),
        tie: world.ties.get(partner.id, o),
        state: shown(o),
        ...state.conduct.seenIn(o, world.round),
        ...(last ? { last } : {}),
        ...(lastArgs ? { last_args: lastArgs } : {}),
      };
    }),
    pressure: state.conduct.pressureOn(partner.id),
    later_turns: rounds + (laterPhase(world, next) ? 1 : 0),
    actions: offered.map((c) => ({
      name: c.spec.name,
      description: c.spec.description,
      args: options.find((o) => o.compiled === c)?.argSpecs ?? c.spec.args,
      effects: c.spec.effects,
    })),
    options: options.map(({ action, args, changes, foreseen }) => ({
      action,
      args,
      changes,
      ...(foreseen ? { foreseen } : {}),
    })),
    n: world.agents.size,
  };
}
