// "Did you mean …?" (format/model/suggest.ts): the same answer as comparing the word with every
// candidate in full, and in time for a file of 20,000 personas that name as many unknown ids
// (each reference compared with every id took six minutes).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { didYouMean, editDistance, Suggester } from '../../../src/core/format/model/suggest';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace } from '../../../src/core/format';

/** The distance in full: optimal string alignment, the whole table. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** The rule in full: every candidate's distance, the first at the least, if within a third of the word (1 to 3). */
function fullSuggestion(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined,
    bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const distance = fullDistance(lower, c.toLowerCase());
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

// Few letters, so that near misses, transpositions and case changes are common.
const wordArb = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', '1') });

describe('did you mean', () => {
  it('gives what comparing with every candidate in full gives', () => {
    fc.assert(
      fc.property(wordArb, fc.array(wordArb, { maxLength: 25 }), (word, candidates) => {
        assert.equal(didYouMean(word, candidates), fullSuggestion(word, candidates));
        const s = new Suggester(candidates);
        assert.equal(s.suggest(word), fullSuggestion(word, candidates), 'first asked');
        assert.equal(s.suggest(word), fullSuggestion(word, candidates), 'asked again');
      }),
      { numRuns: 2000 },
    );
  });

  it('measures the distance as the full table does', () => {
    fc.assert(
      fc.property(wordArb, wordArb, (a, b) => {
        if (Math.abs(a.length - b.length) <= 3) assert.equal(editDistance(a, b), fullDistance(a, b));
      }),
      { numRuns: 2000 },
    );
    assert.equal(editDistance('ab'.repeat(40), 'ba'.repeat(40)), fullDistance('ab'.repeat(40), 'ba'.repeat(40)));
  });

  it('answers 20,000 references to unknown ids among 20,000 personas, near misses named', async function () {
    const n = 20_000;
    const file = path.resolve('/virtual/suggest/s.society');
    const lines = ['kind: scenario', 'name: Many', 'world: { rounds: 1 }', 'personas:'];
    for (let i = 0; i < n; i++) {
      // Every tenth a near miss of a real id, the rest ids that are nowhere near any.
      const other = i % 10 === 0 ? `p${String((i + 1) % n).padStart(5, '0')}x` : `zz${i}`;
      lines.push(`  - { id: p${String(i).padStart(5, '0')}, name: P, relationships: [{ with: ${other}, note: hi }] }`);
    }
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    overlay.set(file, [...lines, ''].join('\n'));
    const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, {
      build: false,
    });
    const unknown = r.diagnostics.filter((d) => d.code === 'SOC021');
    assert.equal(unknown.length, n);
    assert.match(unknown[0].message, /Unknown persona id 'p00001x' in relationship\. Did you mean 'p00001'\?/);
    assert.match(unknown[1].message, /Unknown persona id 'zz1' in relationship$/);
  });
});
