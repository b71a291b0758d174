// .society text -> YAML documents with source ranges (the `yaml` package's AST) and their plain
// values. Syntax errors and duplicate keys become diagnostics; nothing here throws.
import { MAX_NESTING, nestingPast } from './nestingDepth';
import { textProblem } from '../io/fileLimits';
import {
  parseAllDocuments,
  visit,
  isMap,
  isSeq,
  isPair,
  isScalar,
  isAlias,
  isCollection,
  type Alias,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import type { Range } from '../model/model';
import type { Diagnostic } from '../model/diagnostics';
import { LineIndex } from './lines';
import { lineKey } from './lineKey';
import { parseChunked, type ChunkCache, type ChunkedResult } from './chunked';
import { plainValue } from './plainValue';
import { duplicateKeys, duplicateKeyDiagnostics, pathKey } from './duplicateKeys';
import type { ParsedDocument, ParsedFile, PathSegment } from './parsed';

// The parsed shapes live below the parser so duplicateKeys.ts can name them without importing it.
export type { PathSegment, ParsedDocument, ParsedFile } from './parsed';

/** `chunks`: a per-file cache that enables incremental parsing of large documents (see chunked.ts). */
export function parseSociety(source: string, file: string, chunks?: ChunkCache): ParsedFile {
  // VS Code's document text has no byte order mark; a file read from disk may. Dropping it keeps
  // line 1's columns the editor's, from the CLI too (yaml would count the mark as a character).
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  if (notYamlText(text, file, lines, diagnostics)) return { file, text, lines, documents: [], diagnostics };
  const syntax = new SyntaxErrors(diagnostics);
  const openers = new UnclosedOpeners(text);
  const chunked = chunks ? safely(() => parseChunked(text, chunks)) : undefined;
  if (chunked) return chunkedFile(chunked, { file, text, lines, diagnostics, syntax, openers });
  // Not given to yaml: running out of stack there can abort the process (nestingDepth.ts). The
  // incremental parse checks the parts it reads itself, and leaves a deep text to this path.
  const deep = nestingPast(text);
  if (deep !== undefined) {
    diagnostics.push({
      code: 'SOC001',
      severity: 'error',
      message: TOO_DEEP,
      file,
      range: lines.range(deep, deep + 1),
    });
    return { file, text, lines, documents: [], diagnostics };
  }
  const docs = yamlDocuments(text, file, lines, diagnostics, openers);
  const documents = docs.map((yaml, index) =>
    parsedDocument(yaml, index, { file, lines, diagnostics, syntax, openers }),
  );
  syntax.finish();
  return { file, text, lines, documents, diagnostics };
}

/** What turning one file's documents into ParsedDocuments writes to and reads from. */
interface ParseState {
  file: string;
  lines: LineIndex;
  diagnostics: Diagnostic[];
  syntax: SyntaxErrors;
  openers: UnclosedOpeners;
}

/**
 * Whether the text is no YAML to read, with the diagnostics that say why. Text a person did not
 * write (binary, UTF-16, mis-encoded) gets one line that says so, not 36 YAML errors.
 */
function notYamlText(text: string, file: string, lines: LineIndex, diagnostics: Diagnostic[]): boolean {
  const problem = textProblem(text);
  if (problem && problem.kind !== 'control') {
    diagnostics.push({
      code: 'SOC005',
      severity: 'error',
      message: `This file is ${problem.message}`,
      file,
      range: lines.range(0, 0),
    });
    return true;
  }
  // Control characters (an escape sequence, a bell) have no place in a value: they would reach
  // prompts, traces and terminals. Each is marked where it is, and the file is read no further.
  if (problem?.kind === 'control') {
    for (const at of problem.at) {
      const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
      diagnostics.push({
        code: 'SOC006',
        severity: 'error',
        message: `Control character U+${code} in the text: values may hold tab and line breaks, no other control characters`,
        file,
        range: lines.range(at, at + 1),
      });
    }
    return true;
  }
  return false;
}

/** The file as the incremental parse read it: one document. */
function chunkedFile(chunked: ChunkedResult, state: ParseState & { text: string }): ParsedFile {
  const { file, text, lines, diagnostics, syntax, openers } = state;
  for (const e of chunked.errors) {
    if (e.code !== 'DUPLICATE_KEY') syntax.push(yamlDiagnostic(e, file, lines, openers));
  }
  for (const w of chunked.warnings) {
    diagnostics.push({ ...yamlDiagnostic(w, file, lines, openers), severity: 'warning' });
  }
  const doc = chunked.doc;
  const duplicates = chunked.errors.some((e) => e.code === 'DUPLICATE_KEY') ? duplicateKeys(doc) : [];
  diagnostics.push(...duplicateKeyDiagnostics(duplicates, file, lines));
  syntax.finish();
  const value = chunked.value;
  return {
    file,
    text,
    lines,
    diagnostics,
    documents: [
      {
        index: 0,
        yaml: doc,
        value,
        kind: kindOf(value),
        range: lines.range(doc.range[0], doc.range[2] ?? doc.range[1]),
        hasErrors: garbled(chunked.errors),
        duplicates,
      },
    ],
  };
}

/** yaml's documents of the text; a stream yaml cannot read at all leaves only diagnostics. */
function yamlDocuments(
  text: string,
  file: string,
  lines: LineIndex,
  diagnostics: Diagnostic[],
  openers: UnclosedOpeners,
): Document.Parsed[] {
  let docs: Document.Parsed[] = [];
  try {
    const parsed = withoutStacks(() =>
      parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' }),
    );
    if ('empty' in parsed) {
      // A stream with no document still reports stray syntax (e.g. a lone `]`).
      for (const e of parsed.errors) diagnostics.push(yamlDiagnostic(e, file, lines, openers));
    } else {
      docs = parsed;
    }
  } catch (err) {
    diagnostics.push({
      code: 'SOC001',
      severity: 'error',
      message: `YAML could not be parsed: ${(err as Error).message}`,
      file,
      range: lines.range(0, 0),
    });
  }
  return docs;
}

/** One yaml document with its value, its errors reported. */
function parsedDocument(yaml: Document.Parsed, index: number, state: ParseState): ParsedDocument {
  const { file, lines, diagnostics, syntax, openers } = state;
  for (const e of yaml.errors) if (e.code !== 'DUPLICATE_KEY') syntax.push(yamlDiagnostic(e, file, lines, openers));
  for (const w of yaml.warnings) {
    diagnostics.push({ ...yamlDiagnostic(w, file, lines, openers), severity: 'warning' });
  }
  // The parser finds duplicates (uniqueKeys); the AST says which copy counts.
  const duplicates = yaml.errors.some((e) => e.code === 'DUPLICATE_KEY') ? duplicateKeys(yaml) : [];
  diagnostics.push(...duplicateKeyDiagnostics(duplicates, file, lines));
  const complexKeys = collectionKeys(yaml);
  for (const key of complexKeys) {
    diagnostics.push({
      code: 'SOC001',
      severity: 'error',
      message: 'A key must be a plain value, not a list or mapping',
      file,
      range: lines.range(key[0], key[1]),
    });
  }
  let value: unknown;
  try {
    value = plainValue(yaml);
  } catch (err) {
    value = undefined;
    diagnostics.push(...unreadableValueDiagnostics(yaml, (err as Error).message, file, lines));
  }
  return {
    index,
    yaml,
    value,
    kind: kindOf(value),
    range: lines.range(yaml.range[0], yaml.range[2] ?? yaml.range[1]),
    hasErrors: garbled(yaml.errors) || complexKeys.length > 0,
    duplicates,
  };
}

/** Why a document's value could not be read: at each alias with no anchor, else the whole document. */
function unreadableValueDiagnostics(
  yaml: Document.Parsed,
  message: string,
  file: string,
  lines: LineIndex,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // An alias with no anchor: each such alias is reported where it is, not the whole document.
  const aliases = /^Unresolved alias/.test(message) ? unresolvedAliases(yaml) : [];
  for (const alias of aliases) {
    const [start, end] = alias.range!;
    out.push({
      code: 'SOC001',
      severity: 'error',
      message: `YAML value could not be read: Unresolved alias (the anchor must be set before the alias): ${clip(alias.source)}`,
      file,
      range: spanOf(lines, start, end),
    });
  }
  if (aliases.length === 0) {
    out.push({
      code: 'SOC001',
      severity: 'error',
      message: `YAML value could not be read: ${message}`,
      file,
      range: lines.range(yaml.range[0], yaml.range[1]),
    });
  }
  return out;
}

/** A document's `kind`, if its value is a mapping whose `kind` is a string. */
function kindOf(value: unknown): string | undefined {
  const kind =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).kind : undefined;
  return typeof kind === 'string' ? kind : undefined;
}

/**
 * Whether errors leave the document's value in doubt. A duplicate key does not: the value holds its
 * last occurrence (yaml's toJS, which loading uses; JSON.parse agrees), so the schema checks read
 * that (and the ignored copies: duplicateKeys.ts), and the key's SOC002 error still keeps the file
 * from running.
 */
function garbled(errors: readonly { code: string }[]): boolean {
  return errors.some((e) => e.code !== 'DUPLICATE_KEY');
}

/** Syntax errors reported per file; the rest are counted in one last diagnostic. */
export const MAX_SYNTAX_ERRORS = 100;

/**
 * Adds yaml's syntax errors to a file's diagnostics. yaml often reports one slip several times at
 * the same place, or the same words a column apart; once is enough: an error is dropped when a
 * diagnostic already in the list (of any origin) has its code and line and either its column or
 * its words. Keys in sets keep that linear: a JSONL file or binary junk yields tens of thousands.
 * Past MAX_SYNTAX_ERRORS the rest only count, in a diagnostic where the first of them is.
 */
class SyntaxErrors {
  /** What the diagnostics so far hold, by code and line: their columns and their words. */
  private readonly seen = new Map<string, Map<number, { columns: Set<number>; words: Set<string> }>>();
  /** How many of `diagnostics` are in `seen`: others push to the list too. */
  private indexed = 0;
  private kept = 0;
  private dropped = 0;
  private summary?: Diagnostic;

  constructor(private readonly diagnostics: Diagnostic[]) {}

  push(d: Diagnostic): void {
    while (this.indexed < this.diagnostics.length) this.remember(this.diagnostics[this.indexed++]);
    const line = this.seen.get(d.code)?.get(d.range.start.line);
    if (line && (line.columns.has(d.range.start.character) || line.words.has(d.message))) return;
    if (this.kept < MAX_SYNTAX_ERRORS) {
      this.kept++;
      this.diagnostics.push(d);
      return;
    }
    // Dropped errors still count as seen, so the count is what the list would have held.
    this.remember(d);
    this.dropped++;
    if (!this.summary) {
      this.summary = { ...d };
      this.diagnostics.push(this.summary);
      this.indexed++;
    }
  }

  /** Words the count into the summary, if errors were dropped. */
  finish(): void {
    if (!this.summary) return;
    this.summary.message = `…and ${this.dropped.toLocaleString('en-US')} more YAML syntax error${this.dropped === 1 ? '' : 's'} in this file`;
    this.summary.count = this.dropped;
  }

  private remember(d: Diagnostic): void {
    let lines = this.seen.get(d.code);
    if (!lines) this.seen.set(d.code, (lines = new Map()));
    let line = lines.get(d.range.start.line);
    if (!line) lines.set(d.range.start.line, (line = { columns: new Set(), words: new Set() }));
    line.columns.add(d.range.start.character);
    line.words.add(d.message);
  }
}

/**
 * yaml makes an Error per syntax error; capturing each one's stack trace was most of the time
 * checking a JSONL trace took (350,000 errors). Only their messages and offsets are used.
 */
function withoutStacks<T>(f: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

const TOO_DEEP = `YAML syntax error: nested too deeply to read (over ${MAX_NESTING} levels of brackets, indentation or list markers)`;

/** A yaml error or warning other than a duplicate key (duplicateKeys.ts words those). */
function yamlDiagnostic(
  e: { code: string; message: string; pos: [number, number] },
  file: string,
  lines: LineIndex,
  openers: UnclosedOpeners,
): Diagnostic {
  // The parser runs out of stack on thousands of nested brackets and reports its own overflow.
  const tooDeep = /Maximum call stack size exceeded/.test(e.message);
  const message = tooDeep ? TOO_DEEP : `YAML syntax error: ${clip(firstLine(e.message))}`;
  // yaml reports an unclosed bracket or quote where it gave up (often the end of the file);
  // point at the opening character instead, where the fix belongs.
  const opener = /Flow (sequence|mapping)|Missing closing|end with a/.test(e.message)
    ? openers.before(e.pos[0])
    : undefined;
  if (opener !== undefined) {
    const line = lines.positionAt(opener).line;
    return {
      code: 'SOC001',
      severity: 'error',
      message,
      file,
      range: { start: lines.positionAt(opener), end: { line, character: lines.lineText(line).length } },
    };
  }
  // yaml reports the slip twice, at the value above; both become the one diagnostic on the key.
  const indented = /Nested mappings are not allowed in compact mappings|Implicit keys need to be on a single line/.test(
    e.message,
  )
    ? overIndentedKey(lines, e.pos[0])
    : undefined;
  if (indented) return { code: 'SOC001', severity: 'error', message: indented.message, file, range: indented.range };
  const colon = /Nested mappings are not allowed in compact mappings/.test(e.message)
    ? colonInValue(lines, e.pos[0])
    : undefined;
  if (colon) return { code: 'SOC001', severity: 'error', message: colon.message, file, range: colon.range };
  return {
    code: 'SOC001',
    severity: 'error',
    message,
    file,
    range: lines.range(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
  };
}

/**
 * `setting: A room.⏎    rounds: 8`: a key indented more than the one above continues that key's
 * plain value, and yaml then reports "Nested mappings are not allowed in compact mappings" at the
 * start of the value above. Where that is what happened, the diagnostic names the indentation and
 * points at the over-indented key, where the fix belongs; yaml's words stay at the end.
 */
function overIndentedKey(
  lines: LineIndex,
  offset: number,
): { message: string; range: Diagnostic['range'] } | undefined {
  const at = lines.positionAt(offset);
  const text = lines.lineText(at.line);
  const keyCol = /^ *(?:- +)*/.exec(text)![0].length;
  const above = lineKey(text.slice(keyCol));
  if (!above || keyCol + above.length > at.character) return undefined;
  for (let l = at.line + 1; l < lines.lineCount && l <= at.line + 200; l++) {
    const next = lines.lineText(l);
    const content = next.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const indent = next.length - content.length;
    const key = lineKey(content);
    if (indent <= keyCol) return undefined;
    if (!key) continue; // a continuation line of the value above
    return {
      message:
        `YAML syntax error: '${key.raw}' is indented ${indent} space${indent === 1 ? '' : 's'}, more than '${above.raw}' on line ${at.line + 1} (${keyCol}), ` +
        `so it reads as part of the value of '${above.raw}': indent it as '${above.raw}' is (yaml: nested mappings are not allowed in compact mappings)`,
      range: { start: { line: l, character: indent }, end: { line: l, character: indent + key.raw.length } },
    };
  }
  return undefined;
}

/**
 * `bio: Note: she likes tea`: an unquoted value holding `: ` reads as a mapping inside the value,
 * and yaml says only "Nested mappings are not allowed in compact mappings" at its start. Where the
 * value on that line holds a colon followed by a space, the diagnostic says to quote it (with the
 * line as it would be), over the value; yaml's words stay at the end.
 */
function colonInValue(lines: LineIndex, offset: number): { message: string; range: Diagnostic['range'] } | undefined {
  const at = lines.positionAt(offset);
  const text = lines.lineText(at.line);
  const value = text
    .slice(at.character)
    .replace(/\s+#.*$/, '')
    .trimEnd();
  const colon = /:(\s|$)/.exec(value);
  if (!colon || /^['"]/.test(value)) return undefined;
  const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  const before = text.slice(0, at.character).trim();
  const fix = quoted.length <= 80 ? `: write ${before ? `${before} ` : ''}${quoted}` : '';
  return {
    message: `YAML syntax error: the value '${shown}' holds ': ', which YAML reads as the start of a mapping inside it; put the value in quotes${fix} (yaml: nested mappings are not allowed in compact mappings)`,
    range: { start: at, end: { line: at.line, character: at.character + value.length } },
  };
}

/**
 * The offset of the last bracket or quote before an offset that is not closed, if any. The scan
 * resumes where the last one stopped when asked about a later offset, as yaml reports errors in
 * order: thousands of unclosed brackets cost one pass over the text, not one each.
 */
class UnclosedOpeners {
  private i = 0;
  private end = 0;
  private stack: number[] = [];
  private quote?: { char: string; at: number };
  private comment = false;

  constructor(private readonly text: string) {}

  before(end: number): number | undefined {
    if (end < this.end) {
      this.i = 0;
      this.stack = [];
      this.quote = undefined;
      this.comment = false;
    }
    this.end = end;
    const text = this.text;
    for (; this.i < end && this.i < text.length; this.i++) {
      const i = this.i;
      const c = text[i];
      if (this.comment) {
        if (c === '\n') this.comment = false;
        continue;
      }
      if (this.quote) {
        if (c === '\\' && this.quote.char === '"') {
          this.i++;
          continue;
        }
        if (c === this.quote.char) this.quote = undefined;
        continue;
      }
      if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) this.comment = true;
      else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) this.quote = { char: c, at: i };
      else if (c === '[' || c === '{') this.stack.push(i);
      else if ((c === ']' || c === '}') && this.stack.length) this.stack.pop();
    }
    return this.quote?.at ?? this.stack[this.stack.length - 1];
  }
}

/** Spans of mapping keys that are collections (`[a]: 1`, `? {x: 1}`), which .society never uses. */
function collectionKeys(doc: Document.Parsed): [number, number][] {
  const spans: [number, number][] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key) && pair.key.range) {
        spans.push([pair.key.range[0], Math.max(pair.key.range[1], pair.key.range[0] + 1)]);
      }
    },
  });
  return spans;
}

/** Aliases whose anchor is not set before them, in document order (as yaml's Alias.resolve looks). */
function unresolvedAliases(doc: Document.Parsed): Alias[] {
  const anchors = new Set<string>();
  const out: Alias[] = [];
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source) && node.range) out.push(node);
      } else if (node.anchor) anchors.add(node.anchor);
    },
  });
  return out;
}

/** A node's range without trailing whitespace, at least one character wide. */
function spanOf(lines: LineIndex, start: number, end: number): Range {
  let e = end;
  while (e > start + 1 && /\s/.test(lines.text[e - 1])) e--;
  return lines.range(start, Math.max(e, start + 1));
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * yaml quotes the whole offending token (`…in YAML stream: "<token>"`), which in a binary or
 * minified file is a line of 60,000 characters; a short start of it says enough. Other user text
 * in yaml's words (a tag, an alias, `Not a YAML token: <text>`) is shortened too.
 */
function clip(message: string): string {
  // JSON-quoted at the end, as yaml quotes (no unescaped `"` inside, so this is the token's quote).
  const quoted = /: ("(?:[^"\\]|\\.)*")$/s.exec(message);
  let words = quoted ? message.slice(0, quoted.index) : message;
  let token = '';
  if (quoted) {
    try {
      const raw = JSON.parse(quoted[1]) as string;
      token = `: ${quotedExcerpt(quoted[1], raw)}`;
      // `Not a YAML token: <text>: "<text>"`: the raw copy (control characters and all) goes.
      if (raw && words.endsWith(`: ${raw}`)) words = words.slice(0, -raw.length - 2);
    } catch {
      words = message;
      token = '';
    }
  }
  words = words.replace(/\S{61,}/g, (run) => `${start(run, 48)}…`);
  return (words.length > 100 ? `${start(words, 80)}…` : words) + token;
}

/** yaml's quoted token, or the token quoted alike and cut to about 48 characters; escapes stay whole. */
function quotedExcerpt(quoted: string, token: string): string {
  if (quoted.length <= 62) return quoted;
  let out = '';
  for (const ch of token) {
    const escaped = JSON.stringify(ch).slice(1, -1);
    if (out.length + escaped.length > 48) break;
    out += escaped;
  }
  return `"${out}…"`;
}

/** The first `n` UTF-16 units of `s`, not splitting a surrogate pair. */
function start(s: string, n: number): string {
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code < 0xdc00 ? n - 1 : n);
}

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

function lastPair(items: readonly unknown[], key: PathSegment): Pair | undefined {
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
