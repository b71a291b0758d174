// The ways an agent can take the scenario's declared actions now, and what each would change. An
// action is on offer while its `when` holds; its arguments are sampled (a number argument at its
// least, middle and most; an agent argument as each of the agents offered), and each sample's
// effects are evaluated on the current state — what the offline model weighs, and what an LLM
// agent is told each action does.
import { type Evaluate, type ExpressionContext, type ActionArg, lazyAgents, noValueLeft } from '../../../format';
import type { ActOption } from '../../../llm/types';
import type { Agent } from '../../society/agent';
import { ExpressionFailure, type CompiledAction } from '../../society/compiledMechanics';
import { bounded, type WorldState } from '../../society/worldState';
import { verbsPossible } from './verbs';
import { argKey } from './candidates';
import { agentQuantity, finiteResult } from '../../society/finiteResult';
import { lookaheadSamples, numberSamples } from '../../society/numberSamples';
import { needsMatch, readMatch } from './matchReads';
import { nameRecord } from '../../../text/nameRecord';
import { Foresight, type Moves } from './foresight';
import type { Foreseeing } from './beliefSpread';
import { actorView } from './actorView';

export { actorView };

/** Samples of one action's arguments, at most this many per action. */
export const MAX_OPTIONS_PER_ACTION = 24;

/**
 * Samples of an action a partner's later answer is looked ahead over (lookahead.ts), at most this
 * many: each is a what-if of the partner's choice, so one set of amounts (LOOKAHEAD_STEPS + 1), for
 * the first agent it may name (the strongest tie, else one drawn): whom to name is not looked over.
 */
export const LOOKAHEAD_OPTIONS = 7;

export interface ActionOption extends ActOption {
  compiled: CompiledAction;
  /** The action's arguments with bounds written as expressions evaluated for this agent now (when it has such). */
  argSpecs?: ActionArg[];
  /** Every change it makes, weighed or not (tallies too), for actions looked ahead over (lookahead.ts). */
  raw?: Record<string, number>;
}

/**
 * The action's arguments with each bound written as an expression evaluated in `context` (the
 * agent's, before arguments are chosen); undefined when it has none. Throws an ExpressionFailure
 * when a bound fails or gives no finite number.
 */
export function boundedArgs(action: CompiledAction, context: ExpressionContext): ActionArg[] | undefined {
  const bounds = action.bounds;
  if (!bounds) return undefined;
  return action.spec.args.map((arg) => {
    const b = Object.hasOwn(bounds, arg.name) ? bounds[arg.name] : undefined;
    if (!b) return arg;
    const value = (f: Evaluate | undefined, side: 'min' | 'max'): number | undefined => {
      if (!f) return arg[side];
      const x = f(context);
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new ExpressionFailure(`actions.${action.spec.name}.args.${arg.name}.${side}`, new Error(`gave ${x}`));
      }
      return x;
    };
    const min = value(b.min, 'min') ?? 0;
    const max = value(b.max, 'max') ?? min + 1;
    return { ...arg, min, max };
  });
}

/** The expression context of `agent` acting with `args` (agent arguments resolved to their values). */
export function contextOf(
  state: WorldState,
  agent: Agent,
  n: number,
  round: number,
  args?: Record<string, number | string>,
  compiled?: CompiledAction,
): ExpressionContext {
  const context: ExpressionContext = {
    world: state.world,
    n: BigInt(n) as unknown as number,
    round: BigInt(round) as unknown as number,
    me: actorView(state, agent),
    traits: agent.persona.traits,
  };
  lazyAgents(context, () => state.rows());
  readMatch(context, state, agent.id);
  if (args) {
    context.args = args;
    for (const a of compiled?.spec.args ?? []) {
      if (a.type === 'agent') context[a.name] = state.view(String(args[a.name]));
      if (a.type === 'post') {
        const p = state.board?.get(String(args[a.name]));
        context[a.name] = { likes: p?.likes ?? 0, replies: p?.replies ?? 0, age: p ? round - p.round : 0 };
      }
    }
  }
  return context;
}

/** What an agent may pick for its arguments: the agents offered, and the posts it read on each feed. */
export interface Choices {
  others: readonly string[];
  /** feed → ids of the posts read there, best ranked first. */
  posts: ReadonlyMap<string, readonly string[]>;
  /** The candidates of each argument with a `where` (candidates.ts argKey → ids), which replace the above. */
  among?: ReadonlyMap<string, readonly string[]>;
  /** Scenarios with places: the ids a place argument may name, and what a move means to the agent. */
  places?: readonly string[];
  moveOf?: (compiled: CompiledAction, args: Record<string, number | string>) => ActionOption['move'];
  /** The foresight for this decision (made with the others' expected moves: expectedMoves.ts); else one is made. */
  foresight?: Foreseeing;
  /** Actions a partner's later answer is looked ahead over (lookahead.ts): their amounts weighed at sixths. */
  looked?: ReadonlySet<CompiledAction>;
}

/** A post argument's feed: the one it names, else the scenario's only (or first) feed. */
export function feedOf(arg: ActionArg, posts: ReadonlyMap<string, readonly string[]>): string | undefined {
  return arg.feed ?? posts.keys().next().value;
}

function samples(arg: ActionArg, c: Choices, action: string, dense = false): (number | string)[] {
  const among = arg.where !== undefined && arg.type !== 'number' ? c.among?.get(argKey(action, arg.name)) : undefined;
  if (among) return [...among];
  if (arg.type === 'agent') return [...c.others];
  if (arg.type === 'post') return [...(c.posts.get(feedOf(arg, c.posts) ?? '') ?? [])];
  if (arg.type === 'place') return [...(c.places ?? [])];
  return dense ? lookaheadSamples(arg) : numberSamples(arg);
}

/** Every combination of the samples, in argument order, at most `limit`. */
function combinations(
  action: string,
  args: readonly ActionArg[],
  choices: Choices,
  limit: number,
  dense = false,
): Record<string, number | string>[] {
  let out: Record<string, number | string>[] = [{}];
  for (const arg of args) {
    const next: Record<string, number | string>[] = [];
    const values = samples(arg, choices, action, dense);
    // Finely weighed amounts: only whole sets of them (an amount read on part of its range misleads).
    const cap = dense && arg.type === 'number' ? limit - (limit % values.length) : limit;
    for (const partial of out) {
      for (const value of values) {
        if (next.length >= cap) break;
        next.push({ ...partial, [arg.name]: value });
      }
    }
    out = next;
  }
  return out;
}

/** An option's arguments all name something: every post argument a post read, and each verb still possible. */
function possibleOnBoard(
  state: WorldState,
  me: string,
  compiled: CompiledAction,
  args: Record<string, number | string>,
): boolean {
  for (const a of compiled.spec.args) if (a.type === 'post' && args[a.name] === undefined) return false;
  return verbsPossible(state.board, me, compiled, args);
}

/**
 * What `action` with `args` would change now: target → after − before (bounds applied). An effect
 * that fails or gives no finite number throws an ExpressionFailure.
 */
export function changesOf(
  state: WorldState,
  agent: Agent,
  action: CompiledAction,
  args: Record<string, number | string>,
  context: ExpressionContext,
  /** For a model to weigh: leave out tallies (`valued: false`) and categorical quantities (`labels`). */
  weighing = false,
  /** Every change, weighed or not, collected here too (foresight reads them; the effects run once). */
  all?: Record<string, number>,
  /** The valued quantities (`me.q`, `<id>.q`) an effect would take below their bound, collected here. */
  clamped?: string[],
): Record<string, number> {
  const changes: Record<string, number> = nameRecord();
  // A flow (a pot emptied at the close) is weighed by what it brings back (foresight.ts), not itself.
  const flows = weighing && Foresight.possible(state) ? Foresight.flows(state) : undefined;
  for (const e of action.effects) {
    const owner =
      e.owner.kind === 'world'
        ? 'world'
        : e.owner.kind === 'me'
          ? agent.id
          : e.owner.kind === 'partner'
            ? partnerOf(state, agent.id, e)
            : String(args[e.owner.arg]);
    const q = owner === 'world' ? state.worldQuantities.get(e.quantity)! : state.agentQuantities.get(e.quantity)!;
    const before = owner === 'world' ? state.world[e.quantity] : state.of(owner)[e.quantity];
    const x = finiteResult(
      e.evaluate(context),
      e,
      owner === 'world' ? e.target : agentQuantity(e.quantity, owner),
      before,
    );
    const key = owner === 'world' ? e.target : owner === agent.id ? `me.${e.quantity}` : `${owner}.${e.quantity}`;
    const kept = bounded(q, x);
    // A valued quantity held up by its bound: the effect took less from it than it says.
    if (clamped && kept > x && q.valued !== false && !q.labels?.length) clamped.push(key);
    const change = kept - before;
    if (all) all[key] = (all[key] ?? 0) + change;
    // A tally: nobody wants more of it; a category (`labels`): a higher value is another label, not more.
    if (weighing && (q.valued === false || q.labels?.length)) continue;
    if (flows && owner === 'world' && flows.has(e.quantity)) continue;
    changes[key] = (changes[key] ?? 0) + change;
  }
  return changes;
}

/** The partner an effect on `partner.<q>` changes; an ExpressionFailure for an agent without one. */
function partnerOf(state: WorldState, agent: string, e: CompiledAction['effects'][number]): string {
  const partner = state.matches?.partnerOf(agent);
  if (partner === undefined) throw new ExpressionFailure(e.where, new Error(`${agent} has no partner this round`));
  return partner;
}

/**
 * The options `agent` has now. An expression that fails is the failing action's alone: a `when`
 * that fails takes that action off the offer, an effect that fails the samples it fails for (each
 * action's first failure goes to `failed`); every other action stays on offer.
 */
export function optionsFor(
  state: WorldState,
  agent: Agent,
  choices: Choices,
  n: number,
  round: number,
  /** The actions of the phase (by name); all when undefined. */
  offered: readonly string[] | undefined,
  /** `args`: the arguments the effect failed for (a failing `when` has none). */
  failed: (err: ExpressionFailure, args?: Record<string, number | string>) => void,
): ActionOption[] {
  const out: ActionOption[] = [];
  const base = contextOf(state, agent, n, round);
  const foresight: Foreseeing | undefined =
    choices.foresight ??
    (Foresight.possible(state) ? new Foresight(state, agent, choices.others, n, round) : undefined);
  for (const compiled of state.compiled.actions) {
    if (offered && !offered.includes(compiled.spec.name)) continue;
    let reported = false;
    const attempt = <T>(work: () => T, args?: Record<string, number | string>): T | undefined => {
      try {
        return work();
      } catch (err) {
        if (!(err instanceof ExpressionFailure)) throw err;
        if (!reported) failed(err, args);
        reported = true;
        return undefined;
      }
    };
    // An action that reads or changes the agent's match is not for an agent left without one.
    if (state.matches && !state.matches.groupOf(agent.id) && needsMatch(compiled)) continue;
    if (compiled.when && attempt(() => compiled.when!(base)) !== true) continue;
    const unnamed = (a: ActionArg) =>
      (a.type === 'agent' || a.type === 'place') && !samples(a, choices, compiled.spec.name).length;
    if (compiled.spec.args.some(unnamed)) continue;
    const argSpecs = compiled.bounds ? attempt(() => boundedArgs(compiled, base)) : undefined;
    if (compiled.bounds && !argSpecs) continue;
    // Bounds that leave nothing to choose (max below min, no whole number between): not on offer now.
    if (argSpecs?.some((a) => a.type === 'number' && noValueLeft(a.min!, a.max!, a.integer) !== undefined)) {
      continue;
    }
    const specArgs = argSpecs ?? compiled.spec.args;
    // Only posts that can still take this action: a post liked before is not liked again.
    const dense = choices.looked?.has(compiled) ?? false;
    const concerns = foresight !== undefined && Foresight.concerns(state, compiled);
    // A close that steps, weighed over a spread belief, is read at sixths, as a partner's answer is (beliefSpread.ts).
    const fine = dense || (concerns && foresight.fine === true);
    const limit = fine ? LOOKAHEAD_OPTIONS : MAX_OPTIONS_PER_ACTION;
    for (const args of combinations(compiled.spec.name, specArgs, choices, limit, fine)) {
      if (!possibleOnBoard(state, agent.persona.id, compiled, args)) continue;
      const context = contextOf(state, agent, n, round, args, compiled);
      const raw: Record<string, number> | undefined = concerns || dense ? nameRecord() : undefined;
      const changes = attempt(() => changesOf(state, agent, compiled, args, context, true, raw), args);
      const move = compiled.spec.move ? choices.moveOf?.(compiled, args) : undefined;
      if (!changes) continue;
      const { foreseen, downside } = raw && concerns ? foreseenOf(foresight!, raw, agent.id) : {};
      out.push({
        action: compiled.spec.name,
        args,
        changes,
        compiled,
        ...(move ? { move } : {}),
        ...(foreseen ? { foreseen } : {}),
        ...(downside ? { downside } : {}),
        ...(argSpecs ? { argSpecs } : {}),
        ...(dense ? { raw } : {}),
      });
    }
  }
  return out;
}

/**
 * What the option's changes bring back at the round's close beyond themselves (foresight.ts), and
 * over a spread belief how far that may fall short of its mean (beliefSpread.ts); empty when nothing.
 */
function foreseenOf(
  foresight: Foreseeing,
  raw: Record<string, number>,
  self: string,
): { foreseen?: Record<string, number>; downside?: Record<string, number> } {
  const moves = movesOf(raw, self);
  const spread = foresight.weigh?.(moves);
  const out = spread ? spread.mean : foresight.of(moves);
  return {
    ...(out && Object.keys(out).length ? { foreseen: out } : {}),
    ...(spread && Object.keys(spread.downside).length ? { downside: spread.downside } : {}),
  };
}

/** Changes keyed `world.q`, `me.q` and `<id>.q`, by owner (`me` under `self`). */
export function movesOf(changes: Readonly<Record<string, number>>, self: string): Moves {
  const moves: Moves = { world: nameRecord(), agents: new Map() };
  for (const [key, x] of Object.entries(changes)) {
    if (x === 0) continue;
    const dot = key.indexOf('.');
    const owner = key.slice(0, dot),
      q = key.slice(dot + 1);
    if (owner === 'world') moves.world[q] = x;
    else {
      const id = owner === 'me' ? self : owner;
      const v = moves.agents.get(id) ?? nameRecord();
      v[q] = (v[q] ?? 0) + x;
      moves.agents.set(id, v);
    }
  }
  return moves;
}
