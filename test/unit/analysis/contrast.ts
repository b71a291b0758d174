// WCAG 2 contrast for tests: relative luminance of sRGB colours and the ratio between two, and
// the greys a stylesheet or SVG may hold (the colours that vanish on a page of the other scheme).

/** [r, g, b] in 0..255 of `#rgb` or `#rrggbb`. */
export function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const n = parseInt(full, 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** (L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker's: 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A neutral colour: white, black or a grey (`#777`, `#e5e5e5`, `white`). Data palettes hold none. */
export function isGrey(colour: string): boolean {
  const c = colour.trim().toLowerCase();
  if (['white', 'black', 'gray', 'grey'].includes(c)) return true;
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/.test(c)) return false;
  const [r, g, b] = rgb(c);
  return r === g && g === b;
}
