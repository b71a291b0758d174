// An action's number arguments held to their bounds as they stand when the action takes effect,
// not only when it was chosen: in a simultaneous phase the state moves between the two (a trustee
// chose to repay all that had arrived; by its turn its partner had taken it and `received` was 0,
// yet 9.9 was repaid, issue 70). A value past a bound is brought to it, and the event says so;
// bounds that leave no value at all make the action no longer possible, as a `where` that no
// longer holds does (candidates.ts argsQualify).
import type { ExpressionContext } from '../../../format';
import type { CompiledAction } from '../../society/compiledMechanics';
import { boundedArgs } from './actionOptions';

export interface TurnArgs {
  /** The arguments as they take effect: each number within its bounds now. */
  args: Record<string, number | string>;
  /** Whether every number argument has a value within its bounds now. */
  fits: boolean;
  /** The values brought to a bound, said as `amount 10 lowered to 0`. */
  moved: string[];
}

const shown = (x: number): string => String(Math.round(x * 100) / 100);

/**
 * `args` held to the action's bounds evaluated in `context` (the actor's, without arguments, as
 * when the options were offered). Throws an ExpressionFailure when a bound fails.
 */
export function argsAtTurn(
  compiled: CompiledAction,
  args: Record<string, number | string>,
  context: ExpressionContext,
): TurnArgs {
  const specs = boundedArgs(compiled, context) ?? compiled.spec.args;
  let out = args;
  const moved: string[] = [];
  for (const spec of specs) {
    const x = args[spec.name];
    if (spec.type !== 'number' || typeof x !== 'number') continue;
    const low = spec.min === undefined ? -Infinity : spec.integer ? Math.ceil(spec.min) : spec.min;
    const high = spec.max === undefined ? Infinity : spec.integer ? Math.floor(spec.max) : spec.max;
    if (low > high) return { args, fits: false, moved: [] };
    const y = Math.min(high, Math.max(low, x));
    if (y === x) continue;
    out = { ...out, [spec.name]: y };
    moved.push(`${spec.name} ${shown(x)} ${y < x ? 'lowered' : 'raised'} to ${shown(y)}`);
  }
  return { args: out, fits: true, moved };
}
