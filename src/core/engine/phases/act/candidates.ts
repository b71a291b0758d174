// Who (or which post, or place) an agent may name in an argument with a `where` (issue 44): the
// candidates meeting the condition, evaluated for this actor on the state as it stands. Agents are
// drawn like the unconditioned ones (targets.ts: strongest ties first, then at random) but from
// those who qualify, so a voter among three candidates sees all three; places are every declared
// place that qualifies (issue 58), with no draw, so no random stream moves. A choice is tested again when it
// takes effect: one that no longer qualifies is refused like any action no longer possible.
import type { ExpressionContext, ActionArg } from '../../../format';
import type { Agent } from '../../society/agent';
import { ExpressionFailure, type CompiledAction } from '../../society/compiledMechanics';
import type { WorldState } from '../../society/worldState';
import type { PhaseContext } from '../context';
import { drawTargets } from './targets';
import { readMatch } from './matchReads';

/** An agent's place id as expressions read it: '' when away, or in a scenario without places. */
const placeOf = (world: PhaseContext, id: string): string => world.places?.placeOf(id) ?? '';

/** What a `where` reads: the state, the actor (with its id and group) and the candidate under the argument's name. */
function candidateContext(
  world: PhaseContext,
  state: WorldState,
  actor: Agent,
  arg: ActionArg,
  candidate: string,
): ExpressionContext {
  const me = actor.persona.id;
  const context: ExpressionContext = {
    world: state.world,
    n: BigInt(world.agents.size) as unknown as number,
    round: BigInt(world.round) as unknown as number,
    me: { id: me, group: actor.persona.group ?? '', place: placeOf(world, me), ...state.view(me) } as unknown as Record<
      string,
      number
    >,
    traits: actor.persona.traits,
  };
  readMatch(context, state, me);
  if (arg.type === 'place') {
    context[arg.name] = placeCandidate(world, candidate);
  } else if (arg.type === 'post') {
    const p = state.board?.get(candidate);
    context[arg.name] = {
      likes: p?.likes ?? 0,
      replies: p?.replies ?? 0,
      age: p ? world.round - p.round : 0,
      author: p?.author ?? '',
    };
  } else {
    const group = world.agents.get(candidate)?.persona.group ?? '';
    const place = placeOf(world, candidate);
    context[arg.name] = { id: candidate, group, tie: world.ties.get(me, candidate), place, ...state.view(candidate) };
  }
  return context;
}

/** A place as a `where` reads it (expressions.ts PLACE_CANDIDATE_FIELDS): a place without a capacity has room for any number. */
function placeCandidate(world: PhaseContext, id: string): Record<string, string | number | boolean> {
  const book = world.places!;
  const place = book.set.places.find((p) => p.id === id)!;
  const occupants = book.count(id);
  const capacity = place.capacity ?? Infinity;
  return { id, label: place.label, occupants, capacity, full: occupants >= capacity };
}

/** Whether `candidate` meets argument `arg`'s `where` (true without one). Throws an ExpressionFailure. */
export function qualifies(
  world: PhaseContext,
  state: WorldState,
  actor: Agent,
  compiled: CompiledAction,
  arg: ActionArg,
  candidate: string,
): boolean {
  const where = compiled.wheres?.[arg.name];
  if (!where) return true;
  if (arg.type === 'agent' && !world.agents.has(candidate)) return false;
  if (arg.type === 'place' && !world.places?.set.places.some((p) => p.id === candidate)) return false;
  return where(candidateContext(world, state, actor, arg, candidate)) === true;
}

/** Whether every conditioned argument of a chosen action still names a candidate that qualifies. */
export function argsQualify(
  world: PhaseContext,
  state: WorldState,
  actor: Agent,
  compiled: CompiledAction,
  args: Record<string, number | string>,
): boolean {
  if (!compiled.wheres) return true;
  return compiled.spec.args.every((a) => qualifies(world, state, actor, compiled, a, String(args[a.name])));
}

/** Key of a conditioned argument in Choices.among. */
export const argKey = (action: string, arg: string): string => `${action}.${arg}`;

/**
 * The candidates of each conditioned argument of the actions offered: qualifying agents drawn as
 * targets are, qualifying posts among those read on its feed. A `where` that fails leaves its
 * argument with no candidate (the action is then not on offer), reported once through `failed`.
 */
export function conditionedChoices(
  world: PhaseContext,
  state: WorldState,
  actor: Agent,
  actions: readonly CompiledAction[],
  postsOf: (arg: ActionArg) => readonly string[],
  failed: (err: ExpressionFailure) => void,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of actions) {
    for (const arg of c.spec.args) {
      if (!c.wheres?.[arg.name]) continue;
      const test = (id: string): boolean => {
        try {
          return qualifies(world, state, actor, c, arg, id);
        } catch (err) {
          if (!(err instanceof ExpressionFailure)) throw err;
          failed(err);
          throw new StopArg();
        }
      };
      try {
        // Places are few and declared: each is tested, in declared order, with no draw.
        const ids =
          arg.type === 'post'
            ? postsOf(arg).filter(test)
            : arg.type === 'place'
              ? (world.places?.set.places.map((p) => p.id) ?? []).filter(test)
              : drawTargets(world, actor, test, [c.spec.name, arg.name]);
        out.set(argKey(c.spec.name, arg.name), ids);
      } catch (err) {
        if (!(err instanceof StopArg)) throw err;
        out.set(argKey(c.spec.name, arg.name), []);
      }
    }
  }
  return out;
}

/** Stops testing an argument's candidates once its `where` has failed. */
class StopArg extends Error {}
