// The document around the cursor as far as completion needs it: the keys already written in the
// mapping being edited, set into a partial value at the cursor's path (schemasAt reads it to pick
// a oneOf branch).
import type { LineIndex } from '../syntax/lines';
import type { PathSegment } from '../syntax/parse';
import { nameRecord } from '../../text/nameRecord';
import { Shape, shapeOf } from './cursorLine';

/** Keys at `column` of the mapping containing `line` (scanning up and down to its edges). */
export function mappingKeys(
  lines: LineIndex,
  line: number,
  column: number,
  docStart: number,
  docEnd: number,
  startsItem: boolean,
): string[] {
  const keys: string[] = [];
  const take = (s: Shape): void => {
    if (s.key !== undefined && s.contentCol === column) keys.push(s.key);
  };
  if (!startsItem) {
    for (let l = line - 1; l >= docStart; l--) {
      const s = shapeOf(lines.lineText(l));
      if (s.blank) continue;
      if (s.dashes.length && s.contentCol === column) {
        take(s);
        break;
      } // the item's first line
      const start = s.dashes[0] ?? s.contentCol;
      if (start > column || (start === column && s.dashes.length)) continue; // deeper content
      if (start < column) break; // the owner
      take(s);
    }
  }
  for (let l = line + 1; l < docEnd; l++) {
    const s = shapeOf(lines.lineText(l));
    if (s.blank) continue;
    const start = s.dashes[0] ?? s.contentCol;
    if (start > column || (start === column && s.dashes.length)) continue;
    if (start < column) break;
    take(s);
  }
  return keys;
}

/** Nested objects and arrays along `path`, with item keys and the last mapping's keys marked present. */
export function buildPartial(path: PathSegment[], itemKeys: Map<number, string>): Record<string, unknown> {
  const root: Record<string, unknown> = nameRecord();
  let node: Record<string | number, unknown> = root;
  path.forEach((seg, i) => {
    const nextIsIndex = typeof path[i + 1] === 'number';
    const child: Record<string | number, unknown> = nextIsIndex ? ([] as unknown as Record<number, unknown>) : {};
    const key = itemKeys.get(i);
    if (key !== undefined) child[key] = true;
    node[seg] = child;
    node = child;
  });
  return root;
}

export function markFlowKeys(
  partial: Record<string, unknown>,
  path: PathSegment[],
  keys: string[],
): Record<string, unknown> {
  setKeys(partial, path, keys);
  return partial;
}

export function setKeys(partial: Record<string, unknown>, path: PathSegment[], keys: string[]): void {
  let node = partial as Record<string | number, unknown>;
  for (const seg of path) node = node[seg] as Record<string | number, unknown>;
  if (node && typeof node === 'object' && !Array.isArray(node)) for (const k of keys) if (!(k in node)) node[k] = true;
}
