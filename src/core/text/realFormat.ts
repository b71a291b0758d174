// Reals as text for people, shared by the CLI, the report and the webviews (no dependencies, so
// the webview bundles take it alone).

/** Below this a value is floating-point residue, not a measurement (one group's modularity comes out as 5.6e-15). */
const RESIDUE = 1e-12;

/**
 * `x` to `decimals` places, or to two significant digits when those places would show a non-zero
 * value as zero: a 10,000-agent network's density is 0.00017, which three places print as 0.000.
 */
export function formatReal(x: number, decimals: number): string {
  const size = Math.abs(x);
  if (size < RESIDUE) return (0).toFixed(decimals); // never "-0.0000"
  return size < 0.5 * 10 ** -decimals ? x.toPrecision(2) : x.toFixed(decimals);
}
