// The expression language of a scenario's mechanics: CEL (Common Expression Language, Google's
// sandboxed, non-Turing-complete language for policies), through @marcbachmann/cel-js — no `eval`,
// no access to Node, bounded size and depth, and a type checker that knows the declared state.
// Numbers are CEL doubles; whole-number literals mix with them (`fish - 1`), and min/max/clamp
// are added because CEL's core has none.
import { Environment } from '@marcbachmann/cel-js';
import type { Action, ActionArg, Mechanics } from '../model/mechanics';
import { TRAIT_NAMES } from '../model/model';
import { expressionCost, regexCall } from './expressionCost';
import { EXPRESSION_LIMITS } from './expressionLimits';
import { MAX_EXPRESSION_STEPS, withStepBudget } from './expressionSteps';
import { registerAggregates } from './aggregates';
import { hasPartner } from '../model/matching';

/** What an expression must give. */
export type Wanted = 'number' | 'bool';

/** A problem in an expression, at offsets into its text. */
export interface ExpressionProblem {
  message: string;
  start: number;
  end: number;
  /** The diagnostic it is, when not an invalid expression's (SOC061): SOC075, too costly. */
  code?: 'SOC075';
  /** What probably was meant, replacing `start..end` (a quick fix). */
  suggestion?: string;
}

/** The values an expression reads: every quantity is a number; an agent argument is an id. */
export interface ExpressionContext {
  world: Record<string, number>;
  n: number;
  round: number;
  me?: Record<string, number>;
  traits?: Record<string, number>;
  args?: Record<string, number | string>;
  /** With `matching:`: the agent's group (itself included) and, in pairs, its partner. */
  matched?: unknown[];
  partner?: Record<string, number | string>;
  /** Agent-typed arguments: the chosen agent's quantities under the argument's name. */
  [agentArg: string]: unknown;
}

/** What an expression reads of a post argument: `<arg>.likes`, `<arg>.replies`, `<arg>.age` (rounds). */
export const POST_FIELDS = ['likes', 'replies', 'age'] as const;

export type Evaluate = (context: ExpressionContext) => number | boolean;

/** What an argument's `where` reads of an agent candidate besides its quantities (a quantity of the name wins). */
export const CANDIDATE_FIELDS = { group: 'string', id: 'string', tie: 'double' } as const;
/** What it reads of the actor besides its quantities: `me.group`, `me.id`. */
export const ACTOR_FIELDS = { group: 'string', id: 'string' } as const;
/** With `places:`, an agent's place id too ('' when it is away): `me.place`, `<arg>.place`, `a.place`. */
export function placeFields(m: Pick<Mechanics, 'places'>): { place?: 'string' } {
  return m.places ? { place: 'string' } : {};
}
/** What it reads of a post candidate: its counts, its age and its author's id. */
export const POST_CANDIDATE_FIELDS = { likes: 'double', replies: 'double', age: 'double', author: 'string' } as const;
/**
 * What it reads of a place candidate: its id and label as declared, how many are there now, its
 * capacity (infinity for a place without one, so `to.occupants < to.capacity` reads "has room")
 * and whether it is full.
 */
export const PLACE_CANDIDATE_FIELDS = {
  id: 'string',
  label: 'string',
  occupants: 'double',
  capacity: 'double',
  full: 'bool',
} as const;

/** The fields of a candidate of argument `arg` (an agent's quantities and knowledge besides, for an agent). */
export function candidateFields(arg: ActionArg): Readonly<Record<string, string>> {
  return arg.type === 'post' ? POST_CANDIDATE_FIELDS : arg.type === 'place' ? PLACE_CANDIDATE_FIELDS : CANDIDATE_FIELDS;
}

/**
 * Which names an expression may read: world quantities only (world updates), or an agent's too;
 * an action's effects its arguments; an argument's `where` (`candidate`) the candidate by its name.
 */
export type Scope =
  | { kind: 'world' }
  | { kind: 'agent' }
  | { kind: 'action'; action: Action }
  | { kind: 'candidate'; action: Action; arg: ActionArg };

const numbers = (names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.map((q) => [q, 'double']));

function baseEnvironment(): Environment {
  const env = new Environment({ limits: { ...EXPRESSION_LIMITS } });
  // Whole-number literals and `n` mix with the doubles the state is made of, and give a double
  // (the library's default result type is the left operand's: `n * 0.5` would check as an int).
  const ops: Record<string, (a: number, b: number) => number> = {
    '+': (a, b) => a + b,
    '-': (a, b) => a - b,
    '*': (a, b) => a * b,
    '/': (a, b) => a / b,
  };
  for (const [op, f] of Object.entries(ops)) {
    env.registerOperator(`double ${op} int: double`, (a: number, b: bigint) => f(a, Number(b)));
    env.registerOperator(`int ${op} double: double`, (a: bigint, b: number) => f(Number(a), b));
  }
  // `round == world.x` compares as numbers, as `<` does (the library registers `double == int`
  // and `!=` from this one); without it `==` alone refused with "no such overload".
  env.registerOperator('int == double: bool', (a: bigint, b: number) => Number(a) === b);
  for (const [name, f] of [
    ['min', Math.min],
    ['max', Math.max],
  ] as const) {
    env.registerFunction(`${name}(double, double): double`, (a: number, b: number) => f(a, b));
    env.registerFunction(`${name}(double, int): double`, (a: number, b: bigint) => f(a, Number(b)));
    env.registerFunction(`${name}(int, double): double`, (a: bigint, b: number) => f(Number(a), b));
    env.registerFunction(`${name}(int, int): int`, (a: bigint, b: bigint) =>
      f(Number(a), Number(b)) === Number(a) ? a : b,
    );
  }
  // Every mix of whole-number literals and doubles, as for min and max: `clamp(x, 0, 10)`.
  const kinds = ['double', 'int'];
  for (const sig of kinds.flatMap((a) => kinds.flatMap((b) => kinds.map((c) => [a, b, c])))) {
    const whole = sig.every((t) => t === 'int');
    const clamp = (x: number | bigint, lo: number | bigint, hi: number | bigint): number | bigint => {
      const v = Math.min(Number(hi), Math.max(Number(lo), Number(x)));
      return whole ? BigInt(v) : v;
    };
    env.registerFunction(`clamp(${sig.join(', ')}): ${whole ? 'int' : 'double'}`, clamp);
  }
  return env;
}

/** `knows`: what an agent knows of the scenario's `knowledge:`, one bool per item (none without it). */
export function knowsSchema(m: Mechanics): Record<string, Record<string, string>> {
  return m.knowledge?.length ? { knows: Object.fromEntries(m.knowledge.map((k) => [k.id, 'bool'])) } : {};
}

/**
 * With `matching:`, what an agent reads of its group: `matched` (everyone in it, itself included,
 * as rows of `agents`) and in pairs `partner` (the other, as `me` is read).
 */
function registerMatch(env: Environment, m: Mechanics, agent: Record<string, string | Record<string, string>>): void {
  if (!m.matching) return;
  env.registerVariable('matched', 'list<Agent>');
  if (hasPartner(m.matching)) env.registerVariable({ name: 'partner', schema: agent });
}

/** The typed environment for expressions in `scope` of these mechanics. */
export function expressionEnvironment(m: Mechanics, scope: Scope): Environment {
  const env = baseEnvironment();
  env.registerVariable({ name: 'world', schema: numbers(m.world.map((q) => q.name)) });
  env.registerVariable('n', 'int');
  env.registerVariable('round', 'int');
  registerAggregates(env, m);
  if (scope.kind === 'world') return env;
  const agentSchema: Record<string, string | Record<string, string>> = {
    ...numbers(m.agents.map((q) => q.name)),
    ...knowsSchema(m),
  };
  registerMatch(env, m, { ...ACTOR_FIELDS, ...placeFields(m), ...agentSchema });
  if (scope.kind === 'candidate') {
    env.registerVariable({ name: 'me', schema: { ...ACTOR_FIELDS, ...placeFields(m), ...agentSchema } });
    env.registerVariable({ name: 'traits', schema: numbers(TRAIT_NAMES) });
    const arg = scope.arg;
    const schema =
      arg.type === 'agent' ? { ...CANDIDATE_FIELDS, ...placeFields(m), ...agentSchema } : { ...candidateFields(arg) };
    env.registerVariable({ name: arg.name, schema });
    return env;
  }
  // With places, a `when`, an effect and an agent quantity's update read where the agent is too.
  const placed = { ...placeFields(m), ...agentSchema };
  env.registerVariable({ name: 'me', schema: { ...ACTOR_FIELDS, ...placed } });
  env.registerVariable({ name: 'traits', schema: numbers(TRAIT_NAMES) });
  if (scope.kind === 'action') {
    const args = Object.fromEntries(scope.action.args.map((a) => [a.name, a.type === 'number' ? 'double' : 'string']));
    env.registerVariable({ name: 'args', schema: args });
    for (const a of scope.action.args) {
      if (a.type === 'agent') env.registerVariable({ name: a.name, schema: placed });
      if (a.type === 'post') env.registerVariable({ name: a.name, schema: numbers(POST_FIELDS) });
    }
  }
  return env;
}

/**
 * The first problem in `text` as an expression giving `wanted`, or undefined. `agentCount`: how
 * many agents `agents` may hold, for the cost estimate (unknown: the longest list one may write).
 */
export function checkExpression(
  env: Environment,
  text: string,
  wanted: Wanted,
  agentCount?: number,
): ExpressionProblem | undefined {
  let result: ReturnType<Environment['check']>;
  try {
    result = env.check(text);
  } catch (err) {
    return assignmentHint(text) ?? { message: firstLine(err), start: 0, end: text.length };
  }
  if (!result.valid) {
    const hint = assignmentHint(text);
    if (hint) return hint;
    const node = (result.error as { node?: { start?: number; end?: number } }).node;
    const start = clampOffset(node?.start ?? 0, text);
    const end = Math.max(start, clampOffset(node?.end ?? text.length, text));
    return { message: firstLine(result.error), start, end: end > start ? end : Math.min(text.length, start + 1) };
  }
  const costly = tooCostly(env, text, agentCount);
  if (costly) return costly;
  const type = result.type;
  const ok = type === 'dyn' || (wanted === 'bool' ? type === 'bool' : type === 'double' || type === 'int');
  if (!ok) {
    return {
      message: `gives ${type}, where ${wanted === 'bool' ? 'a condition (bool)' : 'a number'} is needed`,
      start: 0,
      end: text.length,
    };
  }
  return undefined;
}

/** An expression whose evaluation could take more steps than the run allows it (SOC075). */
export function tooCostly(env: Environment, text: string, agentCount?: number): ExpressionProblem | undefined {
  const ast = env.parse(text).ast;
  const regex = regexCall(ast);
  if (regex) {
    return {
      code: 'SOC075',
      message:
        '`matches` is not available in mechanics: a regular expression can take time exponential in its input, ' +
        'and the run cannot stop it once it has started; compare with ==, startsWith, endsWith or contains',
      start: regex.start,
      end: regex.end,
    };
  }
  const cost = expressionCost(ast, agentCount);
  if (cost.steps <= MAX_EXPRESSION_STEPS) return undefined;
  return {
    code: 'SOC075',
    message:
      `could take ${approximately(cost.steps)} steps in one evaluation, more than the ${MAX_EXPRESSION_STEPS.toLocaleString('en')} ` +
      'an expression may: each exists/all/exists_one/map/filter repeats what it holds once per element ' +
      '(over `agents`, once per agent), so nesting them multiplies',
    start: cost.start ?? 0,
    end: cost.end ?? text.length,
  };
}

/** A count too large to write out: 1.2e9. */
function approximately(n: number): string {
  return n < 1e7 ? Math.round(n).toLocaleString('en') : n.toExponential(1).replace('+', '');
}

/**
 * A checked expression, ready to evaluate; CEL integers come back as numbers. Each evaluation
 * may take MAX_EXPRESSION_STEPS steps (expressionSteps.ts), StepsExceeded past them.
 */
export function compileExpression(env: Environment, text: string): Evaluate {
  const program = env.parse(text);
  return (context) => {
    const value = withStepBudget(() => program(context as unknown as Record<string, unknown>));
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    throw new Error(`gave ${typeof value}, not a number or a condition`);
  };
}

/**
 * A lone `=` outside a string, where a comparison was meant (`a.group = 'x'`): CEL has no assignment,
 * and its own message ("Unexpected character: =") does not say what to write instead.
 */
function assignmentHint(text: string): ExpressionProblem | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '=' && text[i + 1] !== '=' && !'=!<>'.includes(text[i - 1] ?? '')) {
      return {
        message: 'unexpected `=`: did you mean `==` (a comparison)? Expressions do not assign',
        start: i,
        end: i + 1,
        suggestion: '==',
      };
    }
  }
  return undefined;
}

/** The library's message without its caret drawing (we point at the range ourselves). */
function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0].trim();
}

function clampOffset(offset: number, text: string): number {
  return Math.max(0, Math.min(text.length, offset));
}
