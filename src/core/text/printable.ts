// Text from a .society file printed to a terminal: control characters are shown as escapes, so a
// shared scenario named "…\e]0;title\a…" cannot recolour the terminal, retitle it or move the
// cursor (ESC and the C1 controls start such sequences; the others can erase or overwrite).

/** Control characters but tab and line feed (C0, DEL, C1). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `s` with each control character written as \u00XX. */
export function printable(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
