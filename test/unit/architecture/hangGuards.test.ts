// A unit test's time limit is a hang guard (test/unit/.mocharc.cjs), never a clock: a limit near a
// test's quiet running time failed a fresh clone beside two busy processes (issue 74). Only two
// kinds of own limit stay: a few seconds around work that is linear where a regression made it take
// minutes (a thousand times its work), and the state waits' own bound (STATE_WAIT_MS).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const UNIT = path.resolve(__dirname, '..');
/** The unit stage's folder and the scale stage's (test/scale: the same rule, a hang guard of its own). */
const FOLDERS = [UNIT, path.resolve(UNIT, '../scale')];
/** Own limits at or below this guard a complexity regression (work of milliseconds). */
const COMPLEXITY_GUARD_MS = 10_000;

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? testFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

/** Each `this.timeout(...)` of a source whose limit is a clock: a number above the complexity guard. */
export function clockLimits(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/this\.timeout\(([^)]*)\)/g)) {
    const arg = m[1].trim();
    if (/STATE_WAIT_MS/.test(arg)) continue;
    const value = /^[\d_]+$/.test(arg) ? Number(arg.replace(/_/g, '')) : NaN;
    if (!(value <= COMPLEXITY_GUARD_MS)) found.push(m[0]);
  }
  return found;
}

describe('architecture: hang guards, not clocks', () => {
  it('no unit or scale test sets a time limit of its own between a complexity guard and the stage hang guard', () => {
    const others = FOLDERS.flatMap(testFiles).filter((f) => path.resolve(f) !== path.resolve(__filename));
    assert.ok(
      others.some((f) => f.includes(`${path.sep}scale${path.sep}`)),
      'the scale stage is looked at too',
    );
    const offenders = others.flatMap((f) =>
      clockLimits(fs.readFileSync(f, 'utf8')).map((t) => `${path.relative(path.dirname(UNIT), f)}: ${t}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('the check itself names clock limits and passes guards', () => {
    assert.deepEqual(clockLimits('this.timeout(120000); this.timeout(30_000); this.timeout(3000);'), [
      'this.timeout(120000)',
      'this.timeout(30_000)',
    ]);
    assert.deepEqual(clockLimits('this.timeout(3 * STATE_WAIT_MS);'), []);
    assert.deepEqual(clockLimits('this.timeout(limit);'), ['this.timeout(limit)']);
  });
});
