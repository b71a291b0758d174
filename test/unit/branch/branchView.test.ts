// Issue 73: a branch made from the society view scrubbed to round 4 is a branch at round 5 (its
// edits at 5's start). Its title named round 5 where the person had picked 4; now the title names
// the last round it shares with its parent, and that is where its trace departs. And a branch's
// rounds before N are its parent's: a view is not waited on while they re-run (in the editor each
// waited up to a second for the branch's view to open), only from the branch point on.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { RunHarness } from '../../../src/core/run/runHarness';
import { readParentRun } from '../../../src/core/branch/parentRun';
import { openBranch } from '../../../src/core/branch/fork';
import { branchPoint, branchTitle } from '../../../src/core/branch/branchName';

const FRIENDS = path.resolve(__dirname, '../../../examples/friends/friends.society');
const ROUNDS = 8;

describe('a branch as the society view makes it (issue 73)', function () {
  let dir: string;
  let sc: Scenario;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-branch-view-'));
    const loaded = await loadScenarioFile(FRIENDS);
    assert.ok(loaded.scenario);
    sc = loaded.scenario;
    const parent = path.join(dir, 'parent');
    fs.mkdirSync(parent);
    const h = RunHarness.open(sc, {
      simulation: { rounds: ROUNDS, file: path.relative(parent, FRIENDS) },
      trace: { path: path.join(parent, 'trace.jsonl') },
      checkpoints: { path: path.join(parent, 'checkpoint.json') },
    });
    assert.equal((await h.run()).status, 'completed');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is titled by the round on screen, the last one its trace shares with the parent', async () => {
    const onScreen = 4;
    const round = onScreen + 1; // Branch… on the timeline (webview/panels/timeline.ts)
    const title = branchTitle('Friends', 'parent', round);
    assert.equal(title, 'Friends (branch of parent after round 4)');
    assert.doesNotMatch(title, /round 5/);
    assert.equal(branchPoint(1), 'from the start');
    const out = path.join(dir, 'titled');
    fs.mkdirSync(out);
    const parent = await readParentRun(path.join(dir, 'parent'));
    const edits = [{ edit: 'setting' as const, path: 'coaching.enabled', value: false }];
    await openBranch({ parent, scenario: sc, scenarioFile: FRIENDS, round, edits, out }).run();
    const events = fs
      .readFileSync(path.join(out, 'trace.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; round?: number });
    const edit = events.findIndex((e) => e.type === 'intervention');
    assert.equal(events[edit].round, onScreen + 1, 'the edits open the round after the one named');
    const before = events.slice(0, edit).filter((e) => e.type === 'round_end');
    assert.equal(before[before.length - 1].round, onScreen, 'the last round shared is the one named');
  });

  it('waits on a view only from the branch point on, not while the parent’s rounds re-run', async () => {
    const round = 6;
    const out = path.join(dir, 'paced');
    fs.mkdirSync(out);
    const parent = await readParentRun(path.join(dir, 'parent'));
    const waited: number[] = [];
    const branch = openBranch(
      { parent, scenario: sc, scenarioFile: FRIENDS, round, edits: [], out },
      { pace: async (r) => void waited.push(r) },
    );
    assert.equal((await branch.run()).result.status, 'completed');
    // After round 5 (the branch point, on screen when Branch… was pressed) and each round after.
    assert.deepEqual(waited, [5, 6, 7, 8]);
  });
});
