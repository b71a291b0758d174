// A number an update or effect gave, checked before it reaches a quantity. CEL doubles follow
// IEEE 754: `world.x / 0.0` is Infinity, `0.0 / 0.0` NaN, a product past 1.8e308 Infinity. No
// quantity can hold one (a bound would clamp Infinity to a value nobody wrote; NaN passes every
// bound and is written as `null` in JSON), so such a result is an expression that failed, like an
// integer division by zero: an `error` event that names it, and the quantity keeps its value.
import { ExpressionFailure, type ExpressionSource } from './compiledMechanics';

/**
 * `value` as a number, or an ExpressionFailure when it is not finite. `target`: the quantity it
 * was for, as the event names it (`world.fish`, `catch of ana`); `before`: its value, which it keeps.
 */
export function finiteResult(
  value: number | boolean,
  source: ExpressionSource,
  target: string,
  before: number,
): number {
  const x = Number(value);
  if (Number.isFinite(x)) return x;
  throw new ExpressionFailure(
    source.where,
    `\`${source.expression}\` gave ${x}, which no quantity can hold: ${target} keeps its value ${before}`,
  );
}

/** How an error event names an agent's quantity. */
export const agentQuantity = (quantity: string, agent: string): string => `${quantity} of ${agent}`;
