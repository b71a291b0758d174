// What an expression may cost, found before it runs: the most steps one evaluation can take, in
// the unit the run counts (expressionSteps.ts: one step a sub-expression evaluated). Each node is
// a step; a macro that iterates (`exists`, `all`, `exists_one`, `map`, `filter`) takes its body's
// steps once per element of what it ranges over, so nesting multiplies. A list written out has
// its length; a list another macro makes, the length of what that one ranges over; `a + b` the
// sum; anything else (a map's keys, a split string, a variable) counts as the longest list an
// expression may write out — an estimate, which the run's own count backs up. `agents` (every
// agent, aggregates.ts) has as many elements as the scenario brings agents, when that is known.
import { EXPRESSION_LIMITS } from './expressionLimits';

/** The estimate of the most steps, and the iterating macro that costs the most (where to point). */
export interface ExpressionCost {
  steps: number;
  /** Offsets of the outermost iterating macro, when there is one. */
  start?: number;
  end?: number;
}

/** A parsed cel-js node, as far as the estimate reads it. */
interface Node {
  op: string;
  args: unknown;
  start: number;
  end: number;
  meta: { alternate?: Node };
}

interface Comprehension {
  iterable: Node;
  init: Node;
  step: Node;
  kind?: string;
}

const isNode = (x: unknown): x is Node =>
  typeof x === 'object' && x !== null && typeof (x as Node).op === 'string' && 'meta' in x;

/** How many agents `agents` holds, when known (set for one estimate at a time). */
let agentsKnown: number | undefined;

/** Elements of what a node gives, when it is a list the estimate can size. */
function sizeOf(node: Node): number | undefined {
  const n = node.meta.alternate ?? node;
  if (n.op === 'list' && Array.isArray(n.args)) return n.args.length;
  if (n.op === 'id' && n.args === 'agents') return agentsKnown;
  if (n.op === 'comprehension') {
    const c = n.args as Comprehension;
    return c.kind === 'quantifier' ? undefined : rangeOf(c.iterable);
  }
  if (n.op === '+' && Array.isArray(n.args)) {
    const [a, b] = (n.args as Node[]).map(sizeOf);
    return a !== undefined && b !== undefined ? a + b : undefined;
  }
  return undefined;
}

/** Elements a macro ranges over: known, or the longest list an expression may write. */
const rangeOf = (node: Node): number => sizeOf(node) ?? EXPRESSION_LIMITS.maxListElements;

/** Steps of `node`, every element of every range included. */
function stepsOf(node: Node): number {
  const alt = node.meta.alternate;
  if (alt) return 1 + stepsOf(alt);
  if (node.op === 'comprehension') {
    const c = node.args as Comprehension;
    return 1 + stepsOf(c.iterable) + stepsOf(c.init) + rangeOf(c.iterable) * stepsOf(c.step);
  }
  // A reducer of a list (sum, mean, sd, min, max) takes a step per element.
  const reduced = reducedList(node);
  const own = reduced ? rangeOf(reduced) : 1;
  return own + childrenOf(node.args).reduce((sum, child) => sum + stepsOf(child), 0);
}

const REDUCERS = new Set(['sum', 'mean', 'sd', 'min', 'max']);

/** The list argument of `sum(list)`, `mean(list)`, … (a one-argument call of a reducer). */
function reducedList(node: Node): Node | undefined {
  if (node.op !== 'call' || !Array.isArray(node.args)) return undefined;
  const [name, args] = node.args as [unknown, unknown];
  return typeof name === 'string' && REDUCERS.has(name) && Array.isArray(args) && args.length === 1 && isNode(args[0])
    ? args[0]
    : undefined;
}

/** The nodes among a node's arguments (a node, lists of them, a map's key-value pairs). */
function childrenOf(args: unknown, out: Node[] = []): Node[] {
  if (isNode(args)) out.push(args);
  else if (Array.isArray(args)) for (const a of args) childrenOf(a, out);
  return out;
}

/** The outermost iterating macro, the one to point at. */
function firstMacro(node: Node): Node | undefined {
  if (node.meta.alternate?.op === 'comprehension') return node;
  for (const child of childrenOf(node.args)) {
    const found = firstMacro(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * A call of `matches`, which runs a JavaScript regular expression: a pattern such as `(a+)+$`
 * backtracks for a time exponential in its input inside one native call that neither the step
 * count nor a stop can interrupt, so the check refuses it (mechanics compare ids, not patterns).
 */
export function regexCall(ast: unknown): Node | undefined {
  if (!isNode(ast)) return undefined;
  if ((ast.op === 'rcall' || ast.op === 'call') && Array.isArray(ast.args) && ast.args[0] === 'matches') return ast;
  for (const child of childrenOf(ast.args)) {
    const found = regexCall(child);
    if (found) return found;
  }
  return ast.meta.alternate ? regexCall(ast.meta.alternate) : undefined;
}

/**
 * The most steps one evaluation of a parsed expression (cel-js's `parse(...).ast`) can take;
 * `agentCount`: how many agents `agents` holds, when known.
 */
export function expressionCost(ast: unknown, agentCount?: number): ExpressionCost {
  if (!isNode(ast)) return { steps: 0 };
  agentsKnown = agentCount;
  let steps: number;
  try {
    steps = stepsOf(ast);
  } finally {
    agentsKnown = undefined;
  }
  const macro = firstMacro(ast);
  return macro ? { steps, start: macro.start, end: macro.end } : { steps };
}
