// Reals as text for people, shared by the CLI, the report and the webviews (no dependencies, so
// the webview bundles take it alone).

/**
 * `x` to `decimals` places, or to two significant digits when those places would show a non-zero
 * value as zero: a 10,000-agent network's density is 0.00017, which three places print as 0.000.
 */
export function formatReal(x: number, decimals: number): string {
  return x !== 0 && Math.abs(x) < 0.5 * 10 ** -decimals ? x.toPrecision(2) : x.toFixed(decimals);
}
