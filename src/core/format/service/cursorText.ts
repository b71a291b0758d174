// What the text around the cursor is: a comment, the depth of flow brackets, a block scalar,
// the flow collection the cursor is in, a quoted scalar's text.
import type { LineIndex } from '../syntax/lines';
import type { PathSegment } from '../syntax/parse';

export function unquote(s: string): string {
  if (s.startsWith('"')) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  if (s.startsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s.trim();
}

export function textBetween(lines: LineIndex, from: number, to: number): string {
  const out: string[] = [];
  for (let l = from; l < to; l++) out.push(stripComment(lines.lineText(l)));
  return out.join('\n');
}

export function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}

export function inComment(before: string): boolean {
  const lastLine = before.slice(before.lastIndexOf('\n') + 1);
  return stripComment(lastLine) !== lastLine;
}

/** Open `{`/`[` count of a text, ignoring quoted strings. */
export function flowDepth(text: string): number {
  let depth = 0,
    quote = '';
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && depth > 0) depth--;
  }
  return depth;
}

/** A line of a `>` or `|` block scalar's text (deeper than a `key: >` line above it). */
export function insideBlockScalar(lines: LineIndex, line: number, docStart: number, indent: number): boolean {
  for (let l = line - 1; l >= docStart; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    const i = t.length - t.trimStart().length;
    if (i >= indent) continue;
    return /:\s*[|>][1-9+-]*\s*(#.*)?$/.test(t);
  }
  return false;
}

export interface FlowScan {
  role: 'key' | 'value';
  path: PathSegment[];
  token: string;
  keys: string[];
}

/**
 * The position inside flow collections at the end of `text` (a value after `key:`), or undefined
 * when no collection is open there (then `text` is a plain value being typed).
 */
export function scanFlow(text: string): FlowScan | undefined {
  interface Frame {
    type: 'map' | 'seq';
    key?: string;
    index: number;
    keys: string[];
    seg?: PathSegment;
  }
  const stack: Frame[] = [];
  let token = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      token += c;
      if (c === quote) quote = '';
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '"' || c === "'") {
      quote = c;
      token += c;
      continue;
    }
    if (c === '{' || c === '[') {
      const seg: PathSegment | undefined = top ? (top.type === 'seq' ? top.index : top.key) : undefined;
      stack.push({ type: c === '{' ? 'map' : 'seq', index: 0, keys: [], seg });
      token = '';
      continue;
    }
    if (!top) {
      token += c;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      token = '';
      continue;
    }
    if (c === ',') {
      if (top.type === 'seq') top.index++;
      else top.key = undefined;
      token = '';
      continue;
    }
    if (
      c === ':' &&
      top.type === 'map' &&
      top.key === undefined &&
      (i + 1 === text.length || /[\s,}\]]/.test(text[i + 1]))
    ) {
      top.key = unquote(token.trim());
      top.keys.push(top.key);
      token = '';
      continue;
    }
    token += c;
  }
  if (stack.length === 0) return undefined;
  const path: PathSegment[] = [];
  for (let i = 1; i < stack.length; i++) if (stack[i].seg !== undefined) path.push(stack[i].seg!);
  const top = stack[stack.length - 1];
  const trimmed = token.trimStart();
  if (top.type === 'seq') return { role: 'value', path: [...path, top.index], token: trimmed, keys: [] };
  if (top.key !== undefined) return { role: 'value', path: [...path, top.key], token: trimmed, keys: [] };
  return { role: 'key', path, token: trimmed, keys: top.keys };
}
