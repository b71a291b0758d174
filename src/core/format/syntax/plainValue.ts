// A YAML document's value as the schema sees it: mappings, lists and scalars only. The `yaml`
// package turns some tags into JavaScript objects JSON has no word for (!!binary a Buffer, !!set a
// Set, !!omap a Map, !!timestamp and YAML 1.1 dates a Date); ajv would read a Buffer's methods
// as mapping entries and a Set or Map as an empty mapping. Each such value becomes an inert
// marker naming what it is, which no schema type accepts: validation reports it once, as a wrong
// type, at the value.
import { isNode, type Document } from 'yaml';

/**
 * A frozen function whose text is its description. A function because every conversion the
 * tolerant checks make of raw values (String, Number, `${}`) accepts it, where a symbol throws,
 * and no JSON Schema type does (ajv's object is `typeof 'object'`).
 */
export type ForeignValue = () => string;
const markers = new WeakSet<ForeignValue>();

const FOREIGN: [new (...args: never[]) => object, string][] = [
  [Uint8Array, 'binary data (!!binary)'], // Buffer included
  [Set, 'a set (!!set)'],
  [Map, 'an ordered mapping (!!omap)'],
  [Date, 'a timestamp (!!timestamp)'],
];

/** The document's plain value; throws what `toJS` throws (alias limits). */
export function plainValue(doc: Document): unknown {
  return plain(doc.toJS({ maxAliasCount: 100 }));
}

/** The plain value of one node of `doc` (the ignored copy of a duplicated key); throws as `plainValue`. */
export function plainNodeValue(node: unknown, doc: Document): unknown {
  return isNode(node) ? plain(node.toJS(doc, { maxAliasCount: 100 })) : null;
}

/** A value that is no mapping, list or scalar, as `plainValue` marks it; `String(v)` says what it is. */
export function isForeign(v: unknown): v is ForeignValue {
  return typeof v === 'function' && markers.has(v as ForeignValue);
}

/** Replaces foreign values in place. Iterative: nesting as deep as the parser allows is fine. */
function plain(root: unknown): unknown {
  const top = foreign(root);
  if (top !== undefined) return top;
  // Aliases make `toJS` share objects: each is converted once.
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const marked = foreign(o[key]);
      // defineProperty: a key named __proto__ is an own property here, and must stay one.
      if (marked !== undefined) {
        Object.defineProperty(o, key, { value: marked, writable: true, enumerable: true, configurable: true });
      } else stack.push(o[key]);
    }
  }
  return root;
}

function foreign(v: unknown): ForeignValue | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const found = FOREIGN.find(([type]) => v instanceof type);
  if (!found) return undefined;
  const description = found[1];
  const marker = Object.freeze(Object.assign(() => description, { toString: () => description }));
  markers.add(marker);
  return marker;
}
