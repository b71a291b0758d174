// The fields of each edit kind and the JSON type each takes, for edits read from a file
// (`society fork --edits FILE`, a branch's record): an edit is checked against its kind's row
// before anything reads it, so a number where text belongs is an error naming the edit and the
// field, never a crash (`text.trim is not a function`) nor a bio of "[object Object]".
import type { WorldEditKind } from '../trace/edits';

/** A field's JSON type; `?` when it may be left out. `any` is a setting's value (YAML-like). */
type FieldType = 'string' | 'number' | 'string?' | 'any';

export const EDIT_FIELDS = {
  remember: { agent: 'string', text: 'string', importance: 'number' },
  forget: { agent: 'string', memory: 'number' },
  quantity: { agent: 'string?', quantity: 'string', value: 'number' },
  trait: { agent: 'string', trait: 'string', value: 'number' },
  persona: { agent: 'string', field: 'string', value: 'string' },
  tie: { from: 'string', to: 'string', strength: 'number' },
  setting: { path: 'string', value: 'any' },
  broadcast: { text: 'string' },
} as const satisfies Record<WorldEditKind, Record<string, FieldType>>;

const jsonType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

/** What is wrong with the fields of an edit of `kind` (its `edit` field already known), if anything. */
export function editShapeProblem(kind: WorldEditKind, e: Record<string, unknown>): string | undefined {
  const fields: Readonly<Record<string, FieldType>> = EDIT_FIELDS[kind];
  for (const [name, type] of Object.entries(fields)) {
    const v = e[name];
    if (type === 'any') {
      if (v === undefined) return `"${name}" is missing`;
      continue;
    }
    if (v === undefined && type.endsWith('?')) continue;
    const want = type.replace('?', '');
    if (v === undefined) return `"${name}" is missing (${want === 'number' ? 'a number' : 'text'})`;
    if (typeof v !== want || (want === 'number' && !Number.isFinite(v))) {
      return `"${name}" must be ${want === 'number' ? 'a number' : 'text'}, not ${jsonType(v)}`;
    }
  }
  const extra = Object.keys(e).find((k) => k !== 'edit' && !Object.hasOwn(fields, k));
  return extra === undefined
    ? undefined
    : `"${extra}" is not a field of a ${kind} edit (${Object.keys(fields).join(', ')})`;
}
