// Complexity checks that do not depend on how fast or busy the machine is: timings at n and at 4n,
// taken in turns (n, 4n, n, 4n…) so a burst of load falls on both sizes alike, the best of each
// compared. Linear work grows about ×4, quadratic ×16; a limit in seconds would instead measure the
// machine (and timing targets live in benchmarks). A ratio above the limit is measured again, in
// more turns, before it fails: a quadratic cost stays ×16 however often it is measured.
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';

const timed = async (work: () => unknown): Promise<number> => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};

/** The best time at each size over `turns` alternating pairs. */
async function bestInTurns(turns: number, small: () => unknown, large: () => unknown): Promise<[number, number]> {
  let s = Infinity,
    l = Infinity;
  for (let i = 0; i < turns; i++) {
    s = Math.min(s, await timed(small));
    l = Math.min(l, await timed(large));
  }
  return [s, l];
}

/** Fails when `work(4n)` takes more than 8 times `work(n)` (plus 25 ms for timer noise). */
export async function assertLinear(label: string, n: number, work: (n: number) => unknown): Promise<void> {
  const within = ([s, l]: [number, number]) => l < 8 * s + 25;
  let best = await bestInTurns(
    3,
    () => work(n),
    () => work(4 * n),
  );
  if (!within(best)) {
    best = await bestInTurns(
      5,
      () => work(n),
      () => work(4 * n),
    );
  }
  const [small, large] = best;
  assert.ok(
    within(best),
    `${label}: ${n} took ${small.toFixed(1)} ms, ${4 * n} took ${large.toFixed(1)} ms ` +
      `(×${(large / small).toFixed(1)}; linear work grows about ×4, quadratic ×16)`,
  );
}
