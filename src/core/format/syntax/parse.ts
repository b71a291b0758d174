// .society text -> YAML documents with source ranges (the `yaml` package's AST) and their plain
// values. Syntax errors and duplicate keys become diagnostics; nothing here throws.
import { nestingPast } from './nestingDepth';
import { textProblem } from '../io/fileLimits';
import { parseAllDocuments, visit, isAlias, isCollection, type Alias, type Document } from 'yaml';
import type { Diagnostic } from '../model/diagnostics';
import { LineIndex } from './lines';
import { parseChunked, type ChunkCache, type ChunkedResult } from './chunked';
import { plainValue } from './plainValue';
import { duplicateKeys, duplicateKeyDiagnostics } from './duplicateKeys';
import type { ParsedDocument, ParsedFile } from './parsed';

// The parsed shapes live below the parser so duplicateKeys.ts can name them without importing it.
export type { PathSegment, ParsedDocument, ParsedFile } from './parsed';
import { SyntaxErrors, TOO_DEEP, yamlDiagnostic, UnclosedOpeners, spanOf, clip } from './syntaxErrors';
import { pushAll } from '../../text/pushAll';
export { MAX_SYNTAX_ERRORS } from './syntaxErrors';

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
  pushAll(diagnostics, duplicateKeyDiagnostics(duplicates, file, lines));
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
  pushAll(diagnostics, duplicateKeyDiagnostics(duplicates, file, lines));
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
    pushAll(diagnostics, unreadableValueDiagnostics(yaml, (err as Error).message, file, lines));
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
