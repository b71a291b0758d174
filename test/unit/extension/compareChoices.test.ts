// What Society: Compare Runs… offers from the runs folder: run folders and folders of run folders
// (one per seed), newest first; folders without a run are not offered.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runChoices } from '../../../src/extension/commands/compareChoices';
import { scratchDir } from '../../support/scratch';

describe('Compare Runs: the runs folder’s choices', () => {
  it('offers runs and folders of runs, newest first, and nothing else', () => {
    const dir = scratchDir('society-compare-choices-');
    const run = (rel: string) => {
      fs.mkdirSync(path.join(dir, rel), { recursive: true });
      fs.writeFileSync(path.join(dir, rel, 'trace.jsonl'), '{}\n');
    };
    run('friends-1');
    run('branches/seed-1');
    run('branches/seed-2');
    run('friends-2');
    for (const [name, at] of [
      ['friends-1', 1000],
      ['branches', 3000],
      ['friends-2', 2000],
    ] as const) {
      fs.utimesSync(path.join(dir, name), at, at);
    }
    fs.mkdirSync(path.join(dir, 'empty'));
    fs.mkdirSync(path.join(dir, 'experiment', 'traces'), { recursive: true });
    assert.deepEqual(
      runChoices(dir).map((c) => [c.name, c.kind, c.runs]),
      [
        ['branches', 'runs', 2],
        ['friends-2', 'run', 1],
        ['friends-1', 'run', 1],
      ],
    );
    assert.deepEqual(runChoices(path.join(dir, 'nowhere')), []);
  });
});
