// Issue 46 in a real VS Code: a finished run opened in the society view, the scrubber moved to
// round 4, Branch… pressed; the quick pick takes an edit (coaching off) and branches; the branch
// runs live in its own view and lands beside its parent as runs/parent-r5, its trace the parent's
// byte for byte through round 5's start, then the edit. The picker and the view's tab name round 4,
// the round that was on screen (issue 73: they said "at round 5"). Screenshots of the picker and the branch.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { REPO } from './codeServer';
import { openTrace } from './openTrace';
import { friendsExample, useWorkbench } from './session';
import { STEP_MS } from './workbench';

const ROUNDS = 8;

const runEnded = (file: string): boolean =>
  fs.existsSync(file) && fs.readFileSync(file, 'utf8').trimEnd().split('\n').pop()!.startsWith('{"type":"run_end"');

function withParentRun(ws: string): void {
  friendsExample(ws);
  const r = spawnSync(
    process.execPath,
    [
      path.join(REPO, 'bin/society.js'),
      'run',
      'friends.society',
      '--rounds',
      String(ROUNDS),
      '--out',
      'runs/parent',
      '-q',
    ],
    { cwd: ws, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`the parent run failed: ${r.stderr}`);
}

describe('branching a run in VS Code (code-server + Chromium)', function () {
  const s = useWorkbench('branch', withParentRun);

  it('branches from the society view’s scrubber with an edit, and the branch is its parent until then', async () => {
    const page = s.wb.page;
    const view = await openTrace(s, 'runs/parent/trace.jsonl');
    await view.locator('.badge', { hasText: 'complete' }).waitFor({ timeout: STEP_MS * 2 });
    await view.locator('.timeline-range').fill('4');
    await view.locator('.network[data-round="4"]').waitFor();
    const branch = view.locator('button.timeline-branch');
    assert.equal(await branch.isVisible(), true, 'Branch… is offered for a trace on disk');
    const quick = page.locator('.quick-input-widget');
    const row = (text: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: text });
    const titled = (text: string) => quick.locator('.quick-input-title', { hasText: text });
    await act.click(page, 'Branch… in the scrubber', branch, titled('Branch parent after round 4'));
    await act.click(page, 'Change a setting', row('Change a setting'), titled('Change a setting'), { area: quick });
    // The keyboard can stay in the webview the pick was opened from: put it in the pick's input.
    await act.click(page, 'focus the setting input', quick.locator('input'), quick.locator('input:focus'), {
      area: quick,
    });
    await page.keyboard.type('coaching.enabld=false', { delay: 20 });
    await page.keyboard.press('Enter');
    await quick.locator('.quick-input-title', { hasText: 'Branch parent after round 4' }).waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'coaching.enabld = false' }).waitFor();
    // A typo is caught when the branch is checked against the parent: fix it by removing and re-adding.
    await act.click(
      page,
      'remove the typo',
      row('coaching.enabld = false'),
      act.hidden(row('coaching.enabld = false')),
      {
        area: quick,
      },
    );
    await act.click(page, 'Change a setting again', row('Change a setting'), titled('Change a setting'), {
      area: quick,
    });
    await act.click(page, 'focus the setting input again', quick.locator('input'), quick.locator('input:focus'), {
      area: quick,
    });
    await page.keyboard.type('coaching.enabled=false', { delay: 20 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'coaching.enabled = false' }).waitFor();
    await s.wb.screenshot('branch-edits');
    await act.click(page, 'Branch with this edit', row('Branch with this edit'), act.hidden(quick), { area: quick });

    const out = s.ws('runs/parent-r5');
    for (let i = 0; i < (STEP_MS * 4) / 500 && !runEnded(path.join(out, 'trace.jsonl')); i++) {
      await page.waitForTimeout(500);
    }
    assert.ok(runEnded(path.join(out, 'trace.jsonl')), 'the branch ran to its end');
    // Its own view, beside the parent's: the last webview opened.
    const live = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('#active-frame');
    await live.locator('.badge', { hasText: 'complete' }).waitFor({ timeout: STEP_MS });
    await page.waitForTimeout(1500);
    await s.wb.screenshot('branch-view');
    // Issue 73: titled by the round that was on screen (the last it shares with its parent), not
    // the round its edits open: the tab, the picker and the trace below agree.
    const tabs = await page.locator('.tab .label-name').allInnerTexts();
    assert.ok(
      tabs.some((t) => t.endsWith('(branch of parent after round 4)')),
      tabs.join(' | '),
    );

    const parent = fs.readFileSync(s.ws('runs/parent/trace.jsonl'), 'utf8').split('\n');
    const mine = fs.readFileSync(path.join(out, 'trace.jsonl'), 'utf8').split('\n');
    const start = parent.findIndex((l) => l.startsWith('{"type":"round_start","round":5,'));
    assert.deepEqual(
      mine.slice(0, start + 1),
      parent.slice(0, start + 1),
      'the parent’s trace through round 5’s start',
    );
    assert.deepEqual(JSON.parse(mine[start + 1]).edits, [{ edit: 'setting', path: 'coaching.enabled', value: false }]);
    assert.ok(!mine.slice(start).some((l) => l.includes('"type":"advice"')), 'no coaching after the edit');
    const record = JSON.parse(fs.readFileSync(path.join(out, 'branch.json'), 'utf8')) as {
      round: number;
      parent: { folder: string };
    };
    assert.equal(record.round, 5);
    assert.equal(record.parent.folder, path.join('..', 'parent'));
  });
});
