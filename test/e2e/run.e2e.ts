// Issue #6 end to end in a real VS Code (code-server + Chromium): open the friends example, run it
// with Society: Run Simulation, and watch the society view draw the network of its 16 personas;
// the run's trace lands under runs/. A screenshot of the workbench is saved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, startCodeServer, type CodeServer } from './codeServer';
import { STEP_MS, Workbench } from './workbench';
import { loadScenarioFile } from '../../src/core/format/load';

describe('running a society in VS Code (code-server + Chromium)', function () {
  let server: CodeServer | undefined;
  let wb: Workbench | undefined;
  let failed = false;

  before(async function () {
    server = await startCodeServer((ws) => fs.cpSync(path.join(REPO, 'examples/friends'), ws, { recursive: true }));
    wb = await Workbench.open(server);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      failed = true;
      await wb?.screenshot('FAILED-run-simulation').catch(() => undefined);
    }
  });

  after(async function () {
    await wb?.close();
    await server?.stop();
    if (failed && server) console.error(`  code-server log (tail):\n${server.log().slice(-3000)}\n  kept ${server.tmp}`);
    else if (server) fs.rmSync(server.tmp, { recursive: true, force: true });
  });

  it('runs the friends example and shows its 16 personas in the society view', async () => {
    const { scenario } = await loadScenarioFile(path.join(REPO, 'examples/friends/friends.society'), { root: REPO });
    assert.ok(scenario);
    await wb!.open('friends.society');
    await wb!.command('Society: Run Simulation');
    // A webview is an iframe (the host) holding the view's iframe.
    const view = wb!.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('#society-app[data-ready="true"]').waitFor({ timeout: STEP_MS * 2 });
    await view.locator('.badge', { hasText: 'complete' }).waitFor({ timeout: STEP_MS * 4 });
    await view.locator(`.network[data-round="${scenario.world.rounds}"]`).waitFor();
    assert.equal(await view.locator('.network g.agent').count(), 16);
    assert.equal(await view.locator('.network').getAttribute('data-nodes'), '16');
    const ties = Number(await view.locator('.network').getAttribute('data-edges'));
    assert.equal(await view.locator('.network path.tie').count(), ties);
    assert.ok(Number(await view.locator('.trace').getAttribute('data-total')) > 1000, 'the conversation trace is listed');
    await wb!.page.waitForTimeout(1500); // let the layout settle for the picture
    await wb!.screenshot('run-simulation-view');

    const runs = path.join(server!.workspace, 'runs');
    const dirs = fs.readdirSync(runs);
    assert.equal(dirs.length, 1);
    const trace = fs.readFileSync(path.join(runs, dirs[0], 'trace.jsonl'), 'utf8').trimEnd().split('\n');
    assert.equal(JSON.parse(trace[0]).type, 'header');
    assert.equal(JSON.parse(trace[trace.length - 1]).type, 'run_end');
  });
});
