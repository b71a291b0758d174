// A path inside a document as messages name it. A researcher thinks of `maya`, not of the second
// item of `personas`: an item of a list whose items carry a name (personas by id, population groups,
// rooms, experiment conditions) is called by it, `'traits.openness' of persona 'maya'`. An item
// without a usable name, or sharing it with another item of its list, keeps its position
// (`'personas[1].traits.openness'`, `persona 'maya' (personas[3])`), as YAML and JSON tools write
// paths (kubectl, yq, jq): list indexes from 0.
import type { PathSegment } from './parse';

/**
 * A list whose items have a name: where it is, what an item is called, which key names it, and
 * for a list that is not the only one of its kind, which one it is (`added at round 3`).
 */
interface NamedList {
  at: readonly (string | null)[];
  noun: string;
  key: string;
  which?(listPath: readonly PathSegment[], docValue: unknown): string;
}

/** `null`: any list index. */
const NAMED_LISTS: readonly NamedList[] = [
  { at: ['personas'], noun: 'persona', key: 'id' },
  {
    at: ['events', null, 'add'],
    noun: 'persona',
    key: 'id',
    which: (listPath, docValue) => {
      const round = valueAt(docValue, [...listPath.slice(0, -1), 'at']);
      return Number.isInteger(round) ? `added at round ${round}` : `in ${quoted(listPath)}`;
    },
  },
  { at: ['population'], noun: 'population group', key: 'group' },
  { at: ['world', 'rooms'], noun: 'room', key: 'name' },
  { at: ['experiment', 'conditions'], noun: 'condition', key: 'name' },
];

/** Longer names are not worth quoting in a message: the position says it better. */
const MAX_NAME = 40;

/** `'population[0].count'` as written, or `'count' of population group 'owls'`; 'The document' for the root. */
export function pathLabel(path: readonly PathSegment[], docValue: unknown): string {
  if (path.length === 0) return 'The document';
  const item = namedItem(path, docValue);
  if (!item) return quoted(path);
  const rest = path.slice(item.length);
  return rest.length ? `${quoted(rest)} of ${item.name}` : item.name;
}

/** Whether `pathLabel` names the item at the end of `path` itself (`persona 'maya'`), noun included. */
export function namesItem(path: readonly PathSegment[], docValue: unknown): boolean {
  return namedItem(path, docValue)?.length === path.length;
}

/**
 * The named list item `path` starts in: how long its path is, and its name (`persona 'maya'`).
 * Not for the naming key itself (an error in `id` must not quote the id as the persona's name).
 */
function namedItem(path: readonly PathSegment[], docValue: unknown): { length: number; name: string } | undefined {
  for (const list of NAMED_LISTS) {
    const n = list.at.length;
    if (path.length <= n || typeof path[n] !== 'number') continue;
    if (!list.at.every((s, i) => (s === null ? typeof path[i] === 'number' : path[i] === s))) continue;
    if (path[n + 1] === list.key) return undefined;
    const items = valueAt(docValue, path.slice(0, n));
    if (!Array.isArray(items)) return undefined;
    const index = path[n] as number;
    const name = nameOf(items[index], list.key);
    if (name === undefined) return undefined;
    const shared = items.some((other, i) => i !== index && nameOf(other, list.key) === name);
    const which = [list.which?.(path.slice(0, n), docValue), shared ? plain(path.slice(0, n + 1)) : undefined]
      .filter(Boolean)
      .join(', ');
    return { length: n + 1, name: `${list.noun} '${name}'${which ? ` (${which})` : ''}` };
  }
  return undefined;
}

function nameOf(item: unknown, key: string): string | undefined {
  const name =
    item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)[key] : undefined;
  return typeof name === 'string' && name.trim() !== '' && name.length <= MAX_NAME && !name.includes("'")
    ? name
    : undefined;
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let v = value;
  for (const s of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

function quoted(path: readonly PathSegment[]): string {
  return `'${plain(path)}'`;
}

function plain(path: readonly PathSegment[]): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : s))
    .join('.')
    .replace(/\.\[/g, '[');
}
