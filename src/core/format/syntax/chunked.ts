// Incremental parsing of large documents. The `yaml` parser runs at roughly 2 MB/s, so re-parsing
// a 2,000-persona scenario on every keystroke would cost half a second. A large top-level block
// sequence (typically `personas:`) is cut into one chunk per item; each chunk is parsed on its own
// and cached by its text, and the small remainder (the skeleton) is parsed afresh. The pieces are
// spliced back into one yaml Document whose node ranges are absolute offsets in the full text, so
// every consumer (validation, locations, navigation) sees the same AST as a whole-text parse.
import { nestingPast } from './nestingDepth';
import {
  parseDocument,
  visit,
  YAMLSeq,
  isMap,
  isSeq,
  isPair,
  isScalar,
  isAlias,
  isCollection,
  isNode,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import { plainValue } from './plainValue';

export interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

interface ChunkParse {
  node: Node | null;
  value: unknown;
  errors: YamlError[];
  warnings: YamlError[];
  /** Offset by which `node`'s ranges are currently shifted (chunk nodes are reused across texts). */
  offset: number;
}

/** Parsed chunks by their exact text; one cache per file. */
export class ChunkCache {
  private entries = new Map<string, ChunkParse>();
  private used = new Set<string>();

  /** A cached chunk, unless this parse already placed it (identical items must not share nodes). */
  get(text: string): ChunkParse | undefined {
    if (this.used.has(text)) return undefined;
    this.used.add(text);
    return this.entries.get(text);
  }
  set(text: string, chunk: ChunkParse): void {
    if (!this.entries.has(text)) this.entries.set(text, chunk);
  }

  /** Starts a parse: drops chunks the previous parse did not use. */
  sweep(): void {
    if (this.used.size > 0) for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used = new Set();
  }
}

interface Region {
  key: string;
  start: number;
  end: number;
  itemIndent: number;
  items: number[];
}

const MIN_TEXT = 64 * 1024;
const MIN_ITEMS = 32;
const OPTIONS = { uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;

export interface ChunkedResult {
  doc: Document.Parsed;
  value: unknown;
  errors: YamlError[];
  warnings: YamlError[];
}

/**
 * Parses a single-document text incrementally, or returns undefined when the text is small or its
 * layout is not the plain one chunking relies on (then the caller parses it whole).
 */
export function parseChunked(text: string, cache: ChunkCache): ChunkedResult | undefined {
  if (text.length < MIN_TEXT || /^(---|\.\.\.|%)/m.test(text)) return undefined;
  const regions = findRegions(text);
  if (!regions || regions.length === 0) return undefined;
  cache.sweep();

  // The skeleton: the text without the regions' items. Small, so parsed afresh each time.
  let skeletonText = '';
  let last = 0;
  for (const r of regions) {
    skeletonText += text.slice(last, r.start);
    last = r.end;
  }
  skeletonText += text.slice(last);
  // Too deep for yaml (nestingDepth.ts): the whole-text path reports it without parsing.
  if (nestingPast(skeletonText) !== undefined) return undefined;
  const skeleton = parseDocument(skeletonText, OPTIONS);
  if (!isMap(skeleton.contents) || hasAnchors(skeleton)) return undefined;

  const toFull = (skeletonOffset: number): number => {
    let o = skeletonOffset;
    for (const r of regions) {
      if (o >= r.start) o += r.end - r.start;
      else break;
    }
    return o;
  };
  visit(skeleton, {
    Node(_, node) {
      if (node.range) {
        node.range = [toFull(node.range[0]), toFull(node.range[1]), toFull(node.range[2])] as typeof node.range;
      }
    },
  });
  skeleton.range = [toFull(skeleton.range[0]), toFull(skeleton.range[1]), toFull(skeleton.range[2])];
  const errors: YamlError[] = skeleton.errors.map((e) => ({
    code: e.code,
    message: e.message,
    pos: [toFull(e.pos[0]), toFull(e.pos[1])],
  }));
  const warnings: YamlError[] = skeleton.warnings.map((e) => ({
    code: e.code,
    message: e.message,
    pos: [toFull(e.pos[0]), toFull(e.pos[1])],
  }));
  let value: Record<string, unknown>;
  try {
    value = plainValue(skeleton) as Record<string, unknown>;
  } catch {
    return undefined;
  }

  for (const region of regions) {
    const pairs = skeleton.contents.items.filter((p) => isPair(p) && isScalar(p.key) && p.key.value === region.key);
    // A duplicated key: the value holds its last occurrence, which need not be this region.
    if (pairs.length > 1) return undefined;
    const pair = pairs[0];
    if (!pair || !(pair.value === null || (isScalar(pair.value) && pair.value.value === null && !pair.value.source))) {
      return undefined;
    }
    const seq = new YAMLSeq<Node | null>();
    const values: unknown[] = [];
    for (let i = 0; i < region.items.length; i++) {
      const start = region.items[i];
      const end = i + 1 < region.items.length ? region.items[i + 1] : region.end;
      const chunk = parseChunk(text.slice(start, end), region.itemIndent, cache);
      if (!chunk) return undefined;
      shift(chunk, start);
      seq.items.push(chunk.node);
      values.push(chunk.value);
      for (const e of chunk.errors) errors.push({ ...e, pos: [e.pos[0] + start, e.pos[1] + start] });
      for (const w of chunk.warnings) warnings.push({ ...w, pos: [w.pos[0] + start, w.pos[1] + start] });
    }
    seq.range = [region.items[0] + region.itemIndent, region.end, region.end];
    pair.value = seq as unknown as typeof pair.value;
    value[region.key] = values;
    // The document and its root mapping end where their last item does.
    for (const node of [skeleton, skeleton.contents]) {
      if (node.range) {
        node.range = [
          node.range[0],
          Math.max(node.range[1], region.end),
          Math.max(node.range[2], region.end),
        ] as typeof node.range;
      }
    }
  }
  return { doc: skeleton as Document.Parsed, value, errors, warnings };
}

/** One sequence item, with its dash turned into a space so it parses as an indented mapping. */
function parseChunk(chunkText: string, itemIndent: number, cache: ChunkCache): ChunkParse | undefined {
  const hit = cache.get(chunkText);
  if (hit) return hit;
  const source = chunkText.slice(0, itemIndent) + ' ' + chunkText.slice(itemIndent + 1);
  if (nestingPast(source) !== undefined) return undefined;
  const doc = parseDocument(source, OPTIONS);
  if (outsidePlainLayout(doc)) return undefined;
  let value: unknown;
  try {
    value = plainValue(doc);
  } catch {
    return undefined;
  }
  const chunk: ChunkParse = {
    node: (doc.contents as Node | null) ?? emptyItem(chunkText),
    value,
    errors: doc.errors.map((e) => ({ code: e.code, message: e.message, pos: e.pos })),
    warnings: doc.warnings.map((e) => ({ code: e.code, message: e.message, pos: e.pos })),
    offset: 0,
  };
  cache.set(chunkText, chunk);
  return chunk;
}

/**
 * The node of an item with nothing after its dash. Read as a mapping the chunk has no node at all,
 * and diagnostics would fall back to the whole list; read as the one-item list it is, it has a
 * null scalar at the spot a whole-text parse puts it.
 */
function emptyItem(chunkText: string): Node | null {
  const list = parseDocument(chunkText, OPTIONS).contents;
  return isSeq(list) && list.items.length === 1 ? (list.items[0] as Node | null) : null;
}

/** Moves a cached chunk's node ranges so they are absolute for a chunk starting at `offset`. */
function shift(chunk: ChunkParse, offset: number): void {
  const delta = offset - chunk.offset;
  if (delta !== 0) moveRanges(chunk.node, delta);
  chunk.offset = offset;
}

// The walks below go straight down the nodes. yaml's `visit` would do the same but builds a frozen
// path for every node, which made shifting the chunks after an edit and checking each new chunk
// about a fifth of re-parsing a 2,000-persona file.

/** Every node's range (keys included) moved by `delta`; new arrays, as a range may be shared. */
function moveRanges(node: unknown, delta: number): void {
  if (isPair(node)) {
    moveRanges(node.key, delta);
    moveRanges(node.value, delta);
    return;
  }
  if (!isNode(node)) return;
  const r = node.range;
  if (r) node.range = [r[0] + delta, r[1] + delta, r[2] + delta];
  if (isCollection(node)) for (const item of node.items) moveRanges(item, delta);
}

/** An alias or an anchor: chunks cannot resolve them across items. */
const anchored = (node: Node): boolean => isAlias(node) || !!node.anchor;

function hasAnchors(doc: Document): boolean {
  return someNode(doc.contents, anchored);
}

/** An alias or anchor, or a mapping key that is a collection. */
function outsidePlainLayout(doc: Document): boolean {
  return someNode(doc.contents, anchored, (pair) => isCollection(pair.key));
}

/** Whether some node (keys included) passes `test`, or some pair passes `pairTest`. */
function someNode(node: unknown, test: (n: Node) => boolean, pairTest?: (p: Pair) => boolean): boolean {
  if (isPair(node)) {
    return !!pairTest?.(node) || someNode(node.key, test, pairTest) || someNode(node.value, test, pairTest);
  }
  if (!isNode(node)) return false;
  if (test(node)) return true;
  if (isCollection(node)) for (const item of node.items) if (someNode(item, test, pairTest)) return true;
  return false;
}

/**
 * Top-level keys whose value is a long block sequence laid out plainly: every line of it blank,
 * a comment, an item start (`- ` at one indentation) or indented deeper than the items.
 */
function findRegions(text: string): Region[] | undefined {
  const regions: Region[] = [];
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (n: number): string =>
    text.slice(lineStarts[n], n + 1 < lineStarts.length ? lineStarts[n + 1] - 1 : text.length);
  const isBlankOrComment = (l: string): boolean => /^\s*(#.*)?\r?$/.test(l);
  const indentOf = (l: string): number => l.length - l.trimStart().length;

  for (let n = 0; n < lineStarts.length; n++) {
    const m = /^([A-Za-z_][\w-]*):[ \t]*(#.*)?\r?$/.exec(lineAt(n));
    if (!m) continue;
    let k = n + 1;
    while (k < lineStarts.length && isBlankOrComment(lineAt(k))) k++;
    if (k >= lineStarts.length) break;
    const first = lineAt(k);
    const item = /^( *)-( |\r?$)/.exec(first);
    if (!item) continue;
    const itemIndent = item[1].length;
    const items: number[] = [];
    let end = text.length;
    let j = k;
    for (; j < lineStarts.length; j++) {
      const line = lineAt(j);
      if (isBlankOrComment(line)) continue;
      if (line.includes('\t') && indentOf(line.replace(/\t/g, '  ')) !== indentOf(line)) return undefined;
      const indent = indentOf(line);
      if (indent === itemIndent && /^ *-( |\r?$)/.test(line)) {
        items.push(lineStarts[j]);
        continue;
      }
      if (indent > itemIndent) continue;
      if (indent === 0) {
        end = lineStarts[j];
        break;
      }
      return undefined; // something at an indentation chunking cannot place
    }
    if (items.length >= MIN_ITEMS) regions.push({ key: m[1], start: items[0], end, itemIndent, items });
    n = Math.max(n, j - 1);
  }
  return regions;
}
