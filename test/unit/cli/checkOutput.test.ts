// `society check … 2>&1`, as a CI log or a pipe reads it: the problems (stdout) and the count
// (stderr) are one stream there, and a pipe's stdout is written after stderr — the count landed in
// the middle of a problem's line ("…/many.socie1 file checked: 3000 errors") with enough problems.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');

describe('society check, its output piped as one stream', () => {
  it('ends with the count on a line of its own, every problem whole', () => {
    const dir = scratchDir('check-output-');
    const lines = [
      'kind: scenario',
      'name: x',
      'personas: [{ id: a, name: A, interests: [x] }]',
      'world: { rounds: 1 }',
      ...Array.from({ length: 3000 }, (_, i) => `unknown_key_number_${i}: 1`),
    ];
    fs.writeFileSync(path.join(dir, 'many.society'), `${lines.join('\n')}\n`);
    const bin = path.join(repo, 'bin/society.js');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" check many.society 2>&1`], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const out = r.stdout.trimEnd().split('\n');
    assert.equal(out.at(-1), '1 file checked: 3000 errors, 0 warnings');
    const problems = out.slice(0, -1);
    assert.equal(problems.length, 3000);
    for (const line of problems) {
      assert.match(line, /^many\.society:\d+:1: error SOC011 Unknown property '\w+' in scenario$/);
    }
  });
});
