// Chart labels cut to the room they have: SVG text does not wrap, and a right-aligned label
// longer than its margin would run off the left edge and lose its start.

/** Rough advance widths at 1 px font size for a sans-serif face, erring wide so a label rarely overflows. */
function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (
    cp >= 0x1100 &&
    (cp <= 0x115f ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      cp >= 0x1f000)
  ) {
    return 1.05;
  }
  if (/[WMmw@%]/.test(ch)) return 0.95;
  if (/[A-Z0-9]/.test(ch)) return 0.72;
  if (/[ijlft.,:;'|!I ]/.test(ch)) return 0.32;
  return 0.6;
}

/** `label` as is when it fits in `maxPx` at `fontPx`, else its start with an ellipsis (never splitting a character). */
export function fitLabel(label: string, maxPx: number, fontPx: number): string {
  const chars = Array.from(label);
  const width = (cs: string[]): number => cs.reduce((s, c) => s + charWidth(c) * fontPx, 0);
  if (width(chars) <= maxPx) return label;
  const room = maxPx - charWidth('…') * fontPx;
  let used = 0,
    n = 0;
  while (n < chars.length && used + charWidth(chars[n]) * fontPx <= room) used += charWidth(chars[n++]) * fontPx;
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}
