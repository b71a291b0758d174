// Experiment conditions that change the society's rules (issue 44, point 3): a feed's rank weights,
// a phase's `when`/`who`/`order`/`actions`, an action's `when`, effects and arguments, by the
// paths format/schema/structurePaths.ts lists (the editor checks the same ones, SOC054). Applied
// to the scenario copy a condition runs; a value of the wrong kind, or an expression that does not
// check, is an error naming the path, before any run starts.
import {
  checkExpression,
  expressionEnvironment,
  type Scope,
  type Wanted,
  phaseActionFields,
  type Mechanics,
  type Scenario,
  valueErrors,
  didYouMean,
  listNames,
  structurePaths,
  type StructurePath,
  argWithoutValue,
} from '../format';

export { isStructurePath } from '../format';

type Obj = Record<string, unknown>;

/** The names of the rules `s` declares, in the shape of a scenario document (what structurePaths reads). */
function declared(s: Scenario): Obj {
  const m = s.mechanics;
  return {
    feeds: Object.fromEntries((m?.feeds ?? []).map((f) => [f.name, {}])),
    ...(s.round ? { round: s.round.map((p) => (p.kind === 'builtin' ? p.name : { phase: p.name })) } : {}),
    ...(m?.matching ? { matching: {} } : {}),
    actions: Object.fromEntries(
      (m?.actions ?? []).map((a) => [
        a.name,
        {
          effects: Object.fromEntries(a.effects.map((e) => [e.target, ''])),
          args: Object.fromEntries(a.args.map((x) => [x.name, {}])),
        },
      ]),
    ),
  };
}

/** The typed object a path's last segments are set on, and those segments. */
function owner(s: Scenario, key: string): { target: Obj; rest: string[] } | undefined {
  const [top, name, ...rest] = key.split('.');
  const m = s.mechanics;
  if (top === 'matching') return m?.matching && { target: m.matching as unknown as Obj, rest: [name, ...rest] };
  if (top === 'feeds') {
    const feed = m?.feeds?.find((f) => f.name === name);
    return feed && { target: feed as unknown as Obj, rest };
  }
  if (top === 'round') {
    const phase = s.round?.find((p) => p.name === name);
    return phase && { target: phase as unknown as Obj, rest };
  }
  const action = m?.actions.find((a) => a.name === name);
  if (!action) return undefined;
  if (rest[0] === 'effects') {
    const effect = action.effects.find((e) => e.target === rest.slice(1).join('.'));
    return effect && { target: effect as unknown as Obj, rest: ['expression'] };
  }
  if (rest[0] === 'args') {
    const arg = action.args.find((a) => a.name === rest[1]);
    return arg && { target: arg as unknown as Obj, rest: rest.slice(2) };
  }
  return { target: action as unknown as Obj, rest };
}

/** Where the expression a path sets is read, and what it gives. */
function expressionScope(s: Scenario, p: StructurePath): { scope: Scope; wanted: Wanted } | undefined {
  if (p.expression === 'phase-when') return { scope: { kind: 'world' }, wanted: 'bool' };
  const action = s.mechanics?.actions.find((a) => a.name === p.path.split('.')[1]);
  if (!action) return undefined;
  if (p.expression === 'action-when') return { scope: { kind: 'agent' }, wanted: 'bool' };
  if (p.expression === 'effect') return { scope: { kind: 'action', action }, wanted: 'number' };
  // Compiled in the actor's scope, before any argument is chosen (compiledMechanics.ts argBounds).
  if (p.expression === 'bound') return { scope: { kind: 'agent' }, wanted: 'number' };
  return undefined;
}

/**
 * An argument's bound as the run reads it: a number in `min`/`max`, an expression in
 * `minExpression`/`maxExpression` (buildMechanics.ts), never both. A condition's number set over
 * a scenario's expression (or the reverse) left the other in place, and the expression won.
 */
function setBound(arg: Obj, side: string, value: unknown): void {
  const expression = side === 'min' ? 'minExpression' : 'maxExpression';
  if (typeof value === 'string') {
    delete arg[side];
    arg[expression] = value;
  } else delete arg[expression];
}

const NO_MECHANICS: Mechanics = { world: [], agents: [], actions: [] };

function setOne(s: Scenario, key: string, value: unknown, paths: readonly StructurePath[]): string | undefined {
  const p = paths.find((x) => x.path === key);
  if (!p) {
    const near = didYouMean(
      key,
      paths.map((x) => x.path),
    );
    return `'${key}' names no feed, phase or action field of this scenario${near ? `. Did you mean '${near}'?` : ''}`;
  }
  const error = valueErrors(p.node, value)[0];
  if (error) {
    return `'${key}' ${error.instancePath ? `${error.instancePath.slice(1)} ` : ''}${error.message ?? 'is invalid'}`;
  }
  const list = listNames(key, declared(s));
  const byGroup = !!value && typeof value === 'object' && !Array.isArray(value);
  const items = Array.isArray(value) ? value : byGroup ? Object.values(value as Obj).flat() : [];
  const unknown = list ? items.find((x) => !list.names.includes(String(x))) : undefined;
  if (list && unknown !== undefined) {
    return `'${key}' names ${list.what} '${String(unknown)}', which the scenario does not declare`;
  }
  if (list && byGroup) {
    const groups = scenarioGroupNames(s);
    const group = Object.keys(value as Obj).find((g) => !groups.includes(g));
    if (group !== undefined) {
      const near = didYouMean(group, groups);
      return `'${key}' gives actions to group '${group}', which no population group or persona has${near ? `. Did you mean '${near}'?` : ''}`;
    }
  }
  const matchGroup = matchingGroupError(s, key, value);
  if (matchGroup) return matchGroup;
  const at = owner(s, key);
  if (!at) return `'${key}' names no feed, phase or action field of this scenario`;
  let node = at.target;
  for (const k of at.rest.slice(0, -1)) {
    if (!node[k] || typeof node[k] !== 'object') node[k] = {};
    node = node[k] as Obj;
  }
  node[at.rest[at.rest.length - 1]] = structuredClone(value);
  if (p.expression === 'bound') setBound(at.target, at.rest[0], value);
  // A phase's actions (a list, or lists by group) are held as `actions` and `byGroup` together.
  if (key.split('.')[0] === 'round' && at.rest.join('.') === 'actions') {
    const phase = at.target as { actions: unknown; byGroup?: unknown };
    const fields = phaseActionFields(phase.actions, s.mechanics?.actions.map((a) => a.name) ?? []);
    delete phase.byGroup;
    Object.assign(phase, fields);
  }
  return undefined;
}

/** A group `matching.within` or `matching.between` names that the scenario has not. */
function matchingGroupError(s: Scenario, key: string, value: unknown): string | undefined {
  if (key !== 'matching.within' && key !== 'matching.between') return undefined;
  const groups = scenarioGroupNames(s);
  const named = (Array.isArray(value) ? value : [value]).map(String);
  const group = named.find((g) => !groups.includes(g));
  if (group === undefined) return undefined;
  const near = didYouMean(group, groups);
  return `'${key}' matches group '${group}', which no population group or persona has${near ? `. Did you mean '${near}'?` : ''}`;
}

/** The groups a phase may give actions to: population groups and personas' `group`. */
function scenarioGroupNames(s: Scenario): string[] {
  const groups = [...s.population.map((g) => g.group), ...s.personas.map((p) => p.group)];
  return [...new Set(groups.filter((g): g is string => typeof g === 'string' && g !== ''))];
}

/** Checks the expressions the condition set, on the scenario as it leaves it. */
function expressionErrors(s: Scenario, set: Obj, paths: readonly StructurePath[]): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(set)) {
    const p = paths.find((x) => x.path === key);
    const where = p?.expression && typeof value === 'string' ? expressionScope(s, p) : undefined;
    if (!where) continue;
    const problem = checkExpression(
      expressionEnvironment(s.mechanics ?? NO_MECHANICS, where.scope),
      value as string,
      where.wanted,
    );
    if (problem) out.push(`'${key}': ${problem.message}`);
  }
  return out;
}

/** Applies the rule overrides of `set` to `s` (a copy); returns one message per rejected path. */
export function applyStructureOverrides(s: Scenario, set: Obj): string[] {
  const paths = structurePaths(declared(s));
  const errors: string[] = [];
  for (const [key, value] of Object.entries(set)) {
    const error = setOne(s, key, value, paths);
    if (error) errors.push(error);
  }
  return errors.length ? errors : [...expressionErrors(s, set, paths), ...emptyArgErrors(s, set)];
}

/** An argument whose bounds, as the condition leaves them, hold no value (format/model/argRange.ts). */
function emptyArgErrors(s: Scenario, set: Obj): string[] {
  const out: string[] = [];
  for (const key of Object.keys(set)) {
    const m = /^actions\.([^.]+)\.args\.([^.]+)\.(min|max|integer)$/.exec(key);
    const arg = m && s.mechanics?.actions.find((a) => a.name === m[1])?.args.find((a) => a.name === m[2]);
    const why = arg ? argWithoutValue(arg) : undefined;
    if (why) out.push(`'${key}': argument '${m![2]}' of action '${m![1]}' ${why}, so the action could never be taken`);
  }
  return out;
}
