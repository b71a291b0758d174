// The ties one run ends with and the other does not: directed (a tie from x to y is not one from
// y to x), each with its strength in the run that has it and in the other (below its threshold,
// or null where the pair never had a tie there).
import { tieKey, type RunDigest } from './runDigest';

export interface UnsharedTie {
  from: string;
  to: string;
  /** How `from` and `to` read (persona names), as everywhere else people are shown. */
  fromName: string;
  toName: string;
  /** Its strength in the run that holds it. */
  strength: number;
  /** Its strength in the other run (below that run's threshold); null: no tie there at all. */
  other: number | null;
}

export interface TieDifference {
  /** Ties present at the end in both. */
  shared: number;
  onlyA: UnsharedTie[];
  onlyB: UnsharedTie[];
}

function only(x: RunDigest, y: RunDigest): UnsharedTie[] {
  const held = new Set(y.ties.map((t) => tieKey(t.from, t.to)));
  return x.ties
    .filter((t) => !held.has(tieKey(t.from, t.to)))
    .map((t) => ({
      from: t.from,
      to: t.to,
      fromName: x.labels.get(t.from) ?? t.from,
      toName: x.labels.get(t.to) ?? t.to,
      strength: t.strength,
      other: y.strengths.get(tieKey(t.from, t.to)) ?? null,
    }));
}

export function tieDifference(a: RunDigest, b: RunDigest): TieDifference {
  const onlyA = only(a, b);
  return { shared: a.ties.length - onlyA.length, onlyA, onlyB: only(b, a) };
}
