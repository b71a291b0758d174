// The `key:` a line's content starts with, as completion reads it from half-typed text. Runs on
// every line completion scans, on every keystroke, so it must stay linear in the line's length:
// spaces before the colon are matched once, by the key's own run, and trimmed off afterwards
// (a lazy key followed by `\s*` tried every split of a run of spaces: quadratic).

/** A quoted key, or a plain one (not starting with an indicator; `-x` is plain), up to a `:` followed by a space or the end. */
const KEY = /^("(?:[^"\\]|\\.)*"\s*|'(?:[^']|'')*'\s*|[^\s#'"{[\]},:-][^#:]*|-[^\s#:][^#:]*):(?=\s|$)/;

export interface LineKey {
  /** The key as written, quotes included, without the spaces before the colon. */
  raw: string;
  /** Length of the text up to and including the colon. */
  length: number;
}

export function lineKey(text: string): LineKey | undefined {
  const m = KEY.exec(text);
  return m ? { raw: m[1].trimEnd(), length: m[0].length } : undefined;
}
