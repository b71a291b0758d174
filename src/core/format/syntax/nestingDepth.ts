// How deep a text could nest, found before yaml reads it. yaml's parser recurses once per level;
// thousands of levels exhaust the stack, and V8 does not always survive that: compiling a regular
// expression with the stack nearly gone aborts the whole process ("RegExpCompiler Allocation
// failed"), which in VS Code is the extension host. So a text that could nest deeper than yaml
// safely reads is not given to yaml at all.

/** Deeper than any real .society file, and far below the ≈ 800 levels where yaml runs out of stack. */
export const MAX_NESTING = 256;

/**
 * The offset where the text's nesting could pass `limit`, if anywhere. An upper bound, in one pass:
 * a line's indentation (each block level needs one more column), plus the brackets still open, plus
 * the block indicators on the line (`- `, `? `, `key: ` open levels without indenting). Quoted
 * strings, comments and block scalars' text are skipped, so brackets in prose do not count.
 */
export function nestingPast(text: string, limit = MAX_NESTING): number | undefined {
  let flow = 0;
  /** The quote character of an open quoted string, 0 outside one. */
  let quote = 0;
  /** Indentation of the line that opened a block scalar (`|`, `>`), while its text lasts. */
  let scalarIndent = -1;
  const n = text.length;
  for (let lineStart = 0; lineStart < n;) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = n;
    let i = lineStart;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    const indent = i - lineStart;
    if (scalarIndent >= 0 && (i === end || text.charCodeAt(i) === CR || indent > scalarIndent)) {
      lineStart = end + 1;
      continue;
    }
    scalarIndent = -1;
    if (!quote && indent > limit) return i;
    let block = 0;
    /** Where the line's last character outside a comment is (for a block scalar's header). */
    let last = -1;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (quote) {
        if (c === BACKSLASH && quote === DQUOTE) i++;
        else if (c === quote) quote = 0;
        continue;
      }
      if (isBlank(c) || c === CR) continue;
      const before = i === lineStart ? SPACE : text.charCodeAt(i - 1);
      if (c === HASH && isBlank(before)) break;
      last = i;
      if (c === DQUOTE || c === SQUOTE) {
        if (isBlank(before) || before === OPEN_SQ || before === OPEN_CURLY || before === COMMA || before === COLON) {
          quote = c;
        }
        continue;
      }
      if (c === OPEN_SQ || c === OPEN_CURLY) flow++;
      else if ((c === CLOSE_SQ || c === CLOSE_CURLY) && flow > 0) flow--;
      else if (i + 1 < end && !isBlank(text.charCodeAt(i + 1)) && text.charCodeAt(i + 1) !== CR) continue;
      else if (((c === DASH || c === QUESTION) && isBlank(before)) || c === COLON) block++;
      else continue;
      if (indent + flow + block > limit) return i;
    }
    if (!quote && flow === 0 && last >= 0 && blockScalarHeader(text, lineStart, last)) scalarIndent = indent;
    lineStart = end + 1;
  }
  return undefined;
}

const SPACE = 32,
  TAB = 9,
  CR = 13,
  HASH = 35,
  DQUOTE = 34,
  SQUOTE = 39,
  BACKSLASH = 92,
  COMMA = 44,
  COLON = 58;
const OPEN_SQ = 91,
  CLOSE_SQ = 93,
  OPEN_CURLY = 123,
  CLOSE_CURLY = 125,
  DASH = 45,
  QUESTION = 63,
  PIPE = 124,
  GT = 62,
  PLUS = 43;
const isBlank = (c: number): boolean => c === SPACE || c === TAB;

/** Whether the line ends (at `last`) in a block scalar's header: `|` or `>`, then `-`, `+` or a digit, after a blank or at the line's start. */
function blockScalarHeader(text: string, lineStart: number, last: number): boolean {
  let i = last;
  while (i > lineStart) {
    const c = text.charCodeAt(i);
    if (c !== DASH && c !== PLUS && !(c >= 48 && c <= 57)) break;
    i--;
  }
  const c = text.charCodeAt(i);
  return (c === PIPE || c === GT) && (i === lineStart || isBlank(text.charCodeAt(i - 1)));
}
