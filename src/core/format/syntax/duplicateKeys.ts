// A mapping key given more than once (SOC002). The document's value holds the last copy (yaml's
// toJS, which loading uses; JSON.parse agrees) and the earlier ones are ignored. Every copy is
// marked, each saying which one counts, and validate.ts checks the ignored copies against the
// schema as well: whichever copy the user keeps, its errors are on screen before the other goes
// (QA: errors in an ignored copy appeared only once the duplicate was removed). The checks beyond
// the schema (ids, references) read the document's value, that is the copy that counts. A key
// duplicated inside an ignored copy is marked too, but only its last copy is checked with it.
import { isMap, isScalar, isSeq, isPair, type Document, type Node, type Pair } from 'yaml';
import type { Diagnostic, RelatedInformation } from '../model/diagnostics';
import type { LineIndex } from './lines';
import type { DuplicateKey, ParsedDocument, PathSegment } from './parsed';
import { plainNodeValue } from './plainValue';

/** The keys given more than once in any mapping of the document (inside ignored copies too). */
export function duplicateKeys(doc: Document.Parsed): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  // Iterative: nesting as deep as the parser allows is fine.
  const stack: { node: unknown; path?: PathSegment[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: path && [...path, i] }));
    } else if (isMap(node)) {
      const byKey = new Map<string, Pair<Node, unknown>[]>();
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range || pair.key.range[1] <= pair.key.range[0]) continue;
        // As the value and nodeAtPath read keys: `1` and "1" are the same property.
        const key = String(pair.key.value);
        // Appended in place: a copy of the list per copy made 200,000 repeats of a key minutes of work.
        const copies = byKey.get(key);
        if (copies) copies.push(pair as Pair<Node, unknown>);
        else byKey.set(key, [pair as Pair<Node, unknown>]);
      }
      for (const [key, copies] of byKey) {
        if (copies.length > 1) out.push({ ...(path ? { path: [...path, key] } : {}), copies, map: node });
        copies.forEach((pair, i) =>
          stack.push({ node: pair.value, path: path && i === copies.length - 1 ? [...path, key] : undefined }),
        );
      }
    }
  }
  return out;
}

/** SOC002 on every copy of each duplicated key, naming the copies that are ignored and the one that counts. */
export function duplicateKeyDiagnostics(
  duplicates: readonly DuplicateKey[],
  file: string,
  lines: LineIndex,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { copies } of duplicates) {
    const ranges = copies.map((p) => lines.range(p.key.range![0], p.key.range![1]));
    const name = keyName(lines.text.slice(copies[0].key.range![0], copies[0].key.range![1]));
    const last = ranges.length - 1;
    const lineOf = (i: number): number => ranges[i].start.line;
    ranges.forEach((range, i) => {
      const related: RelatedInformation[] =
        i === last
          ? ranges.slice(0, last).map((r) => ({ file, range: r, message: 'ignored' }))
          : [{ file, range: ranges[last], message: 'this one counts' }];
      const message =
        i === last
          ? `Duplicate key ${name}: a key may appear only once in a mapping (the last one counts, so the ${ignoredPlaces(
              ranges.slice(0, last).map((r) => r.start.line),
              lineOf(last),
            )} ignored)`
          : `Duplicate key ${name}: this one is ignored, as the key is given again ${place(lineOf(last), lineOf(i), 'later')} (a key may appear only once in a mapping; the last one counts)`;
      out.push({ code: 'SOC002', severity: 'error', message, file, range, related });
    });
  }
  return out;
}

/** A path as a map key; a key `1` and a list index 1 alike, as a path may spell a numeric key either way. */
export function pathKey(path: readonly PathSegment[]): string {
  return JSON.stringify(path.map(String));
}

/** The document's value with ignored copies in place of the copies that count: which, and where. */
export interface CopyVariant {
  value: unknown;
  /** By `pathKey` of the key: the copy each path follows here (for Locator). */
  copies: Map<string, Pair>;
  paths: PathSegment[][];
}

/** Beyond this many variants (a key given that many times), the further copies are not checked. */
const MAX_VARIANTS = 16;

/**
 * Variants of the document's value that together hold every ignored copy a path reaches, as few as
 * can be: copies whose paths do not nest share one, so a document is validated once more for all
 * its duplicates, not once per copy (a key given three times needs two). `kind` is left out: it
 * decides which schema applies.
 */
export function ignoredCopyVariants(doc: ParsedDocument): CopyVariant[] {
  if (!doc.value || typeof doc.value !== 'object') return [];
  const variants: (CopyVariant & { values: unknown[] })[] = [];
  for (const { path, copies } of doc.duplicates) {
    if (!path || (path.length === 1 && path[0] === 'kind')) continue;
    for (const pair of copies.slice(0, -1)) {
      let value: unknown;
      try {
        value = plainNodeValue(pair.value, doc.yaml);
      } catch {
        continue;
      } // alias limits: yaml reports them
      let variant = variants.find((v) => v.paths.every((p) => !nested(p, path)));
      if (!variant) {
        if (variants.length >= MAX_VARIANTS) continue;
        variant = { value: undefined, copies: new Map(), paths: [], values: [] };
        variants.push(variant);
      }
      variant.paths.push(path);
      variant.values.push(value);
      variant.copies.set(pathKey(path), pair);
    }
  }
  return variants.map(({ copies, paths, values }) => ({ value: substitute(doc.value, paths, values), copies, paths }));
}

/** Whether one path is the other or inside it. */
function nested(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
}

/** `root` with `values[i]` at `paths[i]`, copying only the mappings and lists on the way (the value is shared). */
function substitute(root: unknown, paths: PathSegment[][], values: unknown[]): unknown {
  const copied = new Set<object>();
  const own = (o: object): Record<PathSegment, unknown> => {
    if (copied.has(o)) return o as Record<PathSegment, unknown>;
    const c = Array.isArray(o) ? [...o] : { ...o };
    copied.add(c);
    return c as Record<PathSegment, unknown>;
  };
  // defineProperty: a key named __proto__ is an own property here, and must stay one.
  const put = (o: object, key: PathSegment, v: unknown): void => {
    Object.defineProperty(o, key, { value: v, writable: true, enumerable: true, configurable: true });
  };
  const top = own(root as object);
  paths.forEach((path, i) => {
    let parent: Record<PathSegment, unknown> | undefined = top;
    for (const segment of path.slice(0, -1)) {
      const child: unknown = parent[segment];
      if (!child || typeof child !== 'object') {
        parent = undefined;
        break;
      }
      const c = own(child);
      put(parent, segment, c);
      parent = c;
    }
    if (parent) put(parent, path[path.length - 1], values[i]);
  });
  return top;
}

/** `'name'`, or a quoted key as written (`"a b"`). */
function keyName(raw: string): string {
  const short = raw.length > 40 ? `${raw.slice(0, 37)}...` : raw;
  return raw.startsWith('"') || raw.startsWith("'") ? short : `'${short}'`;
}

/** `on line 5`, or `later on this line` in a flow mapping (`{ a: 1, a: 2 }`). Lines are 0-based. */
function place(line: number, own: number, relation: 'earlier' | 'later'): string {
  return line === own ? `${relation} on this line` : `on line ${line + 1}`;
}

/** Lines an ignored-copies message names at most; the rest are counted (the related list has them all). */
const LINES_NAMED = 8;

/** `one on line 4 is`, `ones on lines 2 and 4 are`, `one earlier on this line is`, `… and 12 more`. */
function ignoredPlaces(lines: number[], own: number): string {
  const distinct = [...new Set(lines)];
  const more = distinct.length - LINES_NAMED;
  const named = more > 0 ? distinct.slice(0, LINES_NAMED) : distinct.slice(0, -1);
  const last = more > 0 ? `${more.toLocaleString('en')} more` : `${distinct[distinct.length - 1] + 1}`;
  const where =
    distinct.length === 1
      ? place(distinct[0], own, 'earlier')
      : `on lines ${named.map((l) => l + 1).join(', ')} and ${last}`;
  return lines.length === 1 ? `one ${where} is` : `ones ${where} are`;
}
