// The outline (document symbols) and folding ranges of a .society file, from its YAML AST.
import { isMap, isSeq, isScalar, isPair, type Node } from 'yaml';
import type { Position, Range } from '../model/model';
import type { ParsedFile } from '../syntax/parse';
import { pushAll } from '../../text/pushAll';

export type SymbolKind = 'scenario' | 'persona' | 'include' | 'event' | 'object' | 'array' | 'property';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole entry. */
  range: Range;
  /** What to reveal and highlight: the key, or the persona's id. */
  selectionRange: Range;
  children: DocumentSymbol[];
}

const MAX_DEPTH = 4;

export function documentSymbols(file: ParsedFile): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const doc of file.documents) {
    const contents = doc.yaml.contents as Node | null;
    if (!isMap(contents) || !contents.range) continue;
    const value = (doc.value ?? {}) as Record<string, unknown>;
    const range = spanRange(file, contents.range[0], contents.range[1]);
    const idNode = contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'id')?.value as
      Node | undefined;
    const selectionRange = idNode?.range
      ? within(range, spanRange(file, idNode.range[0], idNode.range[1]))
      : { start: range.start, end: range.start };
    const children = mappingChildren(file, contents, 1, doc.kind === 'scenario');
    if (doc.kind === 'persona') {
      out.push({
        name: str(value.name) ?? str(value.id) ?? 'persona',
        detail: str(value.id),
        kind: 'persona',
        range,
        selectionRange,
        children,
      });
    } else if (doc.kind === 'scenario') {
      out.push({
        name: str(value.name) ?? 'scenario',
        detail: 'scenario',
        kind: 'scenario',
        range,
        selectionRange,
        children,
      });
    } else {
      pushAll(out, children);
    }
  }
  return out;
}

function mappingChildren(file: ParsedFile, map: Node, depth: number, scenario: boolean): DocumentSymbol[] {
  if (!isMap(map)) return [];
  const out: DocumentSymbol[] = [];
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const value = pair.value as Node | null;
    const end = value?.range?.[1] ?? pair.key.range[1];
    const range = spanRange(file, pair.key.range[0], end);
    const selectionRange = within(range, spanRange(file, pair.key.range[0], pair.key.range[1]));
    if (isMap(value)) {
      out.push({
        name: key,
        kind: 'object',
        range,
        selectionRange,
        children: depth < MAX_DEPTH ? mappingChildren(file, value, depth + 1, false) : [],
      });
    } else if (isSeq(value)) {
      const items =
        depth < MAX_DEPTH
          ? value.items
              .map((item, i) =>
                itemSymbol(file, item as Node | null, i, depth + 1, scenario && depth === 1 ? key : undefined),
              )
              .filter((s): s is DocumentSymbol => !!s)
          : [];
      out.push({
        name: key,
        detail: `${value.items.length} item${value.items.length === 1 ? '' : 's'}`,
        kind: 'array',
        range,
        selectionRange,
        children: items,
      });
    } else {
      const detail = isScalar(value) && value.value !== null ? String(value.value).slice(0, 60) : undefined;
      out.push({
        name: key,
        ...(detail !== undefined ? { detail } : {}),
        kind: 'property',
        range,
        selectionRange,
        children: [],
      });
    }
  }
  return out;
}

/** A sequence item, named by what identifies it (`id`, `name`, `include`, `with`, `at`, `text`). */
function itemSymbol(
  file: ParsedFile,
  item: Node | null,
  index: number,
  depth: number,
  scenarioList?: string,
): DocumentSymbol | undefined {
  if (!item?.range) return undefined;
  const range = spanRange(file, item.range[0], item.range[1]);
  if (!isMap(item)) {
    const text = isScalar(item) ? String(item.value) : `[${index + 1}]`;
    return { name: text.slice(0, 60), kind: 'property', range, selectionRange: range, children: [] };
  }
  const get = (k: string): Node | undefined =>
    item.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === k)?.value as Node | undefined;
  const scalar = (k: string): string | undefined => {
    const n = get(k);
    return isScalar(n) && n.value !== null ? String(n.value) : undefined;
  };
  const sel = (k: string): Range => {
    const n = get(k);
    return n?.range ? within(range, spanRange(file, n.range[0], n.range[1])) : range;
  };
  if (scenarioList === 'personas' && scalar('include') !== undefined) {
    return {
      name: `include ${scalar('include')}`,
      kind: 'include',
      range,
      selectionRange: sel('include'),
      children: [],
    };
  }
  const children = mappingChildren(file, item, depth, false);
  if (scenarioList === 'personas' || scalar('id') !== undefined) {
    return {
      name: scalar('name') ?? scalar('id') ?? `[${index + 1}]`,
      detail: scalar('id'),
      kind: 'persona',
      range,
      selectionRange: sel('id'),
      children,
    };
  }
  if (scenarioList === 'events') {
    return {
      name: `round ${scalar('at') ?? '?'}`,
      detail: ['broadcast', 'add', 'remove', 'set'].find((k) => get(k) !== undefined),
      kind: 'event',
      range,
      selectionRange: sel('at'),
      children,
    };
  }
  const label = ['name', 'group', 'with', 'text'].map(scalar).find((s) => s !== undefined);
  return { name: (label ?? `[${index + 1}]`).slice(0, 60), kind: 'object', range, selectionRange: range, children };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A node's range without the trailing newlines and comments block nodes carry. */
function spanRange(file: ParsedFile, start: number, end: number): Range {
  let e = end;
  const t = file.text;
  while (e > start && /\s/.test(t[e - 1])) e--;
  return file.lines.range(start, e);
}

/**
 * `selection` clamped into `range`: VS Code rejects the whole outline if one symbol's selection
 * sticks out (a broken value, say an over-indented key read as part of it, can end past its entry).
 */
function within(range: Range, selection: Range): Range {
  const before = (a: Position, b: Position): boolean =>
    a.line < b.line || (a.line === b.line && a.character < b.character);
  const clamp = (p: Position): Position =>
    before(p, range.start) ? range.start : before(range.end, p) ? range.end : p;
  return { start: clamp(selection.start), end: clamp(selection.end) };
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** Folds: multi-line mappings, lists and block text under their key, list items, documents, comment blocks, `# region`s. */
export function foldingRanges(file: ParsedFile): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRange['kind']): void => {
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const lineOf = (offset: number): number => file.lines.positionAt(offset).line;
  const endLineOf = (start: number, end: number): number => spanRange(file, start, end).end.line;
  const visit = (node: Node | null): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (key?.range && value?.range) add(lineOf(key.range[0]), endLineOf(key.range[0], value.range[1]));
        visit(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items as (Node | null)[]) {
        if (item?.range && isMap(item)) add(lineOf(item.range[0]), endLineOf(item.range[0], item.range[1]));
        visit(item);
      }
    }
  };
  if (file.documents.length > 1) {
    for (const doc of file.documents) add(doc.range.start.line, endLineOf(doc.yaml.range[0], doc.yaml.range[1]));
  }
  for (const doc of file.documents) visit(doc.yaml.contents as Node | null);

  // Comment blocks and regions, from the text.
  const regions: number[] = [];
  let commentStart = -1;
  for (let l = 0; l <= file.lines.lineCount; l++) {
    const text = l < file.lines.lineCount ? file.lines.lineText(l).trim() : '';
    if (/^#\s*region\b/.test(text)) regions.push(l);
    else if (/^#\s*endregion\b/.test(text) && regions.length) add(regions.pop()!, l, 'region');
    const isComment = text.startsWith('#') && !/^#\s*(end)?region\b/.test(text);
    if (isComment && commentStart < 0) commentStart = l;
    if (!isComment && commentStart >= 0) {
      add(commentStart, l - 1, 'comment');
      commentStart = -1;
    }
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
