// Big Five levels as other simulators write them → our 0..1 trait numbers.
// TinyTroupe writes words ("High. Very imaginative and curious.", "Medium-High", "Very Low");
// generated profiles also use numbers on 0..1, 1..5 (Likert) or 0..100 (percentiles).

/** Level words and where they sit on 0..1; "very" variants are matched before the plain words. */
const LEVELS: [RegExp, number][] = [
  [/\bvery\s+high\b|\bextremely\s+high\b/g, 0.9],
  [/\bvery\s+low\b|\bextremely\s+low\b/g, 0.1],
  [/\bhigh\b|\babove\s+average\b/g, 0.75],
  [/\blow\b|\bbelow\s+average\b/g, 0.25],
  [/\bmedium\b|\bmoderate(?:ly)?\b|\baverage\b|\bmid\b|\bbalanced\b/g, 0.5],
];

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** A number on 0..1, 1..5 or 0..100 as 0..1; undefined outside those. */
export function traitFromNumber(value: number): number | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  if (value <= 1) return round2(value);
  if (value <= 5) return round2((value - 1) / 4);
  if (value <= 100) return round2(value / 100);
  return undefined;
}

/**
 * A number with its scale written out ("1/5", "7 / 10", "85/100"): "/5" is Likert 1..5 (so "1/5" is
 * the lowest level, not 1 on 0..1 as a bare 1 is read), any other scale a fraction of it.
 */
function onScale(n: number, scale: number): number | undefined {
  if (scale === 5) return n >= 1 && n <= 5 ? round2((n - 1) / 4) : undefined;
  return n >= 0 && n <= scale ? round2(n / scale) : undefined;
}

/**
 * The level a description starts with: its first sentence's level words, averaged, so
 * "Medium-High" is 0.63 and "Low to moderate" 0.38. Undefined when it names no level.
 */
export function traitFromText(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^[\d.]+\s*(%|\/\s*(1|5|10|100))?$/.test(trimmed)) {
    const n = Number.parseFloat(trimmed);
    if (trimmed.includes('%')) return onScale(n, 100);
    const scale = /\/\s*(\d+)/.exec(trimmed)?.[1];
    return scale ? onScale(n, Number(scale)) : traitFromNumber(n);
  }
  let phrase = trimmed.toLowerCase().split(/[.;:(]/, 1)[0];
  const found: number[] = [];
  for (const [pattern, level] of LEVELS) {
    phrase = phrase.replace(pattern, () => {
      found.push(level);
      return ' ';
    });
  }
  if (!found.length) return undefined;
  return round2(found.reduce((a, b) => a + b, 0) / found.length);
}

/**
 * Whether a Big Five text says more than its level ("High. Very imaginative and curious."), so
 * the importer keeps it as a memory too. A bare level or number ("Medium-High", "0.2", "7/10")
 * says nothing more; a decimal point is not a sentence break.
 */
export function describesBeyondLevel(text: string): boolean {
  return /[.;:](?!\d)\s*\S/.test(text.trim());
}

/** A Big Five value of any of the shapes above. */
export function traitLevel(value: unknown): number | undefined {
  if (typeof value === 'number') return traitFromNumber(value);
  if (typeof value === 'string') return traitFromText(value);
  return undefined;
}
