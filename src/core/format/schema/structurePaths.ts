// What an experiment condition may set of the society's rules (issue 44, point 3): a feed's fields
// (`feeds.timeline.rank.likes`), a phase's (`round.police.when`, `.who`, `.order`, `.actions`), an
// action's (`actions.fish.when`, `actions.fish.effects.world.fish`, `actions.fish.args.tonnes.max`)
// — each a value the scenario has, by the name it declares, so one scenario holds both arms of a
// comparison (a chronological and a popularity-ranked feed) without declaring anything twice. The
// editor (SOC054 at the key, completion) and the experiment that applies them read this one list.
// A declared `matching:` is a rule too: `matching.design: stranger` against the partner design.
import { deref, societySchema, type SchemaNode } from './schema';
import { BUILTIN_PHASES } from '../model/mechanics';
import { pushAll } from '../../text/pushAll';

/** A value of the rules a condition may set: its dotted path and the schema its value must fit. */
export interface StructurePath {
  path: string;
  node: SchemaNode;
  /** What the value is when it is an expression: a phase's or an action's condition, an effect, or an argument's bound. */
  expression?: 'phase-when' | 'action-when' | 'effect' | 'bound';
}

/** The families of such paths: what the first segment names. */
export const STRUCTURE_ROOTS = ['feeds', 'round', 'actions', 'matching'] as const;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const def = (name: string): SchemaNode => societySchema.$defs[name];

/** Leaves of a schema node by dotted path (an object with properties is walked, anything else is one value). */
function leaves(
  node: SchemaNode | undefined,
  prefix: string,
  out: StructurePath[],
  skip: readonly string[] = [],
): void {
  const n = deref(node);
  if (n?.properties && !node?.$ref) {
    for (const [key, child] of Object.entries(n.properties)) {
      if (!skip.includes(key)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (n) out.push({ path: prefix, node: n });
}

const WHEN: SchemaNode = { type: 'string' };

function feedPaths(doc: Obj): StructurePath[] {
  const out: StructurePath[] = [];
  for (const name of Object.keys(obj(doc.feeds))) leaves(def('feed'), `feeds.${name}`, out);
  return out;
}

/** A phase by its name: a built-in stage has only its `when`; an action phase every field but its name. */
function phasePaths(doc: Obj): StructurePath[] {
  const out: StructurePath[] = [];
  const round = Array.isArray(doc.round) ? doc.round : [];
  for (const entry of round) {
    const name = typeof entry === 'string' ? entry : obj(entry).phase;
    if (typeof name !== 'string') continue;
    const builtin = (BUILTIN_PHASES as readonly string[]).includes(name);
    const fields: StructurePath[] = [];
    if (builtin) fields.push({ path: `round.${name}.when`, node: WHEN });
    else leaves(def('phase'), `round.${name}`, fields, ['phase']);
    pushAll(
      out,
      fields.map((f) => (f.path.endsWith('.when') ? { ...f, expression: 'phase-when' as const } : f)),
    );
  }
  return out;
}

/** An action's own fields, each effect it writes (by target), each field of each argument. */
function actionPaths(doc: Obj): StructurePath[] {
  const out: StructurePath[] = [];
  for (const [name, raw] of Object.entries(obj(doc.actions))) {
    const action = obj(raw);
    const own: StructurePath[] = [];
    // The platform verbs (post, like, …) are the verb table's, and `move` is { to, for }: shapes of their own, not yet.
    leaves(def('action'), `actions.${name}`, own, [
      'args',
      'effects',
      'post',
      'reply_to',
      'like',
      'follow',
      'ties',
      'move',
    ]);
    for (const p of own) out.push(p.path.endsWith('.when') ? { ...p, node: WHEN, expression: 'action-when' } : p);
    for (const target of Object.keys(obj(action.effects))) {
      out.push({ path: `actions.${name}.effects.${target}`, node: { type: 'string' }, expression: 'effect' });
    }
    for (const arg of Object.keys(obj(action.args))) {
      const fields: StructurePath[] = [];
      leaves(def('actionArg'), `actions.${name}.args.${arg}`, fields, ['type']);
      // A bound is a number or an expression over the actor's state (`max: "me.received"`).
      for (const f of fields) out.push(/\.(min|max)$/.test(f.path) ? { ...f, expression: 'bound' } : f);
    }
  }
  return out;
}

/** Who plays with whom (`matching.design`, `.size`, `.within`, `.between`), when the scenario declares a matching. */
function matchingPaths(doc: Obj): StructurePath[] {
  const out: StructurePath[] = [];
  if (doc.matching && typeof doc.matching === 'object') leaves(def('matching'), 'matching', out);
  return out;
}

/** Every value of the rules a condition of `doc` (a scenario document, read tolerantly) may set. */
export function structurePaths(doc: unknown): StructurePath[] {
  const d = obj(doc);
  return [...feedPaths(d), ...phasePaths(d), ...actionPaths(d), ...matchingPaths(d)];
}

/** Whether a `set:` key names the rules (a feed, a phase, an action) rather than a setting or a quantity. */
export function isStructurePath(key: string): boolean {
  return (STRUCTURE_ROOTS as readonly string[]).includes(key.split('.')[0]);
}

/** The path `key` names in `doc`, or undefined. */
export function structurePath(key: string, doc: unknown): StructurePath | undefined {
  return structurePaths(doc).find((p) => p.path === key);
}

/** The names a list a condition sets must hold: a phase's `actions` the declared actions, its `reads` the feeds. */
export function listNames(key: string, doc: unknown): { what: string; names: string[] } | undefined {
  const [top, , field] = key.split('.');
  if (top !== 'round') return undefined;
  const d = obj(doc);
  if (field === 'actions') return { what: 'action', names: Object.keys(obj(d.actions)) };
  if (field === 'reads') return { what: 'feed', names: Object.keys(obj(d.feeds)) };
  return undefined;
}
