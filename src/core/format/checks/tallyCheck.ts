// Measurement must not steer behaviour by accident (issue 45). The offline model counts every
// agent quantity that is valued (the default) and has no `labels` as something agents want more
// of, so a counter kept only to measure ("times I told the news") makes the action that bumps it
// worth doing for its own sake: in one diffusion study, 17 of 25 heard the news with the counter
// valued, 8 of 25 with `valued: false`. Two likely mistakes, said where they are written:
// - SOC106 (warning): an agent quantity that only ever grows by a constant for the actor of an
//   action (`me.told: "me.told + 1"`), that no `update` changes and no expression reads (but the
//   updates of world totals that themselves only measure), and whose `valued` is not written: a
//   tally that steers choices. Fix: `valued: false`; writing `valued:
//   true` says it is meant.
// - SOC106 too for the other bookkeeping a valued default turns into an incentive (issue 62): a
//   0/1 flag that actions only ever set to 0 or 1 (`me.coop_now: "1.0"`; round-1 cooperation in a
//   prisoner's dilemma rose from 0.20 to 0.65 with it valued), whoever reads it, since a flag's 1
//   is not more of anything; and a world counter that actions only raise by a constant
//   (`world.coops: "world.coops + 1.0"`; 0.20 to 0.42), read by nothing but measurement.
// - SOC107 (info): an action whose every effect is on quantities written `valued: false`, with no
//   platform verb and no move: by its own effects it brings the offline model nothing. Not said of
//   a phase's one way to say no (`reject` beside `accept`): refusing what the other brings is its
//   consequence.
// A scenario's module is code validation never reads (it may read or pay for anything): with one,
// neither is said.
import type { DiagnosticFix } from '../model/diagnostics';
import { phaseActionFields, type Action, type Mechanics } from '../model/mechanics';
import type { ExpressionSite } from '../assemble/mechanicsSource';
import { report, type Report } from './mechanicsReport';
import type { PathSegment } from '../syntax/parse';
import { declaredVerbs } from '../model/verbs';
import { type Obj, isObj } from './checkKit';

function raw(v: Obj, path: readonly PathSegment[]): unknown {
  let x: unknown = v;
  for (const s of path) x = isObj(x) ? x[s] : undefined;
  return x;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The constant an effect on `target` (`me.q`, `world.q`) adds to it (`me.q + 1`, `1.0 + me.q`), or undefined for any other effect. */
function addedConstant(target: string, expression: string): number | undefined {
  const own = escape(target);
  const m = new RegExp(
    `^\\s*(?:${own}\\s*\\+\\s*([0-9]+(?:\\.[0-9]+)?)|([0-9]+(?:\\.[0-9]+)?)\\s*\\+\\s*${own})\\s*$`,
  ).exec(expression);
  const c = m ? Number(m[1] ?? m[2]) : undefined;
  return c !== undefined && c > 0 ? c : undefined;
}

/** Whether an expression mentions `.<q>` (any owner: me, an argument, a candidate, agents in a macro). */
function mentions(q: string, text: string): boolean {
  return new RegExp(`\\.${escape(q)}(?![A-Za-z0-9_])`).test(text);
}

/** `valued: false` inserted into a quantity's mapping, in its style (flow `{ … }` or block). */
function valuedFalseFix(r: Report, q: string, owner: 'agents' | 'world' = 'agents'): DiagnosticFix | undefined {
  const base = ['state', owner, q];
  const written = raw(r.v, base);
  if (!isObj(written)) return undefined;
  const keys = Object.keys(written);
  const last = keys[keys.length - 1];
  if (last === undefined) return undefined;
  const lines = r.at.file.lines;
  const whole = r.at.valueRange(base);
  const end = r.at.valueRange([...base, last]).end;
  const flow = lines.text.slice(lines.offsetAt(whole.start), lines.offsetAt(whole.end)).trimStart().startsWith('{');
  const indent = ' '.repeat(r.at.keyRange([...base, last]).start.character);
  return {
    title: `Mark '${q}' as a tally: valued: false`,
    file: r.at.file.file,
    range: { start: end, end },
    newText: flow ? ', valued: false' : `\n${indent}valued: false`,
  };
}

/**
 * The world quantities that only measure: each has an \`update\` (a running total such as
 * \`sum(agents.map(a, a.liked))\`) and is read by no expression but the updates of others like it.
 * Reading a tally into one of them is still measuring.
 */
function measuringWorld(m: Mechanics, sites: readonly ExpressionSite[]): Set<string> {
  const out = new Set(m.world.filter((q) => q.update !== undefined).map((q) => q.name));
  const updateOf = (s: ExpressionSite): string | undefined =>
    s.path[0] === 'state' && s.path[1] === 'world' && s.path[3] === 'update' ? String(s.path[2]) : undefined;
  for (let changed = true; changed;) {
    changed = false;
    for (const w of [...out]) {
      const read = new RegExp(`\\bworld\\.${escape(w)}(?![A-Za-z0-9_])|\\bworld\\b(?!\\s*\\.)`);
      if (sites.some((s) => !out.has(updateOf(s) ?? '') && read.test(s.text))) {
        out.delete(w);
        changed = true;
      }
    }
  }
  return out;
}

/** Who reads a quantity: the expressions that mention it, but its own effects and the totals that only measure. */
interface Reads {
  measuring: Set<string>;
  sites: readonly ExpressionSite[];
}

/** The expressions that read `name` (`world.<q>` for a world quantity, else an agent quantity) other than the effects that set it. */
function readersOf(reads: Reads, name: string): ExpressionSite[] {
  const world = name.startsWith('world.');
  const q = world ? name.slice(6) : name;
  const ownEffect = (s: ExpressionSite): boolean =>
    s.path[0] === 'actions' &&
    s.path[2] === 'effects' &&
    (world ? s.path[3] === name : String(s.path[3]).endsWith(`.${q}`));
  const mention = world ? new RegExp(`\\bworld\\.${escape(q)}(?![A-Za-z0-9_])`) : undefined;
  return reads.sites.filter((s) => !ownEffect(s) && (mention ? mention.test(s.text) : mentions(q, s.text)));
}

/** Whether a site is the update of a world total that only measures. */
const measures = (reads: Reads, s: ExpressionSite): boolean =>
  s.path[0] === 'state' && s.path[1] === 'world' && s.path[3] === 'update' && reads.measuring.has(String(s.path[2]));

/**
 * The actions that add a constant to an agent's `q` (the actor's, or an agent argument's: a count
 * of help received raised by the helper), with whose; undefined when anything else changes it.
 */
function countingActions(m: Mechanics, q: string): { actions: string[]; whose: string } | undefined {
  const counting: string[] = [];
  const owners = new Set<'me' | 'other'>();
  for (const a of m.actions) {
    for (const e of a.effects) {
      if (!e.target.endsWith(`.${q}`) || e.target.startsWith('world.')) continue;
      if (addedConstant(e.target, e.expression) === undefined) return undefined;
      owners.add(e.target === `me.${q}` ? 'me' : 'other');
      if (!counting.includes(a.name)) counting.push(a.name);
    }
  }
  if (!counting.length) return undefined;
  const whose =
    owners.size > 1 ? "the actor's and another agent's" : owners.has('me') ? "the actor's" : "another agent's";
  return { actions: counting, whose };
}

/** SOC106: agent quantities that only count actions (the actor's or another's), read by nothing, valued by default. */
function steeringTallies(r: Report, reads: Reads): void {
  const fitness = isObj(r.v.generations) ? r.v.generations.fitness : undefined;
  for (const q of r.m.agents) {
    if (q.labels?.length || q.update !== undefined || fitness === q.name) continue;
    if (raw(r.v, ['state', 'agents', q.name, 'valued']) !== undefined) continue;
    const found = countingActions(r.m, q.name);
    if (!found) continue;
    const counting = found.actions;
    const readers = readersOf(reads, q.name);
    if (readers.some((s) => !measures(reads, s))) continue;
    const read = readers.length
      ? `nothing reads it but totals that only measure (${readers.map((s) => `world.${String(s.path[2])}`).join(', ')})`
      : 'nothing reads it';
    const actions = counting.map((a) => `'${a}'`).join(', ');
    const fix = valuedFalseFix(r, q.name);
    report(
      r,
      'SOC106',
      'warning',
      `Agent quantity '${q.name}' only counts what agents do (${actions} ${counting.length > 1 ? 'add' : 'adds'} to ${found.whose}) and ${read}, yet it is valued: the offline model counts it as something agents want more of, so it makes ${actions} worth doing for its own sake. If it only measures, add \`valued: false\`; if agents should want it, write \`valued: true\``,
      r.at.keyRange(['state', 'agents', q.name]),
      fix ? [fix] : undefined,
    );
  }
}

/** The 0 or 1 an effect sets (`"1.0"`, `"0"`), or undefined for any other expression. */
function flagValue(expression: string): number | undefined {
  const m = /^\s*([01])(?:\.0*)?\s*$/.exec(expression);
  return m ? Number(m[1]) : undefined;
}

/** Each action that sets `name` (an agent quantity, or `world.<q>`), with the 0 or 1 it sets; undefined when any effect sets anything else. */
function flagSetters(m: Mechanics, name: string): Map<string, number> | undefined {
  const world = name.startsWith('world.');
  const setters = new Map<string, number>();
  for (const a of m.actions) {
    for (const e of a.effects) {
      const hit = world ? e.target === name : !e.target.startsWith('world.') && e.target.endsWith(`.${name}`);
      if (!hit) continue;
      const v = flagValue(e.expression);
      if (v === undefined) return undefined;
      setters.set(a.name, Math.max(setters.get(a.name) ?? 0, v));
    }
  }
  return [...setters.values()].includes(1) ? setters : undefined;
}

/** SOC106 for flags: quantities actions only set to 0 or 1, valued by default, whoever reads them. */
function steeringFlags(r: Report): void {
  const fitness = isObj(r.v.generations) ? r.v.generations.fitness : undefined;
  const quantities = [
    ...r.m.agents.map((q) => ({ q, owner: 'agents' as const, name: q.name })),
    ...r.m.world.map((q) => ({ q, owner: 'world' as const, name: `world.${q.name}` })),
  ];
  for (const { q, owner, name } of quantities) {
    if (q.labels?.length || fitness === q.name) continue;
    if (raw(r.v, ['state', owner, q.name, 'valued']) !== undefined) continue;
    // An update that computes something makes it more than a record of what was done; a reset is fine.
    if (q.update !== undefined && flagValue(q.update) === undefined) continue;
    const setters = flagSetters(r.m, name);
    if (!setters) continue;
    const raising = [...setters].filter(([, v]) => v === 1).map(([a]) => `'${a}'`);
    const sets = [...setters].map(([a, v]) => `'${a}' to ${v}`).join(', ');
    const fix = valuedFalseFix(r, q.name, owner);
    report(
      r,
      'SOC106',
      'warning',
      `${owner === 'world' ? 'World' : 'Agent'} quantity '${q.name}' is a flag (actions only set it to 0 or 1: ${sets}), yet it is valued: the offline model counts its 1 as more of something agents want, so it makes ${raising.join(', ')} worth doing for that alone. If it records what was done, add \`valued: false\`; if agents should want it, write \`valued: true\``,
      r.at.keyRange(['state', owner, q.name]),
      fix ? [fix] : undefined,
    );
  }
}

/** The actions that raise `world.<q>` by a constant, or undefined when anything else changes it. */
function raisingActions(m: Mechanics, q: string): string[] | undefined {
  const raising: string[] = [];
  for (const a of m.actions) {
    for (const e of a.effects) {
      if (e.target !== `world.${q}`) continue;
      if (addedConstant(e.target, e.expression) === undefined) return undefined;
      if (!raising.includes(a.name)) raising.push(a.name);
    }
  }
  return raising.length ? raising : undefined;
}

/** SOC106 for world counters: world quantities actions only raise by a constant, read by nothing but measurement, valued by default. */
function steeringWorldCounters(r: Report, reads: Reads): void {
  for (const q of r.m.world) {
    if (q.labels?.length || q.update !== undefined) continue;
    if (raw(r.v, ['state', 'world', q.name, 'valued']) !== undefined) continue;
    const raising = raisingActions(r.m, q.name);
    if (!raising) continue;
    const readers = readersOf(reads, `world.${q.name}`);
    if (readers.some((s) => !measures(reads, s))) continue;
    const actions = raising.map((a) => `'${a}'`).join(', ');
    const fix = valuedFalseFix(r, q.name, 'world');
    report(
      r,
      'SOC106',
      'warning',
      `World quantity '${q.name}' only counts what agents do (${actions} ${raising.length > 1 ? 'raise' : 'raises'} it) and nothing reads it${readers.length ? ' but totals that only measure' : ''}, yet it is valued: the offline model weighs a rise in it as a gain for everyone (the more, the more agreeable the agent), so it makes ${actions} worth doing for that alone. If it only measures, add \`valued: false\`; if agents should want it, write \`valued: true\``,
      r.at.keyRange(['state', 'world', q.name]),
      fix ? [fix] : undefined,
    );
  }
}

/**
 * The quantities an action changes when every one is a pure measurement: written \`valued: false\`
 * (no \`labels\`) and read by nothing but totals that only measure; else undefined.
 */
function changesOnlyTallies(m: Mechanics, a: Action, reads: Reads): string[] | undefined {
  const names: string[] = [];
  for (const e of a.effects) {
    const world = e.target.startsWith('world.');
    const name = world ? e.target : e.target.slice(e.target.indexOf('.') + 1);
    const q = world ? m.world.find((x) => `world.${x.name}` === name) : m.agents.find((x) => x.name === name);
    if (!q || q.valued !== false || q.labels?.length) return undefined;
    if (readersOf(reads, name).some((s) => !measures(reads, s))) return undefined;
    if (!names.includes(name)) names.push(name);
  }
  return names.length ? names : undefined;
}

/** The choice sets the round's phases write out: each act phase's own list (each group's, where given by group). */
function choiceSets(r: Report): string[][] {
  const all = r.m.actions.map((a) => a.name);
  const round = Array.isArray(r.v.round) ? (r.v.round as unknown[]) : [];
  const sets: string[][] = [];
  for (const p of round) {
    if (!isObj(p) || p.actions === undefined) continue;
    const fields = phaseActionFields(p.actions, all);
    if (fields.byGroup) {
      for (const list of Object.values(fields.byGroup)) if (Array.isArray(list)) sets.push(list);
    } else sets.push(fields.actions);
  }
  return sets;
}

/**
 * Whether `a` is the one way to say no in the choices the author wrote out: every phase list that
 * offers it offers only actions beside it that change something valued (an ultimatum's `reject`,
 * counted by a tally, written beside `accept`). Refusing is then its consequence: what the other
 * would have brought does not happen. Actions offered only as "everything declared" (no list) are
 * not a choice anyone wrote, and are still told of.
 */
function declines(r: Report, a: Action, reads: Reads, sets: readonly string[][]): boolean {
  const offering = sets.filter((set) => set.includes(a.name));
  if (!offering.length) return false;
  const matters = (b: Action): boolean => b.effects.length > 0 && !changesOnlyTallies(r.m, b, reads);
  return offering.every((set) => {
    const others = r.m.actions.filter((b) => b !== a && set.includes(b.name));
    return others.length > 0 && others.every(matters);
  });
}

/** SOC107: actions whose only consequence is a measurement. */
function pointlessActions(r: Report, reads: Reads): void {
  // An action offered alone is taken whatever it brings.
  if (r.m.actions.length < 2) return;
  const sets = choiceSets(r);
  for (const a of r.m.actions) {
    if (declaredVerbs(a).length || a.move) continue;
    const names = changesOnlyTallies(r.m, a, reads);
    if (!names || declines(r, a, reads, sets)) continue;
    const list = names.map((n) => `'${n}'`).join(', ');
    report(
      r,
      'SOC107',
      'info',
      `Action '${a.name}' changes only ${list}, marked \`valued: false\` and read by nothing but measurement: its only consequence is a count, so the offline model weighs it as an action that changes nothing. If taking it should matter, give it an effect on something agents value or something the world reads`,
      r.at.keyRange(['actions', a.name]),
    );
  }
}

/** SOC106 (tallies, flags, world counters) and SOC107 (none while the scenario has syntax errors, or with a module). */
export function checkTallies(r: Report, sites: readonly ExpressionSite[]): void {
  if (r.unsure || (typeof r.v.module === 'string' && r.v.module !== '')) return;
  const reads: Reads = { measuring: measuringWorld(r.m, sites), sites };
  steeringTallies(r, reads);
  steeringFlags(r);
  steeringWorldCounters(r, reads);
  pointlessActions(r, reads);
}
