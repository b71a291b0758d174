// The checks of every expression of the mechanics: invalid or too costly (SOC061, SOC075), a
// `when` that is always false (SOC064), a world quantity nothing reads or changes (SOC065), and
// on the way whole divisions, group names compared (SOC141) and tallies.
import type { Environment } from '@marcbachmann/cel-js';
import type { Mechanics } from '../model/mechanics';
import {
  checkExpression,
  tooCostly,
  compileExpression,
  expressionEnvironment,
  type ExpressionContext,
  type ExpressionProblem,
  type Scope,
} from '../expressions/expressions';
import { expressionRange, expressionSites, type ExpressionSite } from '../assemble/mechanicsSource';
import { conditionRuleSites, conditionUpdateSites } from './conditionState';
import { explainProblem } from './mechanicsMessages';
import { phaseWhens } from '../assemble/roundSource';
import { checkWholeDivisions } from './wholeDivision';
import { checkTallies } from './tallyCheck';
import { checkGroupLiterals } from './groupLiteralCheck';
import { type Checker, raw, diag } from './mechanicsChecker';

/** The typed environment of a scope, or undefined when the declarations cannot make one (a reserved argument name). */
export function environment(m: Mechanics, scope: Scope): Environment | undefined {
  try {
    return expressionEnvironment(m, scope);
  } catch {
    return undefined;
  }
}

/** A syntax error of an expression (or its cost, SOC075), for scenarios that do not read cleanly (names may be missing). */
export function syntaxProblem(env: Environment, text: string, agentCount?: number): ExpressionProblem | undefined {
  try {
    return tooCostly(env, text, agentCount);
  } catch (err) {
    const e = err as { summary?: string; message?: string; node?: { start?: number; end?: number } };
    const start = Math.max(0, Math.min(text.length, e.node?.start ?? 0));
    const end = Math.max(start, Math.min(text.length, e.node?.end ?? text.length));
    return { message: e.summary ?? String(e.message ?? err).split('\n')[0], start, end };
  }
}

/** SOC061 for every expression; SOC064 and SOC065 from what they read. */
export function checkExpressions(c: Checker): void {
  const envs = new Map<string, Environment | undefined>();
  const envFor = (scope: Scope): Environment | undefined => {
    // An action's environment depends only on its arguments: actions with the same ones share it.
    const key =
      scope.kind === 'action'
        ? JSON.stringify(scope.action.args.map((a) => [a.name, a.type]))
        : scope.kind === 'candidate'
          ? `candidate:${scope.arg.type}:${scope.arg.name}`
          : scope.kind;
    if (!envs.has(key)) envs.set(key, environment(c.m, scope));
    return envs.get(key);
  };
  const reads = new Set<string>();
  let allRead = true;
  // The updates experiment conditions set are expressions like the others (conditionState.ts).
  const sites = [...expressionSites(c.m, phaseWhens(c.phases)), ...conditionUpdateSites(c), ...conditionRuleSites(c)];
  for (const site of sites) {
    const env = envFor(site.scope);
    if (!env) {
      allRead = false;
      continue;
    }
    let problem: ExpressionProblem | undefined;
    try {
      problem = c.unsure
        ? syntaxProblem(env, site.text, c.agentCount)
        : checkExpression(env, site.text, site.wanted, c.agentCount);
    } catch (err) {
      problem = {
        message: String(err instanceof Error ? err.message : err).split('\n')[0],
        start: 0,
        end: site.text.length,
      };
    }
    if (problem) {
      reportProblem(c, site, problem);
      allRead = false;
      continue;
    }
    if (!worldReads(env, site.text, reads)) allRead = false;
    if (!c.unsure) checkWholeDivisions(c, env, site);
    if (!c.unsure && c.groups) checkGroupLiterals(c, env, site, c.groups);
    // A phase's `when` that never holds is the round's to tell (roundReach.ts).
    if (!c.unsure && site.wanted === 'bool' && site.path[0] === 'actions') neverTrue(c, env, site);
  }
  if (!c.unsure && allRead) unusedWorldQuantities(c, reads);
  checkTallies(c, sites);
}

export function reportProblem(c: Checker, site: ExpressionSite, problem: ExpressionProblem): void {
  const p = explainProblem(problem, site, c.m);
  const range = expressionRange(c.at, site.path, site.text, p.start, p.end);
  const lines = c.at.file.lines;
  const written = lines.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
  const fixes =
    p.suggestion && written === site.text.slice(p.start, p.end)
      ? [{ title: `Change to '${p.suggestion}'`, file: c.at.file.file, range, newText: p.suggestion }]
      : [];
  diag(c, problem.code ?? site.code ?? 'SOC061', 'error', p.message, range, fixes);
}

/** A `when` that reads nothing and is false: nobody can ever take the action (SOC064). */
export function neverTrue(c: Checker, env: Environment, site: ExpressionSite): void {
  let value: number | boolean;
  try {
    value = compileExpression(env, site.text)({} as ExpressionContext);
  } catch {
    return; // it reads the state: it may hold
  }
  if (value !== false) return;
  const action = site.path[1] as string;
  diag(
    c,
    'SOC064',
    'warning',
    `Nobody can ever take action '${action}': its \`when\` is always false`,
    c.at.valueRange(site.path),
  );
}

/** Adds the world quantities an expression reads to `reads`; false when it reads `world` as a whole (or cannot tell). */
export function worldReads(env: Environment, text: string, reads: Set<string>): boolean {
  let ast: unknown;
  try {
    ast = (env.parse(text) as unknown as { ast: unknown }).ast;
  } catch {
    return false;
  }
  let whole = false;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as { op?: string; args?: unknown };
    const args = Array.isArray(n.args) ? n.args : [];
    const [obj, field] = args as [{ op?: string; args?: unknown } | undefined, unknown];
    if ((n.op === '.' || n.op === '[]') && obj?.op === 'id' && obj.args === 'world') {
      const name = typeof field === 'string' ? field : (field as { op?: string; args?: unknown } | undefined)?.args;
      if (typeof name === 'string') reads.add(name);
      else whole = true;
      if (n.op === '[]') visit(field);
      return;
    }
    if (n.op === 'id' && n.args === 'world') whole = true;
    if (n.op !== undefined) visit(n.args);
  };
  visit(ast);
  return !whole;
}

/**
 * A world quantity nothing changes and nothing reads: only its value is ever told to the agents
 * (SOC065). With a module, which validation never loads, that cannot be known: the module may
 * write or read it, so it is said as information, not as a warning that it stays where it starts.
 */
export function unusedWorldQuantities(c: Checker, reads: Set<string>): void {
  const module = typeof c.v.module === 'string' && c.v.module ? c.v.module : undefined;
  const changed = new Set(c.m.actions.flatMap((a) => a.effects.map((e) => e.target)));
  const remembered = c.m.actions.map((a) => a.remember ?? '').join('\n');
  for (const q of c.m.world) {
    // An `update` of the wrong type still says the quantity is meant to change (the schema reports it).
    const update = raw(c.v, ['state', 'world', q.name, 'update']) !== undefined;
    if (update || changed.has(`world.${q.name}`) || reads.has(q.name)) continue;
    if (remembered.includes(`world.${q.name}`)) continue;
    const range = c.at.keyRange(['state', 'world', q.name]);
    if (module) {
      const message = `World quantity '${q.name}' is changed and read by no \`update\`, action's effect or expression: only the module (${module}) can write or read it; if it does not, it stays ${q.initial}`;
      diag(c, 'SOC065', 'info', message, range);
      continue;
    }
    diag(
      c,
      'SOC065',
      'warning',
      `World quantity '${q.name}' never changes (no \`update\`, no action's effect) and no expression reads it: it stays ${q.initial}`,
      range,
    );
  }
}
