// How far simulated values are from observed ones, pair by pair: root mean squared error, mean
// absolute error, and the RMSE over the observed range (normalised RMSE, comparable across
// measures of different units). Pairs where either value is missing are left out.

export interface ErrorResult {
  /** Pairs compared. */
  n: number;
  rmse: number | null;
  mae: number | null;
  /** RMSE / (max − min of the observed values); null when the observed values do not vary. */
  nrmse: number | null;
}

/** The errors of `simulated` against `observed`, index by index. */
export function errors(simulated: readonly (number | null)[], observed: readonly (number | null)[]): ErrorResult {
  let n = 0,
    sq = 0,
    abs = 0,
    lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < Math.min(simulated.length, observed.length); i++) {
    const s = simulated[i],
      o = observed[i];
    if (s === null || o === null || !Number.isFinite(s) || !Number.isFinite(o)) continue;
    n++;
    sq += (s - o) ** 2;
    abs += Math.abs(s - o);
    lo = Math.min(lo, o);
    hi = Math.max(hi, o);
  }
  if (n === 0) return { n, rmse: null, mae: null, nrmse: null };
  const rmse = Math.sqrt(sq / n);
  return { n, rmse, mae: abs / n, nrmse: hi > lo ? rmse / (hi - lo) : null };
}
