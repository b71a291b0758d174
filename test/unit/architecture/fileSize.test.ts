// No .ts file in src/ or webview/ is over 400 lines (issue 74): a longer file holds several ideas
// that want files and names of their own. An exception is named, dated and says why; it must go
// as soon as its file is back under the limit.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { sourcesUnder } from './ladder';

const LIMIT = 400;
const ROOT = path.resolve(__dirname, '../../..');

/**
 * Files allowed over the limit for now: path from the repo root → 'YYYY-MM-DD: why'. Empty since
 * issue 74 split the twelve files that were over it; an entry is a debt with a date, not a waiver.
 */
const EXCEPTIONS: Readonly<Record<string, string>> = {};

/** Lines of `text` as an editor numbers them (a final newline starts no line). */
export function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Every .ts file under src/ and webview/ with its length, paths from the repo root. */
function lengths(): Map<string, number> {
  const out = new Map<string, number>();
  for (const dir of ['src', 'webview']) {
    for (const [file, text] of sourcesUnder(path.join(ROOT, dir))) out.set(`${dir}/${file}`, lineCount(text));
  }
  return out;
}

describe('architecture: file size', () => {
  const all = lengths();

  it(`has no file over ${LIMIT} lines in src/ or webview/ beyond the named exceptions`, () => {
    assert.ok(all.size > 200);
    const long = [...all]
      .filter(([file, lines]) => lines > LIMIT && !(file in EXCEPTIONS))
      .map(([file, lines]) => `${file} (${lines} lines)`);
    assert.deepEqual(long, []);
    // Printed so the run's log shows how near the limit the house is, and where.
    const largest = [...all].sort((x, y) => y[1] - x[1]).slice(0, 5);
    console.log(`      largest of ${all.size} files: ${largest.map(([f, n]) => `${f} ${n}`).join(', ')}`);
  });

  it('keeps no exception whose file is gone or back under the limit', () => {
    const stale = Object.keys(EXCEPTIONS).filter((file) => (all.get(file) ?? 0) <= LIMIT);
    assert.deepEqual(stale, []);
  });

  it('counts lines as an editor does', () => {
    assert.equal(lineCount('a\nb\n'), 2);
    assert.equal(lineCount('a\nb'), 2);
    assert.equal(lineCount(''), 0);
  });
});
