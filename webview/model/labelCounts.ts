// A categorical quantity (`labels:`) as the view draws it: how many agents hold each label. Values
// are whole numbers 0 … labels − 1 (the engine clamps and rounds every write); one outside them
// (a trace from elsewhere) is left out rather than counted under a wrong name.

/** How many of `agents` hold each label of quantity `name`. */
export function labelCounts(
  agents: Iterable<Record<string, number>>,
  name: string,
  labels: readonly string[],
): number[] {
  const counts = labels.map(() => 0);
  for (const v of agents) {
    const k = v[name];
    if (Number.isInteger(k) && k >= 0 && k < counts.length) counts[k]++;
  }
  return counts;
}

/** Each label's share of the agents counted (all 0 when none is). */
export function labelShares(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total ? c / total : 0));
}

/** The label a categorical value means ("park" for 2 of [home, cafe, park]); undefined for any other value. */
export function labelOf(value: number | null, labels: readonly string[] | undefined): string | undefined {
  return labels && value !== null && Number.isInteger(value) && value >= 0 && value < labels.length
    ? labels[value]
    : undefined;
}
