// What a finished run of examples/friends looks like in the workbench, shared by the run test and
// the packaged-extension test: the society view reports the run complete at the last round with
// the 16 personas and their ties drawn, and the workspace's runs/ folder holds one whole trace
// and the final checkpoint.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './codeServer';
import { STEP_MS, type Workbench } from './workbench';
import { loadScenarioFile } from '../../src/core/format/project/load';
import { parseCheckpoint } from '../../src/core/engine/persist/checkpoint';

export const FRIENDS = path.join(REPO, 'examples/friends/friends.society');

/** Waits for the society view to show the finished run; checks it and the trace on disk. */
export async function expectFriendsRunFinished(wb: Workbench, workspace: string): Promise<void> {
  const { scenario } = await loadScenarioFile(FRIENDS, { root: REPO });
  assert.ok(scenario);
  // A webview is an iframe (the host) holding the view's iframe.
  const view = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await view.locator('#society-app[data-ready="true"]').waitFor({ timeout: STEP_MS * 2 });
  await view.locator('.badge', { hasText: 'complete' }).waitFor({ timeout: STEP_MS * 4 });
  await view.locator(`.network[data-round="${scenario.world.rounds}"]`).waitFor();
  assert.equal(await view.locator('.network g.agent').count(), 16);
  assert.equal(await view.locator('.network').getAttribute('data-nodes'), '16');
  const ties = Number(await view.locator('.network').getAttribute('data-edges'));
  assert.equal(await view.locator('.network path.tie').count(), ties);
  assert.ok(Number(await view.locator('.trace').getAttribute('data-total')) > 1000, 'the conversation trace is listed');

  const runs = path.join(workspace, 'runs');
  const dirs = fs.readdirSync(runs);
  assert.equal(dirs.length, 1);
  const events = fs
    .readFileSync(path.join(runs, dirs[0], 'trace.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(events[0].type, 'header');
  // Round 0 (setup) has its round_end too.
  const ended = events.filter((e) => e.type === 'round_end').map((e) => e.round);
  assert.deepEqual(
    ended,
    Array.from({ length: scenario.world.rounds + 1 }, (_, i) => i),
    'a round_end for setup and every round',
  );
  assert.equal(events[events.length - 1].type, 'run_end');
  // The final checkpoint: the run ended, and it belongs to the whole trace (what --resume checks).
  const cp = parseCheckpoint(fs.readFileSync(path.join(runs, dirs[0], 'checkpoint.json'), 'utf8'));
  assert.equal(cp.ended, true);
  assert.equal(cp.completed, scenario.world.rounds);
  assert.equal(cp.agents.length, 16);
  assert.deepEqual(cp.trace, {
    bytes: fs.statSync(path.join(runs, dirs[0], 'trace.jsonl')).size,
    lines: events.length,
  });
}
