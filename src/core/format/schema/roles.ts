// What a value means beyond its schema type: which paths define or reference a persona id, name a
// model from the scenario's `models`, or hold an include glob. Completion, hover, navigation and
// rename all ask here, so the places ids live are listed once (the checks, checks/table.ts, check the same ones).
import type { PathSegment } from '../syntax/parse';
import type { DocumentKind } from './schema';

export type ValueRole = 'persona-id' | 'persona-ref' | 'model-ref' | 'include';

const num = (s: PathSegment | undefined): boolean => typeof s === 'number';

/** A path pattern: a key, or `N` for any list index. */
const N = 0 as const;
/** Any key of a mapping (a knowledge item's id). */
const K = Symbol('any key');
type Pattern = readonly (string | typeof N | typeof K)[];

/** Within a persona mapping (a persona file, an inline persona, a persona an event adds). */
const IN_PERSONA: readonly [Pattern, ValueRole][] = [
  [['id'], 'persona-id'],
  [['relationships', N, 'with'], 'persona-ref'],
  [['model'], 'model-ref'],
];
const PERSONA_BASES: readonly Pattern[] = [
  ['personas', N],
  ['events', N, 'add', N],
];

const ROLES: Record<'persona' | 'scenario', readonly [Pattern, ValueRole][]> = {
  persona: IN_PERSONA,
  scenario: [
    ...PERSONA_BASES.flatMap((base) => IN_PERSONA.map(([p, role]): [Pattern, ValueRole] => [[...base, ...p], role])),
    [['personas', N, 'include'], 'include'],
    [['events', N, 'remove', N], 'persona-ref'],
    [['events', N, 'post', 'author'], 'persona-ref'],
    [['knowledge', K, 'source'], 'persona-ref'],
    [['knowledge', K, 'known_by', N], 'persona-ref'],
    [['surveys', N, 'to', N], 'persona-ref'],
    [['world', 'rooms', N, 'members', N], 'persona-ref'],
    [['coaching', 'model'], 'model-ref'],
    [['population', N, 'model'], 'model-ref'],
    [['judges', N, 'by', N], 'model-ref'],
  ],
};

/** Whether the first `count` segments of `path` match those of `pattern`. */
function sameStart(path: readonly PathSegment[], pattern: Pattern, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const p = pattern[i];
    if (p === K ? typeof path[i] !== 'string' : p === N ? !num(path[i]) : path[i] !== p) return false;
  }
  return true;
}

/** Whether `path` is `pattern` or leads into it (a prefix of it). */
const leadsInto = (path: readonly PathSegment[], pattern: Pattern): boolean =>
  path.length <= pattern.length && sameStart(path, pattern, path.length);

/** The path of the persona mapping a path is inside, and the rest of the path within it. */
export function personaScope(
  kind: DocumentKind | undefined,
  path: readonly PathSegment[],
): { base: PathSegment[]; rest: PathSegment[] } | undefined {
  if (kind === 'persona') return { base: [], rest: [...path] };
  if (kind !== 'scenario') return undefined;
  for (const base of PERSONA_BASES) {
    if (path.length >= base.length && sameStart(path, base, base.length)) {
      return { base: path.slice(0, base.length), rest: path.slice(base.length) };
    }
  }
  return undefined;
}

export function valueRole(kind: DocumentKind | undefined, path: readonly PathSegment[]): ValueRole | undefined {
  if (kind !== 'persona' && kind !== 'scenario') return undefined;
  for (const [pattern, role] of ROLES[kind]) {
    if (path.length === pattern.length && leadsInto(path, pattern)) return role;
  }
  return undefined;
}

/**
 * Whether some value below `path` (or at it) can have one of `roles`: a walk looking for persona
 * ids skips a persona's traits, interests and memories, most of a large scenario's text.
 */
export function mayLeadTo(
  kind: DocumentKind | undefined,
  path: readonly PathSegment[],
  roles: readonly ValueRole[],
): boolean {
  if (kind !== 'persona' && kind !== 'scenario') return false;
  for (const pattern of patternsOf(kind, roles)) if (leadsInto(path, pattern)) return true;
  return false;
}

/** The patterns of some roles, by the (constant) roles array asked for: walks ask per node. */
const patternCache = new WeakMap<readonly ValueRole[], Record<'persona' | 'scenario', Pattern[]>>();
function patternsOf(kind: 'persona' | 'scenario', roles: readonly ValueRole[]): Pattern[] {
  let byKind = patternCache.get(roles);
  if (!byKind) {
    const of = (k: 'persona' | 'scenario'): Pattern[] =>
      ROLES[k].filter(([, role]) => roles.includes(role)).map(([p]) => p);
    byKind = { persona: of('persona'), scenario: of('scenario') };
    patternCache.set(roles, byKind);
  }
  return byKind[kind];
}
