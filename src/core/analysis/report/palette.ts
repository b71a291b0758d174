// Colours of the report's pictures: a categorical palette (Tableau 10) for groups and series.
export const CATEGORY_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

/** Colour of the i-th category; cycles past ten (a picture of categories uses categoryKey.ts, which does not). */
export function categoryColor(index: number): string {
  return CATEGORY_COLORS[index % CATEGORY_COLORS.length];
}

/** Tableau 10's neutral grey (its tenth colour): the colour of categories grouped as "other". */
export const OTHER_COLOR = CATEGORY_COLORS[9];

/** Viridis at five stops: a sequential scale for numeric attributes (age, a trait), legible in print and to most colour-blind readers. */
const SEQUENTIAL_STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** Colour of `t` ∈ [0, 1] on the sequential scale (clamped), linear between the stops. */
export function sequentialColor(t: number): string {
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (SEQUENTIAL_STOPS.length - 1);
  const i = Math.min(SEQUENTIAL_STOPS.length - 2, Math.floor(x)),
    f = x - i;
  const [a, b] = [SEQUENTIAL_STOPS[i], SEQUENTIAL_STOPS[i + 1]];
  return `#${a
    .map((v, k) =>
      Math.round(v + (b[k] - v) * f)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Colour of an agent without a value on a numeric scale: the grey "other" categories share. */
export const NO_VALUE_COLOR = OTHER_COLOR;
