// Whether a number argument's bounds leave a value to choose: min above max, or whole numbers
// with none between, leave nothing, and an action whose argument has no value is never on offer
// (actionOptions.ts) nor possible at its turn (turnBounds.ts). Said at `check` for the bounds known
// before the run — numbers, and expressions that are a number literal (`min: "5.0"`) — whether the
// scenario or an experiment condition writes them (issue 70: they passed, and the action silently
// never happened), and when a condition is applied.
import type { ActionArg } from './mechanics';

/** Why bounds `min`..`max` leave no value to choose (a phrase after the argument's name), or undefined. */
export function noValueLeft(min: number, max: number, integer?: boolean): string | undefined {
  if (min > max) return `has min ${min} > max ${max}`;
  if (integer && Math.ceil(min) > Math.floor(max)) {
    return `is a whole number from ${min} to ${max}: there is none to choose`;
  }
  return undefined;
}

const LITERAL = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A bound known before the run: a number, or an expression that is a number literal; undefined otherwise. */
export function constantBound(arg: ActionArg, side: 'min' | 'max'): number | undefined {
  const expression = side === 'min' ? arg.minExpression : arg.maxExpression;
  if (expression !== undefined) return LITERAL.test(expression) ? Number(expression) : undefined;
  return arg[side];
}

/** Why a number argument's constant bounds leave no value, or undefined (also when a bound depends on the state). */
export function argWithoutValue(arg: ActionArg): string | undefined {
  if (arg.type !== 'number') return undefined;
  const min = constantBound(arg, 'min');
  const max = constantBound(arg, 'max');
  return min === undefined || max === undefined ? undefined : noValueLeft(min, max, arg.integer);
}
