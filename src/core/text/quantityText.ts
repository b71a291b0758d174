// A declared quantity's value as people read it in a sentence (the end-of-run message): the rules
// of the society view's World state panel (webview/panels/worldStatePanel.ts `quantityValue`), so
// a number reads the same in both.

/** Whole for an integer quantity, else with the decimals its size needs (123.5, 24.35, 0.125), trailing zeros dropped. */
export function quantityText(v: number, integer = false): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (integer) return Math.round(v).toLocaleString('en');
  const a = Math.abs(v);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
  return a > 0 && a < 0.001 ? v.toExponential(2) : v.toLocaleString('en', { maximumFractionDigits: digits });
}
