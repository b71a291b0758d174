// The nodes of a parsed document at a path of keys and indexes, their offsets, and an ajv error's
// instance path read as such a path.
import { isMap, isSeq, isPair, isScalar, type Document, type Node, type Pair } from 'yaml';
import { pathKey } from './duplicateKeys';
import type { PathSegment } from './parsed';

/** The nodes at a path: the value node and, for a mapping entry, its key node. */
export interface NodeAtPath {
  value?: Node | null;
  key?: Node | null;
  pair?: Pair<unknown, unknown>;
}

/**
 * `copies`: for duplicated keys, by the path of the key (`pathKey`), the copy to follow rather than
 * the last one (the ignored copies validate.ts checks).
 */
export function nodeAtPath(
  doc: Document.Parsed,
  path: readonly PathSegment[],
  copies?: ReadonlyMap<string, Pair>,
): NodeAtPath | undefined {
  let current: NodeAtPath = { value: doc.contents as Node | null };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const node = current.value;
    if (isMap(node)) {
      // The last of duplicate keys: the one the document's value holds.
      const pair =
        (copies?.size ? copies.get(pathKey(path.slice(0, i + 1))) : undefined) ?? lastPair(node.items, segment);
      if (!pair) return undefined;
      current = { value: pair.value as Node | null, key: pair.key as Node, pair: pair as Pair<unknown, unknown> };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return undefined;
      current = { value: item as Node | null };
    } else {
      return undefined;
    }
  }
  return current;
}

export function lastPair(items: readonly unknown[], key: PathSegment): Pair | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const p = items[i];
    if (isPair(p) && isScalar(p.key) && String(p.key.value) === String(key)) return p;
  }
  return undefined;
}

/** Offsets of a node: [start, end of value]. */
export function nodeSpan(node: Node | null | undefined): [number, number] | undefined {
  if (!node || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}

/** Decodes an ajv instancePath (JSON pointer) into path segments; numeric segments become numbers. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9]\d*)$/.test(s) ? Number(s) : s;
    });
}
