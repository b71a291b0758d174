// Pearson and Spearman correlation with a 95% confidence interval by Fisher's z transform:
// z = atanh(r), se = 1/√(n − 3), CI = tanh(z ± 1.959964·se) (Spearman uses the same, as an
// approximation). Pairs with a missing side are dropped.

export interface Correlation {
  r: number;
  n: number;
  /** 95% CI; absent when n ≤ 3 (no standard error) or r is ±1. */
  low?: number;
  high?: number;
}

/** The 97.5% quantile of the standard normal: scipy.stats.norm.ppf(0.975). */
const Z975 = 1.959963984540054;

function pairs(xs: readonly (number | undefined)[], ys: readonly (number | undefined)[]): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
      a.push(x);
      b.push(y);
    }
  }
  return [a, b];
}

/** Pearson's r of the complete pairs; undefined with fewer than 3 or when a side does not vary. */
export function pearson(
  xs: readonly (number | undefined)[],
  ys: readonly (number | undefined)[],
): Correlation | undefined {
  const [a, b] = pairs(xs, ys);
  const n = a.length;
  if (n < 3) return undefined;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  if (!(saa > 0 && sbb > 0)) return undefined;
  const r = Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
  return { r, n, ...fisherInterval(r, n) };
}

/** Spearman's ρ: Pearson's r of the ranks (ties get their mean rank), with the Fisher interval. */
export function spearman(
  xs: readonly (number | undefined)[],
  ys: readonly (number | undefined)[],
): Correlation | undefined {
  const [a, b] = pairs(xs, ys);
  return pearson(ranks(a), ranks(b));
}

/** 1-based ranks, ties sharing their mean rank (scipy.stats.rankdata's 'average'). */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((p, q) => p.x - q.x);
  const out = new Array<number>(xs.length);
  for (let s = 0; s < order.length;) {
    let e = s;
    while (e + 1 < order.length && order[e + 1].x === order[s].x) e++;
    for (let k = s; k <= e; k++) out[order[k].i] = (s + e) / 2 + 1;
    s = e + 1;
  }
  return out;
}

/** The 95% interval of r from n pairs by Fisher's z; empty when it has none. */
export function fisherInterval(r: number, n: number): { low?: number; high?: number } {
  if (n <= 3 || Math.abs(r) >= 1) return {};
  const z = Math.atanh(r);
  const se = 1 / Math.sqrt(n - 3);
  return { low: Math.tanh(z - Z975 * se), high: Math.tanh(z + Z975 * se) };
}
