// A page's heading outline for tests: one h1, and no level skipped on the way down (h1 → h3).
import assert from 'node:assert/strict';

/** The levels of the headings in `markup`, in order. */
export function headingLevels(markup: string): number[] {
  return [...markup.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
}

export function assertHeadingOutline(markup: string): void {
  const levels = headingLevels(markup);
  assert.deepEqual(
    levels.filter((l) => l === 1),
    [1],
    `one h1: ${levels.join(' ')}`,
  );
  assert.equal(levels[0], 1, 'the h1 comes first');
  levels.forEach((level, i) => {
    if (i > 0) assert.ok(level <= levels[i - 1] + 1, `h${levels[i - 1]} then h${level}: a level skipped`);
  });
}
