// Issue #9 in a real VS Code (code-server + Chromium): Society: Run Experiment on the friends
// example runs every condition × seed and shows the same report `society experiment` writes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, startCodeServer, type CodeServer } from './codeServer';
import { STEP_MS, Workbench } from './workbench';

describe('running an experiment in VS Code (code-server + Chromium)', function () {
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
      await wb?.screenshot('FAILED-experiment').catch(() => undefined);
    }
  });

  after(async function () {
    await wb?.close();
    await server?.stop();
    if (failed && server) console.error(`  code-server log (tail):\n${server.log().slice(-3000)}\n  kept ${server.tmp}`);
    else if (server) fs.rmSync(server.tmp, { recursive: true, force: true });
  });

  it('runs conditions × seeds and shows the report with the paper\'s claims', async () => {
    await wb!.open('friends.society');
    await wb!.command('Society: Run Experiment');
    const report = wb!.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await report.locator('h2', { hasText: "The seed paper's claims" }).waitFor({ timeout: STEP_MS * 4 });
    const verdicts = await report.locator('td.holds, td.fails').allInnerTexts();
    assert.equal(verdicts.length, 8, 'two coaching claims and three baseline claims per condition');
    assert.ok(verdicts.every((v) => v.startsWith('holds')), verdicts.join(' | '));
    await wb!.screenshot('experiment-report');
    const runs = path.join(server!.workspace, 'runs');
    const dir = fs.readdirSync(runs).find((d) => d.includes('experiment'));
    assert.ok(dir, 'the experiment wrote its folder under runs/');
    const csv = fs.readFileSync(path.join(runs, dir, 'runs.csv'), 'utf8').trim().split('\n');
    assert.equal(csv.length, 1 + 2 * 10, 'one row per condition × seed');
  });
});
