// Issue 61 in a real VS Code: a run started in the editor (Run Simulation) shows in the runs'
// panel; Branch… on its scrubber used to replace that view with the branch's. The branch now
// opens in a panel of its own beside the parent's, which goes on showing the parent.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { friendsExample, useWorkbench } from './session';
import { STEP_MS } from './workbench';

const ROUNDS = 6;

function shortFriends(ws: string): void {
  friendsExample(ws);
  const file = path.join(ws, 'friends.society');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^ {2}rounds: \d+/m, `  rounds: ${ROUNDS}`));
}

describe('a branch opens beside its parent (code-server + Chromium)', function () {
  const s = useWorkbench('branch-beside', shortFriends);

  it("Branch… on a run's view leaves the parent's view and opens the branch beside it", async () => {
    const page = s.wb.page;
    await s.wb.open('friends.society');
    await s.wb.command('Society: Run Simulation');
    const views = page.locator('iframe.webview.ready');
    const parent = page.frameLocator('iframe.webview.ready >> nth=0').frameLocator('#active-frame');
    await parent.locator('.badge', { hasText: 'complete' }).waitFor({ timeout: STEP_MS * 4 });
    await parent.locator('.timeline-range').fill('3');
    await parent.locator('.network[data-round="3"]').waitFor();
    const quick = page.locator('.quick-input-widget');
    const row = (text: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: text });
    const titled = (text: string) => quick.locator('.quick-input-title', { hasText: text });
    await act.click(page, 'Branch… in the scrubber', parent.locator('button.timeline-branch'), titled('Branch'));
    await act.click(page, 'Change a setting', row('Change a setting'), titled('Change a setting'), { area: quick });
    await act.click(page, 'focus the setting input', quick.locator('input'), quick.locator('input:focus'), {
      area: quick,
    });
    await page.keyboard.type('coaching.enabled=false', { delay: 20 });
    await page.keyboard.press('Enter');
    await row('coaching.enabled = false').waitFor();
    await act.click(page, 'Branch with this edit', row('Branch with this edit'), act.hidden(quick), { area: quick });

    // Two society views: the branch's is the new one, and the parent's still shows the parent.
    await page.waitForFunction(() => document.querySelectorAll('iframe.webview.ready').length >= 2, undefined, {
      timeout: STEP_MS * 2,
    });
    const branch = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('#active-frame');
    await branch.locator('.badge', { hasText: 'complete' }).waitFor({ timeout: STEP_MS * 4 });
    assert.equal(await views.count(), 2);
    const tabs = await page.locator('.tab .label-name').allInnerTexts();
    assert.ok(
      tabs.some((t) => /\(run\)$/.test(t)) && tabs.some((t) => /branch of .* after round 3\)$/.test(t)),
      tabs.join(' | '),
    );
    // Side by side: two editor groups, the branch's to the right of the parent's.
    assert.ok((await page.locator('.editor-group-container').count()) >= 2);
    await page.waitForTimeout(1000);
    await s.wb.screenshot('branch-beside-parent');
  });
});
