// The items already written in the list the cursor is in, flow (`[a, b, |]`) or block
// (`- a` lines), so completion does not offer them again.
import type { Position } from '../model/model';
import type { LineIndex } from '../syntax/lines';
import { lineKey } from '../syntax/lineKey';

/**
 * The scalars of the flow list (`[a, b]`, over several lines too) the cursor is an item of, but for
 * the item at the cursor (being typed or replaced).
 */
export function flowItems(lines: LineIndex, offset: number): string[] {
  const text = lines.text;
  const line = lines.positionAt(offset).line;
  // The innermost bracket open at the cursor: on its line or, for a list spanning lines, one above.
  let open: number | undefined;
  for (let l = line; l >= 0 && l >= line - 200 && open === undefined; l--) {
    open = openBracket(text, lines.offsetAt({ line: l, character: 0 }), offset);
  }
  if (open === undefined || text[open] !== '[') return [];
  // An unclosed list ends before the next line that is not indented deeper than the one it opens on.
  const openIndent = indentAt(lines, lines.positionAt(open).line);
  const items: string[] = [];
  let depth = 0,
    quote = '',
    start = open + 1;
  for (let i = open + 1; i <= text.length; i++) {
    const c = text[i];
    if (quote) {
      // A quote left open while typing ends at its line.
      if (c === '\\' && quote === '"') i++;
      else if (c === quote || c === '\n') quote = '';
      continue;
    }
    if (opensQuote(text, i)) {
      quote = c;
      continue;
    }
    if (c === '#' && /\s/.test(text[i - 1])) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      continue;
    }
    if ((c === ']' || c === '}') && depth > 0) {
      depth--;
      continue;
    }
    const ended =
      c === undefined ||
      c === ']' ||
      c === '}' ||
      (c === '\n' && i + 1 < text.length && indentAt(lines, lines.positionAt(i + 1).line) <= openIndent);
    if (depth > 0 && !ended) continue;
    if (c === ',' || ended) {
      if (offset < start || offset > i) items.push(text.slice(start, i));
      if (ended) break;
      start = i + 1;
    }
  }
  return items.map(scalarText).filter((v): v is string => v !== undefined);
}

/** The offset of the innermost `[` or `{` left open between `from` and `to`, if any. */
export function openBracket(text: string, from: number, to: number): number | undefined {
  const stack: number[] = [];
  let quote = '';
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (opensQuote(text, i)) quote = c;
    else if (c === '#' && (i === from || /\s/.test(text[i - 1]))) while (i + 1 < to && text[i + 1] !== '\n') i++;
    else if (c === '[' || c === '{') stack.push(i);
    else if ((c === ']' || c === '}') && stack.length) stack.pop();
  }
  return stack[stack.length - 1];
}

/** The scalars of the block list whose `- ` the cursor's line starts with, but for the cursor's own item. */
export function blockItems(lines: LineIndex, position: Position): string[] {
  const own = markers(lines.lineText(position.line));
  const dash = own.dashes[own.dashes.length - 1];
  if (dash === undefined || position.character <= dash) return [];
  const items: string[] = [];
  for (const step of [-1, 1]) {
    for (let l = position.line + step; l >= 0 && l < lines.lineCount; l += step) {
      const text = lines.lineText(l);
      if (/^(---|\.\.\.)(\s|$)/.test(text)) break;
      const m = markers(text);
      if (m.blank) continue;
      const first = m.dashes[0] ?? m.contentCol;
      if (first > dash) continue; // inside an item
      // An item of this list; above, also the first of a list nested in an outer item (`- - a`).
      const at = m.dashes.indexOf(dash);
      if (at < 0 || (first < dash && step > 0)) break;
      if (at === m.dashes.length - 1) items.push(text.slice(m.contentCol));
      if (first < dash) break;
    }
  }
  return items.map(scalarText).filter((v): v is string => v !== undefined);
}

/** A line's `- ` marker columns and where its content starts. */
export function markers(text: string): { dashes: number[]; contentCol: number; blank: boolean } {
  let i = 0;
  while (text[i] === ' ') i++;
  const dashes: number[] = [];
  while (text[i] === '-' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  const rest = text.slice(i);
  return { dashes, contentCol: i, blank: dashes.length === 0 && (rest === '' || rest.startsWith('#')) };
}

export function indentAt(lines: LineIndex, line: number): number {
  const text = lines.lineText(line);
  return text.trim() === '' ? Infinity : text.length - text.trimStart().length;
}

/** A quote that starts a scalar (`don't` has none). */
export function opensQuote(text: string, i: number): boolean {
  return (text[i] === '"' || text[i] === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]));
}

/** A list item's text as the scalar it is (quotes and comments off), or undefined for anything else. */
export function scalarText(raw: string): string | undefined {
  const t = raw.trim();
  if (opensQuote(t, 0)) {
    const m = t[0] === '"' ? /^"((?:[^"\\]|\\.)*)"/.exec(t) : /^'((?:[^']|'')*)'/.exec(t);
    if (!m) return undefined;
    if (t[0] === "'") return m[1].replace(/''/g, "'");
    try {
      return String(JSON.parse(m[0]));
    } catch {
      return undefined;
    }
  }
  const plain = t.replace(/(^|\s)#.*$/gm, '').trim();
  if (plain === '' || /^[[{|>&*!%@`]/.test(plain) || lineKey(plain)) return undefined;
  return plain.replace(/\s+/g, ' ');
}
