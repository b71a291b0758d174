// Checks of the starting values personas and population groups give agent quantities (`state:`,
// issue 44): each names an agent quantity (SOC085, with did-you-mean; a world quantity is SOC086),
// and a number lies within the quantity's bounds (SOC087, a warning: the run clamps it).
import type { Diagnostic } from '../model/diagnostics';
import type { Locator } from '../syntax/locate';
import type { Quantity } from '../model/mechanics';
import type { PathSegment } from '../syntax/parse';
import { readMechanics } from '../assemble/mechanicsSource';
import { report, unknownName, type Report } from './mechanicsReport';
import type { Check } from './checkContext';
import { type Obj, isObj } from './checkKit';
import { pushAll } from '../../text/pushAll';

/** A persona as the checks see it: its raw mapping and where it is written. */
export interface StartSite {
  raw: unknown;
  site: { at: Locator; path: PathSegment[] };
}

/** Diagnostics of every persona's and population group's `state:` in a scenario. */
export function checkStartValues(v: Obj, at: Locator, personas: readonly StartSite[], unsure: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    const m = readMechanics(v, at) ?? { world: [], agents: [], actions: [] };
    for (const p of personas) {
      if (!isObj(p.raw) || !isObj(p.raw.state)) continue;
      const r: Report = { v, at: p.site.at, m, unsure, out };
      checkState(r, [...p.site.path, 'state'], p.raw.state, `Persona '${String(p.raw.id)}'`);
    }
    const groups = Array.isArray(v.population) ? v.population : [];
    groups.forEach((g: unknown, i) => {
      if (!isObj(g) || !isObj(g.state)) return;
      checkState({ v, at, m, unsure, out }, ['population', i, 'state'], g.state, `Group '${String(g.group)}'`);
    });
  } catch {
    // Like the other semantic checks: a scenario that does not read is reported elsewhere.
  }
  return out;
}

function checkState(r: Report, path: PathSegment[], state: Obj, who: string): void {
  const agents = new Map(r.m.agents.map((q) => [q.name, q]));
  const known = [...agents.keys()];
  for (const [name, value] of Object.entries(state)) {
    const q = agents.get(name);
    if (q) {
      if (typeof value === 'number') outOfBounds(r, [...path, name], value, q, who);
      continue;
    }
    if (r.unsure) continue; // "not defined" checks wait until the scenario reads cleanly
    const range = r.at.keyRange([...path, name]);
    if (r.m.world.some((w) => w.name === name)) {
      const list = known.length ? ` (agent quantities: ${known.join(', ')})` : '';
      const message = `${who} sets '${name}', a world quantity: \`state:\` here sets this agent's own quantities, declared under \`state.agents\`${list}`;
      report(r, 'SOC086', 'error', message, range);
      continue;
    }
    unknownName(r, 'SOC085', range, name, known, {
      unknown: `${who} sets unknown agent quantity '${name}'`,
      kind: 'agent quantities',
      none: 'the scenario declares no agent quantities: declare it under `state.agents:`',
    });
  }
}

/** A number past the quantity's bounds: the run clamps it, which is rarely what was meant. */
function outOfBounds(r: Report, path: PathSegment[], x: number, q: Quantity, who: string): void {
  const min = q.min ?? (q.labels ? 0 : undefined);
  const max = q.max ?? (q.labels ? q.labels.length - 1 : undefined);
  const past =
    min !== undefined && x < min ? `below its min ${min}` : max !== undefined && x > max ? `above its max ${max}` : '';
  if (!past) return;
  const to = min !== undefined && x < min ? min : max;
  const message = `${who} starts '${q.name}' at ${x}, ${past}: the run starts it at ${to}`;
  report(r, 'SOC087', 'warning', message, r.at.valueRange(path));
}

/** The entry of the CHECKS table. */
export const startValuesCheck: Check = (ctx) => {
  pushAll(ctx.out, checkStartValues(ctx.v, ctx.at, ctx.personas, ctx.unsure));
};
