// Issue 73: "no command writes or opens report.html". Society: Write Report… on a run of the
// workspace's runs folder: the bundled CLI writes the report beside the trace and the editor opens
// it rendered.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { REPO } from './codeServer';
import { friendsExample, useWorkbench } from './session';
import { STEP_MS } from './workbench';

function friendsWithRun(ws: string): void {
  friendsExample(ws);
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, 'bin/society.js'), 'run', 'friends.society', '--rounds', '3', '--out', 'runs/three-rounds', '-q'],
    { cwd: ws, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  // An experiment with two conditions (coaching on and off), two seeds of two rounds.
  const e = spawnSync(
    process.execPath,
    [
      path.join(REPO, 'bin/society.js'),
      'experiment',
      'friends.society',
      '--seeds',
      '1-2',
      '--rounds',
      '2',
      '--out',
      'runs/coaching-experiment',
      '-q',
    ],
    { cwd: ws, encoding: 'utf8' },
  );
  if (e.status !== 0) throw new Error(e.stderr);
}

describe('Write Report and Compare Conditions from the editor (code-server + Chromium)', function () {
  const s = useWorkbench('write-report', friendsWithRun);

  it("writes a run's report.html with the bundled CLI and opens it rendered", async () => {
    const page = s.wb.page;
    assert.ok(!fs.existsSync(s.ws('runs/three-rounds/report.html')));
    await s.wb.commandAsking('Society: Write Report…', 'Write Report: which run?');
    await s.wb.pick('three-rounds');
    await page.locator('.tab.active', { hasText: 'report.html' }).waitFor({ timeout: STEP_MS * 2 });
    await page.locator('.breadcrumbs-control', { hasText: 'three-rounds' }).first().waitFor();
    // The saved page in its sandboxed frame inside the page editor's shell (views/savedPage.ts).
    const report = page
      .frameLocator('iframe.webview.ready >> visible=true')
      .frameLocator('#active-frame')
      .frameLocator('iframe[title="page"]');
    await report.locator('#network h2', { hasText: 'Tie network' }).waitFor({ timeout: STEP_MS });
    for (const f of ['report.html', 'metrics.json', 'series.csv']) {
      assert.ok(fs.existsSync(s.ws(`runs/three-rounds/${f}`)), `${f} written beside the trace`);
    }
    await page.waitForTimeout(500);
    await s.wb.screenshot('write-report');
  });

  it("compares an experiment's two conditions, paired by seed (Compare Conditions)", async () => {
    const page = s.wb.page;
    await s.wb.commandAsking('Society: Compare Conditions…', 'which experiment');
    await s.wb.pick('coaching-experiment');
    // The scenario's order and names: uncoached (its first condition) is A.
    await page
      .locator('.tab.active', { hasText: 'Compare: coaching-experiment · uncoached ↔ coached' })
      .waitFor({ timeout: STEP_MS * 2 });
    const shown = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('#active-frame');
    await shown
      .getByText(/A: uncoached \(2 runs\); B: coached \(2 runs\); 2 pairs by seed/)
      .first()
      .waitFor({ timeout: STEP_MS });
    await page.waitForTimeout(500);
    await s.wb.screenshot('compare-conditions');
  });

  it('has `society` in a new terminal, as the walkthrough and the scaffolds print it', async () => {
    const page = s.wb.page;
    const out = s.ws('society-version.txt');
    await s.wb.command('Terminal: Create New Terminal');
    const terminal = page.locator('.terminal-wrapper.active .xterm');
    await terminal.waitFor({ timeout: STEP_MS });
    // Typed until its effect is there: a shell still starting may drop the first keys.
    const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version as string;
    await act.until(
      page,
      'run society --version in the terminal',
      async (timeout) => {
        await terminal.locator('.xterm-helper-textarea').focus({ timeout });
        await page.keyboard.type('society --version > society-version.txt', { delay: 10 });
        await page.keyboard.press('Enter');
      },
      async () => fs.existsSync(out),
      { area: terminal },
    );
    const deadline = Date.now() + STEP_MS;
    while (!fs.readFileSync(out, 'utf8').trim() && Date.now() < deadline) await page.waitForTimeout(200);
    assert.equal(fs.readFileSync(out, 'utf8').trim(), version);
  });
});
