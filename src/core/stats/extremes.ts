// The largest and smallest of a list of numbers, for lists of any length. `Math.max(...xs)` passes
// every element as an argument and throws "Maximum call stack size exceeded" past ≈ 150,000 of
// them (an aggregate over a 200,000-agent world, a survey's fortunes): eslint.config.mjs forbids
// spreading into Math.max/min, and these give the same answer, NaN and −0 included.

/** Math.max of every element, without spreading them as arguments (−Infinity for none). */
export function maxOf(xs: Iterable<number>): number {
  let m = -Infinity;
  for (const x of xs) m = Math.max(m, x);
  return m;
}

/** Math.min of every element, without spreading them as arguments (Infinity for none). */
export function minOf(xs: Iterable<number>): number {
  let m = Infinity;
  for (const x of xs) m = Math.min(m, x);
  return m;
}
