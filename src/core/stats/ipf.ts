// Iterative proportional fitting (Deming–Stephan raking) of a seed table to marginal totals, and
// truncate-replicate-sample integerisation of the fitted weights. Pure: no engine, no I/O.
// A table is flat: cell c has category cells[c][a] of attribute a and weight weights[c].

export interface IpfResult {
  /** The fitted weight of each cell. */
  weights: number[];
  iterations: number;
  /** Largest |fitted margin − target| over every attribute and category after the last sweep. */
  maxError: number;
  converged: boolean;
}

/** The margins of `weights`: out[a][k] is the total weight of the cells with category k of attribute a. */
export function margins(
  weights: readonly number[],
  cells: readonly (readonly number[])[],
  sizes: readonly number[],
): number[][] {
  const out = sizes.map((n) => new Array<number>(n).fill(0));
  for (let c = 0; c < weights.length; c++) for (let a = 0; a < sizes.length; a++) out[a][cells[c][a]] += weights[c];
  return out;
}

function largestGap(
  weights: readonly number[],
  cells: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
): number {
  const m = margins(
    weights,
    cells,
    targets.map((t) => t.length),
  );
  let gap = 0;
  for (let a = 0; a < targets.length; a++) {
    for (let k = 0; k < targets[a].length; k++) gap = Math.max(gap, Math.abs(m[a][k] - targets[a][k]));
  }
  return gap;
}

/**
 * Scales the seed so each attribute's margins match `targets[a]`, one attribute after another,
 * until the largest gap is under `tolerance` (absolute, in the targets' units) or `maxIterations`
 * sweeps. A category whose seed cells are all zero cannot be reached: its cells stay zero, and the
 * gap stays (the caller's diagnostic says so before a run).
 */
export function ipf(
  seed: readonly number[],
  cells: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
  options: { tolerance?: number; maxIterations?: number } = {},
): IpfResult {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 1000;
  const weights = [...seed];
  let iterations = 0;
  let maxError = largestGap(weights, cells, targets);
  while (maxError > tolerance && iterations < maxIterations) {
    for (let a = 0; a < targets.length; a++) {
      const current = new Array<number>(targets[a].length).fill(0);
      for (let c = 0; c < weights.length; c++) current[cells[c][a]] += weights[c];
      for (let c = 0; c < weights.length; c++) {
        const have = current[cells[c][a]];
        weights[c] = have > 0 ? (weights[c] * targets[a][cells[c][a]]) / have : 0;
      }
    }
    iterations++;
    maxError = largestGap(weights, cells, targets);
  }
  return { weights, iterations, maxError, converged: maxError <= tolerance };
}

/**
 * Whole counts summing to `total` from real weights, by truncate-replicate-sample (Lovelace &
 * Ballas 2013): each cell gets the integer part of its expected count, and the agents still
 * missing go to distinct cells drawn with probability proportional to their fractional parts.
 * Each cell's count is then its expected count rounded down or up, so no cell is off by a whole
 * agent or more, and no margin by more than the number of cells rounded up in it.
 */
export function integerise(weights: readonly number[], total: number, random: () => number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const expected = weights.map((w) => (w * total) / sum);
  const counts = expected.map((e) => Math.floor(e + 1e-9));
  let missing = total - counts.reduce((s, n) => s + n, 0);
  const fractions = expected.map((e, c) => Math.max(0, e - counts[c]));
  while (missing > 0) {
    const left = fractions.reduce((s, f) => s + f, 0);
    // A draw without replacement: a cell once chosen has no fraction left.
    const c = left > 0 ? drawByFraction(fractions, random() * left) : weights.findIndex((w) => w > 0);
    counts[c]++;
    fractions[c] = 0;
    missing--;
  }
  return counts;
}

/** The cell the point `r` (in 0..sum of fractions) falls in, skipping cells with none left. */
function drawByFraction(fractions: readonly number[], r: number): number {
  let c = 0;
  while (c < fractions.length - 1 && (r -= fractions[c]) >= 0) c++;
  while (fractions[c] === 0) c = (c + 1) % fractions.length;
  return c;
}

/** Whole targets summing to `total` from real ones, by largest remainder (ties: the first). */
export function wholeTargets(targets: readonly number[], total: number): number[] {
  const sum = targets.reduce((s, t) => s + t, 0);
  if (sum <= 0) return targets.map(() => 0);
  const exact = targets.map((t) => (t * total) / sum);
  const out = exact.map((e) => Math.floor(e + 1e-9));
  const order = exact.map((e, k) => ({ k, rest: e - out[k] })).sort((x, y) => y.rest - x.rest || x.k - y.k);
  for (let i = 0, left = total - out.reduce((s, n) => s + n, 0); left > 0; i = (i + 1) % order.length, left--) {
    out[order[i].k]++;
  }
  return out;
}

/**
 * Moves whole agents between twin cells (the same categories but one) until every margin equals
 * its whole target (`targets[a]`, each summing to the counts' total), where the seed allows:
 * a move from category k+ to k− of attribute a changes no other attribute's margin. Each move takes
 * from the cell most above its expected count to its twin most below, so the cells stay close to
 * the fit. A twin with no weight is never filled (a structural zero stays zero).
 */
export function matchMargins(
  counts: readonly number[],
  weights: readonly number[],
  cells: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
): number[] {
  const out = [...counts];
  const total = out.reduce((s, n) => s + n, 0);
  const wsum = weights.reduce((s, w) => s + w, 0) || 1;
  const expected = weights.map((w) => (w * total) / wsum);
  const sizes = targets.map((t) => t.length);
  const twin = twinIndex(cells);
  for (let a = 0; a < targets.length; a++) {
    for (let guard = 0; guard < total; guard++) {
      const m = margins(out, cells, sizes)[a];
      const over = m.findIndex((n, k) => n > targets[a][k]);
      const under = m.findIndex((n, k) => n < targets[a][k]);
      if (over < 0 || under < 0) break;
      let best: { from: number; to: number; score: number } | undefined;
      for (let c = 0; c < cells.length; c++) {
        if (cells[c][a] !== over || out[c] === 0) continue;
        const to = twin(cells[c], a, under);
        if (to === undefined || weights[to] <= 0) continue;
        const score = out[c] - expected[c] + (expected[to] - out[to]);
        if (!best || score > best.score) best = { from: c, to, score };
      }
      if (!best) break;
      out[best.from]--;
      out[best.to]++;
    }
  }
  return out;
}

/** Finds the cell with `cell`'s categories but category k of attribute a. */
function twinIndex(
  cells: readonly (readonly number[])[],
): (cell: readonly number[], a: number, k: number) => number | undefined {
  const index = new Map(cells.map((c, i) => [c.join(','), i]));
  return (cell, a, k) => index.get(cell.map((x, i) => (i === a ? k : x)).join(','));
}
