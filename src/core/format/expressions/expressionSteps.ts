// The run-time bound of an expression's cost. CEL has no loops, but its macros do iterate
// (`exists`, `all`, `exists_one`, `map`, `filter`), and nesting them multiplies: nine `exists`
// over a list of ten are 10⁹ steps, hours of a single synchronous call that no signal can
// interrupt. The check refuses what it can prove too costly (expressionCost.ts); this counts what
// slips past it. Every sub-expression cel-js evaluates goes through its evaluator's `run`, so
// counting there counts steps, the same on every machine: a run that passes its budget does so at
// the same step every time, and stays reproducible.
import { Environment } from '@marcbachmann/cel-js';

/** Steps (sub-expression evaluations) one evaluation may take: ≈ 5–10 ms of work. */
export const MAX_EXPRESSION_STEPS = 100_000;

/** An evaluation that passed its budget of steps. */
export class StepsExceeded extends Error {
  constructor(readonly limit: number) {
    super(
      `took more than ${limit.toLocaleString('en')} steps (nested exists/all/map/filter multiply): stopped; ` +
        'see docs/authoring.md, "What an expression may cost"',
    );
  }
}

/** The evaluation being counted (evaluations are synchronous, so one at a time). */
let meter: { left: number; limit: number; error?: StepsExceeded } | undefined;

type Run = (this: unknown, ast: unknown, ctx: unknown) => unknown;

/**
 * cel-js does not export its evaluator; a function's handler is called with the evaluator as
 * `this`, which gives its prototype. `run` is wrapped there once: unmetered evaluations (the
 * debugger's own expressions do not use CEL; other CEL users) pay one comparison.
 */
function meterEvaluator(): void {
  const probe = new Environment();
  let proto: { run: Run } | undefined;
  probe.registerFunction('evaluatorProbe(): bool', function (this: object) {
    proto = Object.getPrototypeOf(this) as { run: Run };
    return true;
  });
  probe.evaluate('evaluatorProbe()');
  if (!proto || typeof proto.run !== 'function') throw new Error('cel-js: no evaluator to meter');
  const run = proto.run;
  proto.run = function (this: unknown, ast: unknown, ctx: unknown): unknown {
    // One error for every step past the budget: a quantifier catches each and goes on to its next element.
    if (meter && --meter.left < 0) throw (meter.error ??= new StepsExceeded(meter.limit));
    return run.call(this, ast, ctx);
  };
}
meterEvaluator();

/**
 * `evaluate()` with at most `limit` steps; StepsExceeded past them. The quantifiers keep going
 * after an error in one element (CEL's error absorption: `exists` is true if any element is), so
 * an exhausted budget is checked after the evaluation too, whatever it gave.
 */
export function withStepBudget<T>(evaluate: () => T, limit = MAX_EXPRESSION_STEPS): T {
  const outer = meter;
  const mine: typeof meter & object = (meter = { left: limit, limit });
  try {
    const value = evaluate();
    if (mine.left < 0) throw (mine.error ??= new StepsExceeded(limit));
    return value;
  } finally {
    meter = outer;
  }
}
