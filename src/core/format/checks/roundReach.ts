// What a declared round (issue 34, `round:`) can never do: an action no phase offers (SOC064), a
// phase that never runs — its `who` groups have nobody in them, or its `when` reads only `round`
// and `n` and is false in every round (SOC072) — and `evaluate` with no `meet` before it (SOC073).
import type { Environment } from '@marcbachmann/cel-js';
import {
  checkExpression,
  compileExpression,
  expressionEnvironment,
  type ExpressionContext,
} from '../expressions/expressions';
import { actionItems, phaseLabel, stringItems, type PhaseEntry } from '../assemble/roundSource';
import { report } from './mechanicsReport';
import type { RoundReport } from './roundCheck';
import { scenarioRounds } from './timeline';

/** Rounds a phase's `when` is tried in, at most (a run of more rounds is tried in its first ones). */
const ROUNDS_TRIED = 10_000;

export function checkReach(r: RoundReport, n: number): void {
  if (!r.unsure) unofferedActions(r);
  evaluateWithoutMeet(r);
  let env: Environment | undefined;
  try {
    env = expressionEnvironment(r.m, { kind: 'world' });
  } catch {
    env = undefined;
  }
  for (const p of r.phases) {
    if (!p.builtin) nobodyActs(r, p);
    if (env && typeof p.fields.when === 'string') neverRuns(r, p, p.fields.when, env, n);
  }
}

/** A declared action no phase of actions offers (SOC064). */
function unofferedActions(r: RoundReport): void {
  const acting = r.phases.filter((p) => !p.builtin && p.name !== undefined);
  const offered = new Set<string>();
  for (const p of acting) {
    const listed =
      p.fields.actions && typeof p.fields.actions === 'object'
        ? actionItems(p.fields.actions).map((x) => x.value)
        : undefined;
    for (const a of listed ?? r.m.actions.map((x) => x.name)) offered.add(a);
  }
  const names = acting.map((p) => `'${p.name}'`);
  const why = acting.length
    ? `no phase of \`round\` offers it: add it to the \`actions\` of ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0]}`
    : 'the declared `round` has no phase of actions: add one, e.g. `- phase: act`';
  for (const a of r.m.actions) {
    if (offered.has(a.name)) continue;
    report(
      r,
      'SOC064',
      'warning',
      `Nobody can ever take action '${a.name}': ${why}`,
      r.at.keyRange(['actions', a.name]),
    );
  }
}

/** `evaluate` rates what `meet` held: with no `meet` before it there is nothing to rate (SOC073). */
function evaluateWithoutMeet(r: RoundReport): void {
  let met = false;
  for (const p of r.phases) {
    if (p.name === 'meet') met = true;
    if (p.name !== 'evaluate' || met) continue;
    const later = r.phases.some((q) => q.index > p.index && q.name === 'meet');
    report(
      r,
      'SOC073',
      'warning',
      `Phase 'evaluate' has no 'meet' before it: evaluate rates the conversations meet holds; without meet it has none${later ? ' (put evaluate after meet)' : ''}`,
      r.at.valueRange(p.namePath),
    );
  }
}

/** A phase of actions whose `who` groups, all declared, have nobody in them (SOC072). */
function nobodyActs(r: RoundReport, p: PhaseEntry): void {
  const who = stringItems(p.fields.who).map((x) => x.value);
  if (!who.length || who.some((g) => !r.groups.has(g))) return; // unknown groups are SOC067's
  if (who.some((g) => (r.groups.get(g) ?? 0) > 0)) return;
  const groups = who.map((g) => `'${g}'`).join(', ');
  report(
    r,
    'SOC072',
    'warning',
    `Phase '${phaseLabel(p)}' never runs: nobody is in ${who.length === 1 ? 'group' : 'groups'} ${groups} (a population count of 0, and no persona of it)`,
    r.at.valueRange(['round', p.index, 'who']),
  );
}

/** The names an expression reads on their own (`round`, `n`, `world`, a macro's variable), or undefined. */
function identifiers(env: Environment, text: string): Set<string> | undefined {
  let ast: unknown;
  try {
    ast = (env.parse(text) as unknown as { ast: unknown }).ast;
  } catch {
    return undefined;
  }
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const x = node as { op?: string; args?: unknown };
    if (x.op === 'id' && typeof x.args === 'string') names.add(x.args);
    else if (x.op !== undefined) visit(x.args);
  };
  visit(ast);
  return names;
}

/** A `when` reading only `round` and `n` that is false in every round of the run (SOC072). */
function neverRuns(r: RoundReport, p: PhaseEntry, when: string, env: Environment, n: number): void {
  if (r.unsure || checkExpression(env, when, 'bool')) return; // SOC061 says what is wrong with it
  const names = identifiers(env, when);
  if (!names || [...names].some((x) => x !== 'round' && x !== 'n')) return;
  const rounds = scenarioRounds(r.v);
  if (typeof rounds !== 'number' || !Number.isFinite(rounds) || rounds < 1) return;
  const last = Math.min(Math.floor(rounds), ROUNDS_TRIED);
  try {
    const holds = compileExpression(env, when);
    for (let round = 1; round <= last; round++) {
      const context = { world: {}, n: BigInt(n), round: BigInt(round) } as unknown as ExpressionContext;
      if (holds(context) !== false) return;
    }
  } catch {
    return;
  }
  const nNote = names.has('n') ? ` with n = ${n}` : '';
  report(
    r,
    'SOC072',
    'warning',
    `Phase '${phaseLabel(p)}' never runs: its \`when\` is false in every round 1..${last}${nNote}`,
    r.at.valueRange(['round', p.index, 'when']),
  );
}
