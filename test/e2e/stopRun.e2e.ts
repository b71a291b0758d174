// QA #1 end to end: a long offline run in the editor used to starve the workbench — Society: Stop
// took ~12 s (≈110 rounds) to act and a completion ~14 s, because every round's events were
// posted to the society view at once and queued up the channel that commands and completions
// travel on. Now the view takes them one message at a time and the run waits for it: during a
// 3,000-round run a completion comes back and Stop acts within a few rounds. Also QA #5: Run
// Simulation on a persona file runs the scenario that includes it. And the view draws the run
// as it goes, not a blank stage while a backlog catches up.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { friendsExample, useWorkbench } from './session';
import { STEP_MS } from './workbench';

const ROUNDS = 3000;

describe('stopping a long run in VS Code (code-server + Chromium)', function () {
  const s = useWorkbench('stop-run', (ws) => {
    friendsExample(ws);
    const f = path.join(ws, 'friends.society');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^ {2}rounds: \d+$/m, `  rounds: ${ROUNDS}`));
  });

  it('Run Simulation on a persona runs its scenario; completions answer and Stop acts within a few rounds', async () => {
    const page = s.wb.page;
    await s.wb.open('personas/maya_chen.society');
    await s.wb.command('Society: Run Simulation');
    const status = page.locator('.statusbar-item', { hasText: /Society: round \d+\/3000/ }).first();
    await status.waitFor({ timeout: STEP_MS * 2 });
    const round = async () => Number(/round (\d+)\//.exec(await status.innerText().catch(() => '')!)?.[1] ?? NaN);
    for (const deadline = Date.now() + STEP_MS * 2; (await round().catch(() => 0)) < 20 && Date.now() < deadline;) {
      await page.waitForTimeout(200);
    }
    assert.ok((await round()) >= 20, 'the run goes on');
    // The persona file stayed a persona: the run is of friends.society.
    assert.ok(
      (await page.locator('.tab', { hasText: 'Learning to make friends (run)' }).count()) === 1,
      'the run panel shows the scenario',
    );

    // A completion during the run (it took ~14 s before the fix).
    await s.wb.showTab('maya_chen.society');
    // (the tab gives the editor the focus; a click on its first line would hit the memory CodeLens)
    await s.wb.open('personas/maya_chen.society');
    // To the end of the file, checked in the status bar and pressed again if need be: a Control+End
    // was once lost while quick open closed, and the Enter then went to line 1. (Not Go to Line:
    // its quick input left the society view blank in the screenshot.)
    const text = fs.readFileSync(path.join(s.server.workspace, 'personas', 'maya_chen.society'), 'utf8');
    const atEnd = page.locator('[id="status.editor.selection"]', { hasText: `Ln ${text.split('\n').length}, Col 1` });
    for (let attempt = 0; attempt < 3 && !(await atEnd.isVisible()); attempt++) {
      await page.keyboard.press('Control+End');
      await atEnd.waitFor({ timeout: STEP_MS / 6 }).catch(() => undefined);
    }
    await atEnd.waitFor({ timeout: STEP_MS / 6 });
    await page.keyboard.press('Enter');
    const roundAsked = await round();
    const asked = Date.now();
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await widget
      .locator('.monaco-list-row')
      .first()
      .or(widget.getByText('No suggestions'))
      .first()
      .waitFor({ timeout: STEP_MS });
    const completionMs = Date.now() - asked;
    const roundAnswered = await round();
    await page.keyboard.press('Escape');

    const before = await round();
    const issued = Date.now();
    await s.wb.command('Society: Stop');
    // "during round 12 (11 of 300 rounds complete)": where it was stopped, and what the trace holds (issue 73).
    const toast = page.locator('.notification-toast', {
      hasText: /Stopped Learning to make friends during round \d+ \(\d+ of \d+ rounds? complete\)/,
    });
    await toast.waitFor({ timeout: STEP_MS * 2 });
    const stopMs = Date.now() - issued;
    const stoppedAt = Number(/\((\d+) of \d+ rounds? complete\)/.exec(await toast.innerText())![1]);
    console.log(
      `    completion during the run: ${completionMs} ms (rounds ${roundAsked} → ${roundAnswered}); Stop at round ${before} → stopped after round ${stoppedAt} in ${stopMs} ms`,
    );
    // Counted, not timed: Stop acts, and a completion answers, within a few rounds of being asked
    // (before the fix: ~110 rounds, 12-14 s). A loaded machine slows the run and the workbench
    // alike, so it stretches milliseconds, not rounds. The time bounds are an order of magnitude
    // wider than the old 3 s and 5 s: they say "the host did not hang" (figures printed above).
    assert.ok(stoppedAt - before <= 40, `Stop at round ${before} acted after round ${stoppedAt}`);
    assert.ok(
      roundAnswered - roundAsked <= 40,
      `the run went from round ${roundAsked} to ${roundAnswered} while the completion was asked for`,
    );
    assert.ok(completionMs < 30_000, `completion took ${completionMs} ms during the run`);
    assert.ok(stopMs < 50_000, `Stop took ${stopMs} ms`);
    assert.ok(stoppedAt < ROUNDS);
    // The view shows the run while it goes. (It used to stay blank past the stop in 5 of 8 runs:
    // the run raced ~20 rounds ahead while the new panel's page loaded, and nothing was drawn
    // until that backlog had arrived. Now the run waits for its view to open.)
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('#society-app[data-ready="true"]').waitFor({ timeout: STEP_MS });
    assert.ok(
      Number(await view.locator('#society-app').getAttribute('data-round')) >= before - 5,
      "the view is near the run's round",
    );
    await s.wb.screenshot('stop-run');
  });
});
