// Turns what the editor asks for — breakpoints on .society lines, function breakpoints named by
// phase, with conditions, hit counts and log messages — into the runtime's BreakpointSpecs.
// Conditions and log messages are expressions (expression.ts) over the state at the stop.
import * as path from 'node:path';
import type { Scenario } from '../format';
import type { BreakpointSpec } from './runtime';
import type { Simulation, StepPoint } from '../engine';
import type { Phase } from '../trace/events';
import { STEP_NAMES } from '../engine';
import { compileExpression, type ExpressionScope } from './expression';
import { stateScope } from './stateScope';
import { targetAt, type LineReader } from './sourceMap';
import { counted } from '../text/counted';

export interface BreakpointOptions {
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
}
export interface Planned {
  verified: boolean;
  message?: string;
  spec?: BreakpointSpec;
}

export interface PlanContext {
  sim: () => Simulation;
  /** Where logpoint output and condition errors go (the Debug Console). */
  log: (text: string) => void;
}

/**
 * A breakpoint on a (0-based) line of a .society file, as `read` gives the file. When the file
 * was edited since the scenario was parsed, `parsed` gives that line in the parsed text (which
 * the scenario's source ranges point into) and a reader of that text.
 */
export function planLine(
  scenario: Scenario,
  file: string,
  line: number,
  read: LineReader,
  o: BreakpointOptions,
  ctx: PlanContext,
  parsed?: { line: number; read: LineReader },
): Planned {
  const outside = outsideFile(file, line, read);
  if (outside) return { verified: false, message: outside };
  const target = targetAt(scenario, file, parsed?.line ?? line, parsed?.read ?? read);
  if (!target) return { verified: false, message: 'This file is not part of the scenario being debugged.' };
  // A persona line stops its agent's turn as it begins; step into it to walk the phases.
  // Its stop points at this line, not at the persona's `id:` or the `rounds:` line (issue 73).
  const at = { file, line: parsed?.line ?? line };
  const base: BreakpointSpec =
    target.kind === 'persona'
      ? { agent: target.agent, phase: 'perceive', at }
      : target.kind === 'event'
        ? { round: target.round, at }
        : { at };
  if (target.kind === 'action') {
    // The step point right after the action takes effect: Variables show the state it left.
    const name = target.action;
    return finish(base, o, ctx, (p) => p.kind === 'action' && p.action === name);
  }
  const onlyRoundStarts = target.kind === 'round';
  return finish(base, o, ctx, (p) => !onlyRoundStarts || (p.kind === 'round_start' && p.round > 0));
}

/** The sentence for a line before the first or after the last line of a file we can read. */
function outsideFile(file: string, line: number, read: LineReader): string | undefined {
  const lines = read(file);
  // An unreadable file reads as no lines: targetAt says whether it is part of the scenario.
  if (!lines.length) return undefined;
  const count = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
  if (line >= 0 && line < Math.max(count, 1)) return undefined;
  return `Line ${line + 1} is outside ${path.basename(file)}, which has ${counted(count, 'line')}.`;
}

/** A function breakpoint: a phase name (`coach`), optionally for one agent (`maya.coach`). */
export function planFunction(name: string, o: BreakpointOptions, ctx: PlanContext): Planned {
  // Exactly `phase` or `agent.phase`: `.coach` or `a.b.c` would otherwise be read as something else.
  const m = /^\s*(?:([^.\s]+)\s*\.\s*)?([^.\s]+)\s*$/.exec(name);
  if (!m) {
    return {
      verified: false,
      message: `'${name}' is not a function breakpoint: write a phase (coach) or an agent and a phase (maya.coach).`,
    };
  }
  const [, who, what] = m;
  // A declared action phase (`round:`) stops at its agents' choices: the `world` step named so.
  const declared = (ctx.sim().world.scenario.round ?? []).filter((p) => p.kind === 'act').map((p) => p.name);
  if (!STEP_NAMES.includes(what) && !declared.includes(what)) {
    return { verified: false, message: `'${what}' is not a phase (${[...STEP_NAMES, ...declared].join(', ')})` };
  }
  const step = declared.includes(what) && what !== 'world' ? what : undefined;
  const phase = (step ? 'world' : what) as Phase;
  let agent: string | undefined;
  if (who) {
    const lower = who.trim().toLowerCase();
    agent = [...ctx.sim().world.agents.keys(), ...ctx.sim().world.scenario.personas.map((p) => p.id)].find(
      (id) => id.toLowerCase() === lower || id.toLowerCase().startsWith(`${lower}_`),
    );
    if (!agent) return { verified: false, message: `no agent '${who}'` };
  }
  return finish({ phase, agent, ...(step ? { step } : {}) }, o, ctx, () => true);
}

function finish(
  base: BreakpointSpec,
  o: BreakpointOptions,
  ctx: PlanContext,
  applies: (p: StepPoint) => boolean,
): Planned {
  // What the editor typed may not parse: that breakpoint is unverified, the others still apply.
  let condition: ((s: ExpressionScope) => unknown) | undefined;
  let hits: ((n: number) => boolean) | undefined;
  let log: ((s: ExpressionScope) => string) | undefined;
  let what = 'condition';
  try {
    if (o.condition?.trim()) condition = compileExpression(o.condition);
    what = 'hit count';
    if (o.hitCondition?.trim()) hits = hitTest(o.hitCondition);
    what = 'log message';
    if (o.logMessage) log = logTemplate(o.logMessage);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { verified: false, message: what === 'log message' ? `log message '${o.logMessage}': ${message}` : message };
  }
  let count = 0;
  const when = (p: StepPoint): boolean | string => {
    if (!applies(p)) return false;
    const scope = stateScope(ctx.sim(), p);
    if (condition) {
      try {
        if (!condition(scope)) return false;
      } catch (err) {
        const why = `breakpoint condition '${o.condition}' failed: ${err instanceof Error ? err.message : String(err)}`;
        ctx.log(`${why}\n`);
        return why; // a broken condition stops, so it gets noticed, and the stop says why
      }
    }
    count++;
    if (hits && !hits(count)) return false;
    if (log) {
      ctx.log(`${log(scope)}\n`);
      return false;
    }
    return true;
  };
  return { verified: true, spec: { ...base, when } };
}

/** VS Code's hit conditions: "5" (the 5th hit), ">= 5", "> 5", "== 5", "% 3" (every 3rd). */
export function hitTest(src: string): (n: number) => boolean {
  const m = /^\s*(>=|<=|==|>|<|%)?\s*(\d+)\s*$/.exec(src);
  if (!m) throw new Error(`hit count '${src}' should look like 5, >= 5 or % 3`);
  const k = Number(m[2]);
  // Hits count from 1: these would be verified yet never stop.
  const never =
    (k === 0 && (m[1] === undefined || m[1] === '==' || m[1] === '<=' || m[1] === '%')) || (m[1] === '<' && k <= 1);
  if (never) throw new Error(`hit count '${src}' can never be reached: hits are counted from 1`);
  switch (m[1]) {
    case '>=':
      return (n) => n >= k;
    case '<=':
      return (n) => n <= k;
    case '>':
      return (n) => n > k;
    case '<':
      return (n) => n < k;
    case '%':
      return (n) => k > 0 && n % k === 0;
    default:
      return (n) => n === k;
  }
}

/** A logpoint message: text with {expressions}. */
export function logTemplate(src: string): (s: ExpressionScope) => string {
  const parts = src.split(/(\{[^{}]*\})/);
  const compiled = parts.map((part) => (/^\{.*\}$/.test(part) ? compileExpression(part.slice(1, -1)) : part));
  return (s) =>
    compiled
      .map((c) => {
        if (typeof c === 'string') return c;
        try {
          return display(c(s));
        } catch (err) {
          return `<${err instanceof Error ? err.message : String(err)}>`;
        }
      })
      .join('');
}

export function display(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  return JSON.stringify(v);
}
