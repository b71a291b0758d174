// A long tool's progress crosses a process boundary as lines on stderr (core/tools/progressLines.ts):
// a host must read them whole however the pipe cuts them, keep them out of the errors it shows, and
// take nothing else for one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { progressLine, readProgressLine, type ToolProgress } from '../../../src/core/tools/progressLines';
import { runSociety } from '../../../src/core/tools/societyProcess';
import { scratchDir } from '../../support/scratch';

describe('progress lines from a society child', () => {
  it('round-trips, and refuses what is not a count of something known', () => {
    const p: ToolProgress = { done: 3, total: 12, of: 'runs' };
    assert.deepEqual(readProgressLine(progressLine(p).trimEnd()), p);
    for (const bad of [
      'society-progress {"done":13,"total":12,"of":"runs"}',
      'society-progress {"done":-1,"total":12,"of":"runs"}',
      'society-progress {"done":1.5,"total":12,"of":"runs"}',
      'society-progress {"done":1,"total":12,"of":"__proto__"}',
      'society-progress {"done":1,"total":12',
      'society-progress null',
      'progress {"done":1,"total":12,"of":"runs"}',
    ]) {
      assert.equal(readProgressLine(bad), undefined, bad);
    }
  });

  it('are read whole across chunks and left out of the stderr returned; other lines are kept', async () => {
    const dir = scratchDir('progress-lines-');
    const bin = path.join(dir, 'child.js');
    // The child cuts a progress line in two writes, with a pause between (two chunks on the pipe).
    fs.writeFileSync(
      bin,
      `process.stderr.write('warning: one\\nsociety-progress {"done":1,');
       setTimeout(() => process.stderr.write('"total":2,"of":"runs"}\\nsociety-progress {"done":2,"total":2,"of":"runs"}\\nlast words'), 50);`,
    );
    const heard: ToolProgress[] = [];
    const out = await runSociety(bin, [], { cwd: dir, onProgress: (p) => heard.push(p) });
    assert.equal(out.code, 0);
    assert.deepEqual(heard, [
      { done: 1, total: 2, of: 'runs' },
      { done: 2, total: 2, of: 'runs' },
    ]);
    assert.equal(out.stderr, 'warning: one\nlast words');
    // Without a listener the child is not asked for them, and stderr is passed on as it came.
    const plain = await runSociety(bin, [], { cwd: dir });
    assert.match(plain.stderr, /society-progress/);
  });
});
