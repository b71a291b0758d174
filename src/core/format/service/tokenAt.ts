// The key or scalar value under an offset in a parsed document, with its path: what hover,
// go-to-definition, references and rename act on. Uses the YAML AST (ranges are absolute offsets,
// also for chunk-parsed documents), so it answers for well-formed text; completion, which must
// cope with half-typed text, reads the cursor from the text instead (cursor.ts).
import { isMap, isSeq, isScalar, isPair, type Node } from 'yaml';
import type { ParsedFile, ParsedDocument, PathSegment } from '../syntax/parse';
import type { Range } from '../model/model';

export interface Token {
  doc: ParsedDocument;
  path: PathSegment[];
  role: 'key' | 'value';
  /** The scalar's value (the key's name for a key). */
  value: unknown;
  /** Offsets of the scalar, quotes included. */
  span: [number, number];
  range: Range;
}

export function documentAt(file: ParsedFile, offset: number): ParsedDocument | undefined {
  const docs = file.documents;
  for (let i = docs.length - 1; i >= 0; i--) if (docs[i].yaml.range[0] <= offset) return docs[i];
  return docs[0];
}

export function tokenAt(file: ParsedFile, offset: number): Token | undefined {
  const doc = documentAt(file, offset);
  if (!doc) return undefined;
  const found = find(doc.yaml.contents as Node | null, offset, []);
  if (!found) return undefined;
  return { doc, ...found, range: file.lines.range(found.span[0], found.span[1]) };
}

const contains = (node: Node | null | undefined, offset: number): boolean =>
  !!node?.range && node.range[0] <= offset && offset <= node.range[1];

function find(node: Node | null, offset: number, path: PathSegment[]): Omit<Token, 'doc' | 'range'> | undefined {
  if (!node) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      if (isScalar(key) && contains(key, offset) && key.range) {
        return {
          path: [...path, String(key.value)],
          role: 'key',
          value: key.value,
          span: [key.range[0], key.range[1]],
        };
      }
      const value = pair.value as Node | null;
      if (isScalar(key) && contains(value, offset)) return find(value, offset, [...path, String(key.value)]);
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (contains(item, offset)) return find(item, offset, [...path, i]);
    }
    return undefined;
  }
  if (isScalar(node) && node.range) {
    return { path, role: 'value', value: node.value, span: [node.range[0], node.range[1]] };
  }
  return undefined;
}
