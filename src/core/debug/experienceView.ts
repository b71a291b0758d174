// What an agent has learned from consequences, for the Variables view: per option it took (or saw
// others take), what followed in each valued quantity beyond the immediate change, against its
// usual (engine/society/experience.ts) — what the offline model adds to that option's worth.
import type { ExperienceBook } from '../engine';
import { nameRecord } from '../text/nameRecord';

const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.round(Math.abs(x) * 100) / 100}`;

export function learnedOf(book: ExperienceBook, id: string): Record<string, string> {
  const out: Record<string, string> = nameRecord();
  for (const [key, vec] of book.lessons(id)) {
    out[key] = Object.entries(vec)
      .map(([q, x]) => `${q} ${signed(x)}`)
      .join(', ');
  }
  return out;
}
