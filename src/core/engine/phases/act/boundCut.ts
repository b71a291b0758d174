// An amount cut to what the bounds allow, for all of an action's effects together. Each effect is
// held to its quantity's bounds on its own, so a payer with 0 coins who "repays" 10 lost nothing
// (its coins stay at their min) while the partner was credited 10: coins were created. When an
// effect would take a valued quantity below its bound and the action has one number argument, the
// argument is lowered to the largest value at which none does — the payer repays what it has, the
// partner gets that — and the event says so. When no amount can be cut (a fixed price, or the
// amount's own least) and it is the actor's own quantity that would go below, the action is not
// possible: one cannot pay what one does not have. Only transfers are cut — something held at its
// bound on one side while something valued is credited on another; a cost or a fine with nothing
// credited (reporting with no catch yet, a fine on someone with little) stays held to the bound,
// as before: nothing is created.
import type { ExpressionContext } from '../../../format';
import type { Agent } from '../../society/agent';
import type { CompiledAction } from '../../society/compiledMechanics';
import type { WorldState } from '../../society/worldState';
import { changesOf } from './actionOptions';

/** Halvings of the range searched: far below any amount a scenario can tell apart. */
const STEPS = 48;

/** Whether a change's key (`me.q`, `<id>.q`, `world.q`) names a valued quantity. */
function valuedKey(state: WorldState, agent: Agent, key: string): boolean {
  return state.valuedKey(key.startsWith('me.') ? `${agent.id}${key.slice(2)}` : key);
}

const shown = (x: number): string => String(Math.round(x * 100) / 100);

export interface Cut {
  args: Record<string, number | string>;
  changes: Record<string, number>;
  /** Said in the event's reason, e.g. `amount 10 cut to 4: me.coins would fall below its bound`. */
  said?: string;
  /** The actor would pay what it does not have and no amount can be cut: the action is not possible. */
  impossible?: boolean;
}

/**
 * The changes of `action` with `args`, its one number argument cut so that no effect on a valued
 * quantity is cut by a bound (when cutting it can). `contextFor` gives the expression context for
 * a set of arguments. Throws what changesOf throws.
 */
export function cutToBounds(
  state: WorldState,
  agent: Agent,
  action: CompiledAction,
  args: Record<string, number | string>,
  contextFor: (args: Record<string, number | string>) => ExpressionContext,
  min: (name: string) => number,
): Cut {
  const clampedAt = (a: Record<string, number | string>): { changes: Record<string, number>; clamped: string[] } => {
    const clamped: string[] = [];
    const changes = changesOf(state, agent, action, a, contextFor(a), false, undefined, clamped);
    return { changes, clamped };
  };
  const first = clampedAt(args);
  // Only a transfer creates: something below its bound on one side, something credited on another.
  const credits = (changes: Record<string, number>, held: readonly string[]) =>
    Object.entries(changes).some(([k, x]) => x > 0 && !held.includes(k) && valuedKey(state, agent, k));
  if (!first.clamped.length || !credits(first.changes, first.clamped)) return { args, changes: first.changes };
  const own = first.clamped.find((k) => k.startsWith('me.'));
  const refuse = (): Cut =>
    own
      ? { args, changes: {}, impossible: true, said: `${own} would fall below its bound` }
      : { args, changes: first.changes };
  const numbers = action.spec.args.filter((x) => x.type === 'number');
  if (numbers.length !== 1) return refuse();
  const arg = numbers[0];
  const chosen = args[arg.name];
  const lo = min(arg.name);
  if (typeof chosen !== 'number' || !(chosen > lo)) return refuse();
  const at = (x: number) => ({ ...args, [arg.name]: x });
  // Still below at the least amount: the bound does not hang on the amount (a fixed part).
  if (clampedAt(at(lo)).clamped.length) return refuse();
  let ok = lo,
    bad = chosen;
  for (let i = 0; i < STEPS && bad - ok > 1e-9 * Math.max(1, Math.abs(chosen)); i++) {
    const mid = arg.integer ? Math.floor((ok + bad) / 2) : (ok + bad) / 2;
    if (mid === ok) break;
    if (clampedAt(at(mid)).clamped.length) bad = mid;
    else ok = mid;
  }
  const cut = at(ok);
  return {
    args: cut,
    changes: clampedAt(cut).changes,
    said: `${arg.name} ${shown(chosen)} cut to ${shown(ok)}: ${first.clamped[0]} would fall below its bound`,
  };
}
