// What a value means beyond its schema type: which paths define or reference a persona id, name a
// model from the scenario's `models`, or hold an include glob. Completion, hover, navigation and
// rename all ask here, so the places ids live are listed once (semantic.ts checks the same ones).
import type { PathSegment } from './parse';
import type { DocumentKind } from './schema';

export type ValueRole = 'persona-id' | 'persona-ref' | 'model-ref' | 'include';

const num = (s: PathSegment | undefined): boolean => typeof s === 'number';

/** The path of the persona mapping a path is inside, and the rest of the path within it. */
export function personaScope(kind: DocumentKind | undefined, path: readonly PathSegment[]): { base: PathSegment[]; rest: PathSegment[] } | undefined {
  if (kind === 'persona') return { base: [], rest: [...path] };
  if (kind !== 'scenario') return undefined;
  if (path[0] === 'personas' && num(path[1])) return { base: path.slice(0, 2), rest: path.slice(2) };
  if (path[0] === 'events' && num(path[1]) && path[2] === 'add' && num(path[3])) return { base: path.slice(0, 4), rest: path.slice(4) };
  return undefined;
}

export function valueRole(kind: DocumentKind | undefined, path: readonly PathSegment[]): ValueRole | undefined {
  const persona = personaScope(kind, path);
  if (persona) {
    const r = persona.rest;
    if (r.length === 1 && r[0] === 'id') return 'persona-id';
    if (r.length === 3 && r[0] === 'relationships' && num(r[1]) && r[2] === 'with') return 'persona-ref';
    if (r.length === 1 && r[0] === 'model') return 'model-ref';
  }
  if (kind !== 'scenario') return undefined;
  if (path.length === 3 && path[0] === 'personas' && num(path[1]) && path[2] === 'include') return 'include';
  if (path.length === 4 && path[0] === 'events' && num(path[1]) && path[2] === 'remove' && num(path[3])) return 'persona-ref';
  if (path.length === 5 && path[0] === 'world' && path[1] === 'rooms' && num(path[2]) && path[3] === 'members' && num(path[4])) return 'persona-ref';
  if (path.length === 2 && path[0] === 'coaching' && path[1] === 'model') return 'model-ref';
  if (path.length === 3 && path[0] === 'population' && num(path[1]) && path[2] === 'model') return 'model-ref';
  return undefined;
}
