// Cronbach's alpha: the internal consistency of a scale, from each respondent's item scores.
// α = k/(k−1) · (1 − Σ var(item) / var(total)), sample variances (n − 1). Respondents with a
// missing item are left out (listwise), as psychometric packages do by default.

/**
 * α of `rows` (one row per respondent, one column per item, `undefined` = missing). Undefined with
 * fewer than 2 items or 2 complete respondents, or when the totals do not vary.
 */
export function cronbachAlpha(rows: readonly (readonly (number | undefined)[])[]): number | undefined {
  const complete = rows.filter((r) => r.every((x) => typeof x === 'number' && Number.isFinite(x))) as number[][];
  const k = complete[0]?.length ?? 0;
  if (k < 2 || complete.length < 2) return undefined;
  let itemVariance = 0;
  for (let j = 0; j < k; j++) itemVariance += sampleVariance(complete.map((r) => r[j]));
  const total = sampleVariance(complete.map((r) => r.reduce((s, x) => s + x, 0)));
  if (!(total > 0)) return undefined;
  return (k / (k - 1)) * (1 - itemVariance / total);
}

/** Variance with n − 1 in the denominator. */
export function sampleVariance(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
}
