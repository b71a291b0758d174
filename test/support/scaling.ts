// Complexity checks that do not depend on how fast or busy the machine is: the best of three
// timings at n and at 4n, compared with each other. Linear work grows about ×4, quadratic ×16;
// a limit in seconds would instead measure the machine (and timing targets live in benchmarks).
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';

const bestOf = async (runs: number, work: () => unknown): Promise<number> => {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
};

/** Fails when `work(4n)` takes more than 8 times `work(n)` (plus 25 ms for timer noise). */
export async function assertLinear(label: string, n: number, work: (n: number) => unknown): Promise<void> {
  const small = await bestOf(3, () => work(n));
  const large = await bestOf(3, () => work(4 * n));
  assert.ok(
    large < 8 * small + 25,
    `${label}: ${n} took ${small.toFixed(1)} ms, ${4 * n} took ${large.toFixed(1)} ms ` +
      `(×${(large / small).toFixed(1)}; linear work grows about ×4, quadratic ×16)`,
  );
}
