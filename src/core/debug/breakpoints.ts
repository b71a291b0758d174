// Turns what the editor asks for — breakpoints on .society lines, function breakpoints named by
// phase, with conditions, hit counts and log messages — into the runtime's BreakpointSpecs.
// Conditions and log messages are expressions (expression.ts) over the state at the stop.
import type { Scenario } from '../format/model';
import type { BreakpointSpec } from '../engine/runtime';
import type { Simulation, StepPoint } from '../engine/simulation';
import { PHASES, type Phase } from '../trace/events';
import { compileExpression, type ExpressionScope } from './expression';
import { stateScope } from './stateScope';
import { targetAt, type LineReader } from './sourceMap';

export interface BreakpointOptions { condition?: string; hitCondition?: string; logMessage?: string }
export interface Planned { verified: boolean; message?: string; spec?: BreakpointSpec }

export interface PlanContext {
  sim: () => Simulation;
  /** Where logpoint output and condition errors go (the Debug Console). */
  log: (text: string) => void;
}

/** A breakpoint on a (0-based) line of a .society file. */
export function planLine(scenario: Scenario, file: string, line: number, read: LineReader, o: BreakpointOptions, ctx: PlanContext): Planned {
  const target = targetAt(scenario, file, line, read);
  if (!target) return { verified: false, message: 'This file is not part of the scenario being debugged.' };
  // A persona line stops its agent's turn as it begins; step into it to walk the phases.
  const base: BreakpointSpec = target.kind === 'persona' ? { agent: target.agent, phase: 'perceive' }
    : target.kind === 'event' ? { round: target.round } : {};
  const onlyRoundStarts = target.kind === 'round';
  return finish(base, o, ctx, (p) => !onlyRoundStarts || (p.kind === 'round_start' && p.round > 0));
}

/** A function breakpoint: a phase name (`coach`), optionally for one agent (`maya.coach`). */
export function planFunction(name: string, o: BreakpointOptions, ctx: PlanContext): Planned {
  const [who, what] = name.includes('.') ? name.split('.', 2) : [undefined, name];
  if (!(PHASES as readonly string[]).includes(what.trim())) return { verified: false, message: `'${what}' is not a phase (${PHASES.join(', ')})` };
  const phase = what.trim() as Phase;
  let agent: string | undefined;
  if (who) {
    const lower = who.trim().toLowerCase();
    agent = [...ctx.sim().world.agents.keys(), ...ctx.sim().world.scenario.personas.map((p) => p.id)]
      .find((id) => id.toLowerCase() === lower || id.toLowerCase().startsWith(`${lower}_`));
    if (!agent) return { verified: false, message: `no agent '${who}'` };
  }
  return finish({ phase, agent }, o, ctx, () => true);
}

function finish(base: BreakpointSpec, o: BreakpointOptions, ctx: PlanContext, applies: (p: StepPoint) => boolean): Planned {
  let condition: ((s: ExpressionScope) => unknown) | undefined;
  let hits: ((n: number) => boolean) | undefined;
  try {
    if (o.condition?.trim()) condition = compileExpression(o.condition);
    if (o.hitCondition?.trim()) hits = hitTest(o.hitCondition);
  } catch (err) {
    return { verified: false, message: err instanceof Error ? err.message : String(err) };
  }
  const log = o.logMessage ? logTemplate(o.logMessage) : undefined;
  let count = 0;
  const when = (p: StepPoint): boolean => {
    if (!applies(p)) return false;
    const scope = stateScope(ctx.sim(), p);
    if (condition) {
      try { if (!condition(scope)) return false; } catch (err) {
        ctx.log(`breakpoint condition '${o.condition}': ${err instanceof Error ? err.message : String(err)}\n`);
        return true; // a broken condition stops, so it gets noticed
      }
    }
    count++;
    if (hits && !hits(count)) return false;
    if (log) { ctx.log(`${log(scope)}\n`); return false; }
    return true;
  };
  return { verified: true, spec: { ...base, when } };
}

/** VS Code's hit conditions: "5" (the 5th hit), ">= 5", "> 5", "== 5", "% 3" (every 3rd). */
export function hitTest(src: string): (n: number) => boolean {
  const m = /^\s*(>=|<=|==|>|<|%)?\s*(\d+)\s*$/.exec(src);
  if (!m) throw new Error(`hit count '${src}' should look like 5, >= 5 or % 3`);
  const k = Number(m[2]);
  switch (m[1]) {
    case '>=': return (n) => n >= k;
    case '<=': return (n) => n <= k;
    case '>': return (n) => n > k;
    case '<': return (n) => n < k;
    case '%': return (n) => k > 0 && n % k === 0;
    default: return (n) => n === k;
  }
}

/** A logpoint message: text with {expressions}. */
export function logTemplate(src: string): (s: ExpressionScope) => string {
  const parts = src.split(/(\{[^{}]*\})/);
  const compiled = parts.map((part) => (/^\{.*\}$/.test(part) ? compileExpression(part.slice(1, -1)) : part));
  return (s) => compiled.map((c) => {
    if (typeof c === 'string') return c;
    try { return display(c(s)); } catch (err) { return `<${err instanceof Error ? err.message : String(err)}>`; }
  }).join('');
}

export function display(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  return JSON.stringify(v);
}
