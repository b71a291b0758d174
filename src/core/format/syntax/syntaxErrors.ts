// YAML's errors as a reader is told them: at most MAX_SYNTAX_ERRORS a file, each at the token it is
// about, quoted and cut short, with what was probably meant (an over-indented key, a colon in a
// plain value, a bracket never closed).
import { MAX_NESTING } from './nestingDepth';
import type { Range } from '../model/model';
import type { Diagnostic } from '../model/diagnostics';
import { LineIndex } from './lines';
import { lineKey } from './lineKey';

/** Syntax errors reported per file; the rest are counted in one last diagnostic. */
export const MAX_SYNTAX_ERRORS = 100;

/**
 * Adds yaml's syntax errors to a file's diagnostics. yaml often reports one slip several times at
 * the same place, or the same words a column apart; once is enough: an error is dropped when a
 * diagnostic already in the list (of any origin) has its code and line and either its column or
 * its words. Keys in sets keep that linear: a JSONL file or binary junk yields tens of thousands.
 * Past MAX_SYNTAX_ERRORS the rest only count, in a diagnostic where the first of them is.
 */
export class SyntaxErrors {
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

export const TOO_DEEP = `YAML syntax error: nested too deeply to read (over ${MAX_NESTING} levels of brackets, indentation or list markers)`;

/** A yaml error or warning other than a duplicate key (duplicateKeys.ts words those). */
export function yamlDiagnostic(
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
export function overIndentedKey(
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
export function colonInValue(
  lines: LineIndex,
  offset: number,
): { message: string; range: Diagnostic['range'] } | undefined {
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
export class UnclosedOpeners {
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

/** A node's range without trailing whitespace, at least one character wide. */
export function spanOf(lines: LineIndex, start: number, end: number): Range {
  let e = end;
  while (e > start + 1 && /\s/.test(lines.text[e - 1])) e--;
  return lines.range(start, Math.max(e, start + 1));
}

export function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * yaml quotes the whole offending token (`…in YAML stream: "<token>"`), which in a binary or
 * minified file is a line of 60,000 characters; a short start of it says enough. Other user text
 * in yaml's words (a tag, an alias, `Not a YAML token: <text>`) is shortened too.
 */
export function clip(message: string): string {
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
export function quotedExcerpt(quoted: string, token: string): string {
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
export function start(s: string, n: number): string {
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code < 0xdc00 ? n - 1 : n);
}
