// An experiment condition may set a declared quantity's `initial`, `min`, `max`, `update` or
// `worth_usd` (`state.world.fish.initial: 30`, experiment/worldOverrides.ts). Such a value gets the checks it
// would get written in `state:` itself (issue 41: a syntax error stopped the experiment at run
// time; a string, NaN or min > max ran silently wrong): its type (SOC012; NaN and Infinity are SOC076), the
// bounds of the quantity as the condition leaves it (SOC063), a worth above 0 (SOC013), and an update's expression (SOC061,
// through mechanicsCheck.ts with the other expressions) — each where the condition writes it.
import type { Mechanics, Quantity } from '../model/mechanics';
import type { PathSegment } from '../syntax/parse';
import type { ExpressionSite } from '../assemble/mechanicsSource';
import { report, type Report } from './mechanicsReport';
import { parseWorldPath, type QuantityField } from '../schema/worldPaths';
import { structurePath } from '../schema/structurePaths';
import { type Obj, isObj } from './checkKit';

type Field = QuantityField;

/** One value a condition sets on a declared quantity. */
interface Override {
  condition: string;
  /** The path of the value in the document (`experiment.conditions[i].set["state.world.fish.min"]`). */
  path: PathSegment[];
  key: string;
  side: 'world' | 'agents';
  quantity: Quantity;
  field: Field;
  value: unknown;
}

/** Every condition's values of declared quantities, by condition (an unknown quantity is SOC054's). */
function overridesByCondition(v: Obj, m: Mechanics): Override[][] {
  const experiment = isObj(v.experiment) ? v.experiment : {};
  const conditions = Array.isArray(experiment.conditions) ? experiment.conditions : [];
  return conditions.map((c, i) => {
    if (!isObj(c) || !isObj(c.set)) return [];
    const condition = typeof c.name === 'string' ? `'${c.name}'` : `#${i + 1}`;
    const out: Override[] = [];
    for (const [key, value] of Object.entries(c.set)) {
      const p = parseWorldPath(key);
      if (p?.kind !== 'state') continue;
      const quantity = (p.side === 'world' ? m.world : m.agents).find((q) => q.name === p.name);
      if (!quantity) continue;
      const path = ['experiment', 'conditions', i, 'set', key];
      out.push({ condition, path, key, side: p.side, quantity, field: p.field, value });
    }
    return out;
  });
}

/** A value as YAML writes it, for messages: `.nan` and `.inf` rather than NaN and Infinity. */
function written(x: unknown): string {
  if (typeof x === 'number') {
    return Number.isNaN(x) ? '.nan' : x === Infinity ? '.inf' : x === -Infinity ? '-.inf' : String(x);
  }
  return JSON.stringify(x) ?? String(x);
}

/** Whether a value has the type its field takes: an expression string, or a finite number. */
const wellTyped = (o: Override): boolean =>
  o.field === 'update' ? typeof o.value === 'string' : typeof o.value === 'number' && Number.isFinite(o.value);

const isNumber = (o: Override): boolean => typeof o.value === 'number';

/**
 * SOC012 for a value of the wrong type or not finite; SOC063 for bounds the condition's values
 * break (min > max, an initial outside them), at the value that breaks them.
 */
export function checkConditionValues(r: Report): void {
  for (const overrides of overridesByCondition(r.v, r.m)) {
    // A number that is not finite is SOC076's, as anywhere in the file (nonFinite.ts): said once.
    for (const o of overrides.filter((x) => !wellTyped(x) && !(isNumber(x) && x.field !== 'update'))) {
      const wanted = o.field === 'update' ? 'a string (an expression)' : 'a finite number';
      report(
        r,
        'SOC012',
        'error',
        `In condition ${o.condition}, '${o.key}' must be ${wanted}, found ${written(o.value)}`,
        r.at.valueRange(o.path),
      );
    }
    // A worth is a price (the schema's `exclusiveMinimum: 0` on the quantity): said where the condition writes it.
    for (const o of overrides.filter((x) => x.field === 'worth_usd' && wellTyped(x) && (x.value as number) <= 0)) {
      const message = `In condition ${o.condition}, '${o.key}' must be > 0, found ${written(o.value)}`;
      report(r, 'SOC013', 'error', message, r.at.valueRange(o.path));
    }
    const typed = overrides.filter(wellTyped);
    for (const q of new Set(typed.map((o) => o.quantity))) {
      checkBounds(
        r,
        q,
        typed.filter((o) => o.quantity === q),
      );
    }
  }
}

/** The bounds of quantity `q` as the condition's values `set` leave it. */
function checkBounds(r: Report, q: Quantity, set: Override[]): void {
  const at = (field: Field): Override | undefined => set.find((o) => o.field === field);
  const value = (field: 'initial' | 'min' | 'max'): number | undefined =>
    (at(field)?.value as number | undefined) ?? q[field];
  const [initial, min, max] = [value('initial') ?? 0, value('min'), value('max')];
  const what = `In condition ${set[0].condition}, ${set[0].side === 'world' ? 'world' : 'agent'} quantity '${q.name}'`;
  // Said at the value the condition writes: the first of those it names that breaks the bound.
  const say = (message: string, ...fields: Field[]): void => {
    const o = fields.map(at).find((x) => x !== undefined);
    if (o) report(r, 'SOC063', 'error', `${what} ${message}`, r.at.valueRange(o.path));
  };
  if (min !== undefined && max !== undefined && min > max) return say(`has min ${min} > max ${max}`, 'min', 'max');
  if (min !== undefined && initial < min) say(`starts at ${initial}, below its min ${min}`, 'initial', 'min');
  if (max !== undefined && initial > max) say(`starts at ${initial}, above its max ${max}`, 'initial', 'max');
}

/** The `update` expressions conditions set, as sites for the expression checks (SOC061). */
export function conditionUpdateSites(r: Pick<Report, 'v' | 'm'>): ExpressionSite[] {
  return overridesByCondition(r.v, r.m)
    .flat()
    .filter((o) => o.field === 'update' && typeof o.value === 'string')
    .map((o) => ({
      path: o.path,
      text: o.value as string,
      scope: { kind: o.side === 'world' ? 'world' : 'agent' },
      wanted: 'number',
      what: `the update of ${o.side === 'world' ? 'world' : 'agent'} quantity '${o.quantity.name}' in condition ${o.condition}`,
    }));
}

/** The `when`s and effects conditions set on phases and actions (structurePaths.ts), as expression sites. */
export function conditionRuleSites(r: Pick<Report, 'v' | 'm'>): ExpressionSite[] {
  const experiment = isObj(r.v.experiment) ? r.v.experiment : {};
  const conditions = Array.isArray(experiment.conditions) ? experiment.conditions : [];
  const out: ExpressionSite[] = [];
  conditions.forEach((c, i) => {
    if (!isObj(c) || !isObj(c.set)) return;
    const condition = typeof c.name === 'string' ? `'${c.name}'` : `#${i + 1}`;
    for (const [key, value] of Object.entries(c.set)) {
      const p = typeof value === 'string' ? structurePath(key, r.v) : undefined;
      if (!p?.expression) continue;
      const text = value as string;
      const name = key.split('.')[1];
      const action = r.m.actions.find((a) => a.name === name);
      const path = ['experiment', 'conditions', i, 'set', key];
      if (p.expression === 'phase-when') {
        const what = `the \`when\` of phase '${name}' in condition ${condition}`;
        out.push({ path, text, scope: { kind: 'world' }, wanted: 'bool', what });
      } else if (action && p.expression === 'action-when') {
        const what = `the \`when\` of action '${name}' in condition ${condition}`;
        out.push({ path, text, scope: { kind: 'agent' }, wanted: 'bool', what });
      } else if (action && p.expression === 'bound') {
        const what = `the ${key.split('.').pop()} of argument '${key.split('.')[3]}' of action '${name}' in condition ${condition}`;
        out.push({ path, text, scope: { kind: 'agent' }, wanted: 'number', what });
      } else if (action) {
        const target = key.split('.').slice(3).join('.');
        const what = `the effect on ${target} of action '${name}' in condition ${condition}`;
        out.push({ path, text, scope: { kind: 'action', action }, wanted: 'number', what });
      }
    }
  });
  return out;
}
