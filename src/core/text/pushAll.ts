// Appending a list to a list. `out.push(...xs)` passes every element as an argument and throws
// "Maximum call stack size exceeded" past ≈ 150,000 of them (a file's 200,000 duplicate keys made
// `society check` fail so): eslint.config.mjs forbids spreading into push, unshift and splice.

/** Appends every element of `xs` to `out`, in order; returns `out`'s new length, as push does. */
export function pushAll<T>(out: T[], xs: Iterable<T>): number {
  for (const x of xs) out.push(x);
  return out.length;
}
