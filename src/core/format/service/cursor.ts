// Where the cursor is, in schema terms: the path of the mapping a key is being typed into, or of
// the value being typed. Read from the text's indentation and brackets rather than the YAML AST,
// because while typing the document is usually incomplete (`  occ`, `with: `, `{ openness: 0.8, ex`)
// and a parser would see an error, not the key the user is about to write.
import type { Position, Range } from '../model/model';
import type { LineIndex } from '../syntax/lines';
import type { PathSegment } from '../syntax/parse';
import { DOCUMENT_KINDS, type DocumentKind } from '../schema/schema';
import { lineKey } from '../syntax/lineKey';
import { unquote, textBetween, inComment, flowDepth, insideBlockScalar, scanFlow } from './cursorText';
import { Shape, shapeOf } from './cursorLine';
import { mappingKeys, buildPartial, markFlowKeys, setKeys } from './cursorPartial';

export interface CursorContext {
  /** Index of the YAML document (`---` separated) the cursor is in. */
  docIndex: number;
  /** The document's `kind`, when written. */
  kind?: DocumentKind;
  /** `key`: a key of the mapping at `path` is being typed; `value`: the value at `path`. */
  role: 'key' | 'value';
  path: PathSegment[];
  /** What has been typed of the key or value so far. */
  prefix: string;
  /** The span a completion replaces: the prefix and the rest of the word after the cursor. */
  replace: Range;
  /** Inside `{…}` or `[…]`: completions insert single-line text. */
  flow: boolean;
  /** Keys already present in the mapping (role `key`), so they are not offered again. */
  existingKeys: string[];
  /** Column where keys of the mapping start; multi-line insertions indent from here. */
  column: number;
  /**
   * A skeleton of the document along `path` (first key of each sequence item, the mapping's
   * existing keys), enough for the schema to pick an if/then/else branch (include vs inline persona).
   */
  partial: Record<string, unknown>;
}

/** Indentation of a line, without slicing it; -1 for a blank or comment-only line. */
function indentOf(lines: LineIndex, line: number): number {
  const text = lines.text;
  const start = lines.offsetAt({ line, character: 0 });
  let i = start;
  while (text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return i >= text.length || c === 10 || c === 13 || c === 35 /* # */ ? -1 : i - start;
}

/** Context at a position, or undefined in a comment, a document marker or a block scalar's text. */
export function cursorContext(lines: LineIndex, pos: Position): CursorContext | undefined {
  const { docIndex, docStart, docEnd } = documentAround(lines, pos.line);
  const lineText = lines.lineText(pos.line);
  if (/^(---|\.\.\.)(\s|$)/.test(lineText)) return undefined;
  const character = Math.min(pos.character, lineText.length);

  const ownIndent = lineText.trim() === '' ? character : lineText.length - lineText.trimStart().length;
  const startLine = flowStartLine(lines, pos.line, docStart, ownIndent);
  const before =
    startLine === pos.line
      ? lineText.slice(0, character)
      : `${textBetween(lines, startLine, pos.line)}\n${lineText.slice(0, character)}`;
  if (inComment(before)) return undefined;
  if (insideBlockScalar(lines, pos.line, docStart, ownIndent)) return undefined;

  const shape = shapeOf(startLine === pos.line ? before : lines.lineText(startLine));
  // A blank line: the cursor's column says which mapping the new key belongs to.
  const column = before.trim() === '' ? character : shape.contentCol;
  const climb = climbFrom(lines, startLine, column, shape.dashes, docStart);
  const path = climb.path;
  const kind = documentKind(lines, docStart, docEnd);

  const afterMarkers = before.slice(/^ *(?:-[ \t]+)*/.exec(before)?.[0].length ?? 0);
  const wordEnd = character + (/^[\w./*-]*/.exec(lineText.slice(character))?.[0].length ?? 0);
  const partial = buildPartial(path, climb.itemKeys);
  const entry: Entry = {
    lines,
    docIndex,
    docStart,
    docEnd,
    kind,
    startLine,
    column,
    startsItem: shape.dashes.length > 0,
    path,
    partial,
    line: pos.line,
    character,
    wordEnd,
  };
  return entryContext(entry, afterMarkers);
}

/**
 * The line the cursor's entry starts on: the cursor's own, or an earlier one where a flow collection
 * was opened and is still open (`names: [Amira, Ben,⏎    Mia]`).
 */
function flowStartLine(lines: LineIndex, line: number, docStart: number, ownIndent: number): number {
  for (let l = line - 1; l >= docStart && l >= line - 200; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '' || t.trimStart().startsWith('#')) continue;
    if (t.length - t.trimStart().length < ownIndent) {
      if (flowDepth(textBetween(lines, l, line)) > 0) return l;
      break;
    }
  }
  return line;
}

/** Where the entry at the cursor sits in the document, found before reading what is typed in it. */
interface Entry {
  lines: LineIndex;
  docIndex: number;
  docStart: number;
  docEnd: number;
  kind?: DocumentKind;
  /** The line the entry starts on (earlier than the cursor's in a flow collection spanning lines). */
  startLine: number;
  column: number;
  /** The entry's line starts with `- ` markers. */
  startsItem: boolean;
  /** Path of the mapping the entry belongs to. */
  path: PathSegment[];
  partial: Record<string, unknown>;
  /** The cursor's line and character, and where the word under it ends. */
  line: number;
  character: number;
  wordEnd: number;
}

/** The span a completion for `prefix` replaces: the prefix and the rest of the word. */
function replaceSpan(e: Entry, prefix: string): Range {
  return {
    start: { line: e.line, character: e.character - prefix.length },
    end: { line: e.line, character: e.wordEnd },
  };
}

function existingKeys(e: Entry): string[] {
  return mappingKeys(e.lines, e.startLine, e.column, e.docStart, e.docEnd, e.startsItem);
}

/** What is being typed after the line's `- ` markers: a key, a value, or a key or value in a flow collection. */
function entryContext(e: Entry, afterMarkers: string): CursorContext {
  const { docIndex, kind, column, path, partial } = e;
  const keyMatch = lineKey(afterMarkers);
  const itemFlow = !keyMatch && /^[{[]/.test(afterMarkers) ? scanFlow(afterMarkers) : undefined;
  if (itemFlow) {
    // `- { with: ma` or `- [a, b`: flow collection as a sequence item.
    const prefix = itemFlow.token.replace(/^["']/, '');
    return {
      docIndex,
      kind,
      role: itemFlow.role,
      path: [...path, ...itemFlow.path],
      prefix,
      flow: true,
      existingKeys: itemFlow.keys,
      column,
      partial: markFlowKeys(partial, path, itemFlow.keys),
      replace: replaceSpan(e, prefix),
    };
  }
  if (!keyMatch) {
    // No `key:` yet: a key of the mapping at `path`, or a plain item of a sequence (decided by the schema).
    const prefix = afterMarkers.trimStart();
    const keys = existingKeys(e);
    setKeys(partial, path, keys);
    return {
      docIndex,
      kind,
      role: 'key',
      path,
      prefix,
      flow: false,
      existingKeys: keys,
      column,
      partial,
      replace: replaceSpan(e, prefix),
    };
  }
  const key = unquote(keyMatch.raw);
  const valueText = afterMarkers.slice(keyMatch.length);
  const flow = scanFlow(valueText);
  const keys = existingKeys(e);
  setKeys(partial, path, keys);
  if (!flow) {
    const prefix = valueText.trimStart().replace(/^["']/, '');
    return {
      docIndex,
      kind,
      role: 'value',
      path: [...path, key],
      prefix,
      flow: false,
      existingKeys: [],
      column,
      partial,
      replace: replaceSpan(e, prefix),
    };
  }
  const fullPath = [...path, key, ...flow.path];
  const prefix = flow.token.replace(/^["']/, '');
  return {
    docIndex,
    kind,
    role: flow.role,
    path: fullPath,
    prefix,
    flow: true,
    existingKeys: flow.keys,
    column,
    partial,
    replace: replaceSpan(e, prefix),
  };
}

/** The `---`-separated document around a line: its index and line span. */
function documentAround(lines: LineIndex, line: number): { docIndex: number; docStart: number; docEnd: number } {
  let docIndex = 0,
    docStart = 0,
    seenContent = false;
  const text = lines.text;
  for (let l = 0; l < line; l++) {
    const first = text.charCodeAt(lines.offsetAt({ line: l, character: 0 }));
    if (seenContent && first !== 45 /* - */) continue; // only `---` matters once content started
    const t = lines.lineText(l);
    if (/^---(\s|$)/.test(t)) {
      if (seenContent) docIndex++;
      seenContent = true; // a leading `---` opens document 0
      docStart = l + 1;
    } else if (!seenContent && t.trim() !== '' && !t.trimStart().startsWith('#') && !t.startsWith('%')) {
      seenContent = true;
    }
  }
  let docEnd = lines.lineCount;
  for (let l = line + 1; l < lines.lineCount; l++) {
    const first = text.charCodeAt(lines.offsetAt({ line: l, character: 0 }));
    if ((first === 45 || first === 46) && /^(---|\.\.\.)(\s|$)/.test(lines.lineText(l))) {
      docEnd = l;
      break;
    }
  }
  return { docIndex, docStart, docEnd };
}

function documentKind(lines: LineIndex, from: number, to: number): DocumentKind | undefined {
  for (let l = from; l < to; l++) {
    if (lines.text.charCodeAt(lines.offsetAt({ line: l, character: 0 })) !== 107 /* k */) continue;
    const m = /^kind:\s*["']?([A-Za-z]+)/.exec(lines.lineText(l));
    if (m) return (DOCUMENT_KINDS as readonly string[]).includes(m[1]) ? (m[1] as DocumentKind) : undefined;
  }
  return undefined;
}

interface Climb {
  path: PathSegment[];
  /** For each sequence index in `path` (by its position): the first key written on the item's line. */
  itemKeys: Map<number, string>;
}

/**
 * The path of the mapping whose keys start at `column`, for an entry on `line` preceded by `dashes`
 * (`- ` markers on the same line). Walks up the indentation: siblings, earlier sequence items
 * (counted for the index) and owners (`key:` lines), to the document's root.
 */
function climbFrom(lines: LineIndex, line: number, column: number, dashes: number[], docStart: number): Climb {
  const reversed: { seg: PathSegment; itemKey?: string }[] = [];
  let L = line;
  let C = column;
  let markers = [...dashes];
  let itemKey = markers.length
    ? (shapeOf(lines.lineText(line)).key ?? shapeOf(lines.lineText(line)).flowKey)
    : undefined;
  for (let guard = 0; guard < 256; guard++) {
    if (markers.length) {
      // The entry at C is (the start of) an item of the sequence whose markers sit at column d.
      const d = markers.pop()!;
      if (markers.length) {
        reversed.push({ seg: 0, itemKey });
        itemKey = undefined;
        C = d;
        continue;
      } // `- - x`
      let index = 0;
      let owner: { line: number; shape: Shape } | undefined;
      for (let l = L - 1; l >= docStart; l--) {
        const indent = indentOf(lines, l);
        if (indent < 0 || indent > d) continue; // blank, comment, or inside an item
        const s = shapeOf(lines.lineText(l));
        if (s.dashes[0] === d) {
          index++;
          continue;
        }
        owner = { line: l, shape: s };
        break;
      }
      reversed.push({ seg: index, itemKey });
      if (!owner?.shape.key) break;
      reversed.push({ seg: owner.shape.key });
      L = owner.line;
      C = owner.shape.contentCol;
      markers = [...owner.shape.dashes];
      itemKey = markers.length ? owner.shape.key : undefined;
      continue;
    }
    // The entry at C is a key of a mapping: find the mapping's owner above.
    let next: { line: number; shape: Shape } | undefined;
    for (let l = L - 1; l >= docStart; l--) {
      const indent = indentOf(lines, l);
      if (indent < 0 || indent >= C) continue; // blank, comment, a sibling, or deeper content
      next = { line: l, shape: shapeOf(lines.lineText(l)) };
      break;
    }
    if (!next) break;
    const s = next.shape;
    if (s.dashes.length && s.contentCol === C) {
      // `- first: …` then our key below: the mapping is that sequence item.
      L = next.line;
      markers = [...s.dashes];
      itemKey = s.key ?? s.flowKey;
      continue;
    }
    if (s.key === undefined || s.contentCol >= C) break;
    reversed.push({ seg: s.key });
    L = next.line;
    C = s.contentCol;
    markers = [...s.dashes];
    itemKey = markers.length ? s.key : undefined;
  }
  reversed.reverse();
  const itemKeys = new Map<number, string>();
  reversed.forEach((r, i) => {
    if (typeof r.seg === 'number' && r.itemKey) itemKeys.set(i, r.itemKey);
  });
  return { path: reversed.map((r) => r.seg), itemKeys };
}
