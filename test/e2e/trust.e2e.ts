// Issue #10's workspace trust end to end in a real VS Code (code-server + Chromium): the friends
// example opened with trust enabled and the folder untrusted (Restricted Mode). Validation still
// works (a broken persona gets its problem) and an earlier run's trace opens in the society view;
// Society: Run Simulation is refused with a message offering Manage Workspace Trust and writes
// nothing; an include that a symlink leads out of the folder is not read (SOC034), and once the
// user trusts the workspace, which re-validates it, it is refused as every user path leading out
// is (SOC032, issue 58): trust lets the project run, it does not widen the folder.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { REPO } from './codeServer';
import { openTrace } from './openTrace';
import { friendsExample, useWorkbench } from './session';

const BROKEN = 'kind: persona\nid: broken\nname: Broken\nhobby: chess\n';
const GUEST = 'kind: persona\nid: guest\nname: Guest\n';
const LINKED =
  'kind: scenario\nname: Linked\npersonas:\n  - include: personas/*.society\n  - include: shared/*.society\n';

/** An earlier run's trace, made by the CLI: what an untrusted workspace may still be looked at. */
const EARLIER = 'runs/earlier';

/**
 * The friends example with an earlier run, a broken persona, and a scenario including a folder
 * that a symlink leads out of the workspace.
 */
function untrustedWorkspace(ws: string): void {
  friendsExample(ws);
  execFileSync(
    process.execPath,
    [
      path.join(REPO, 'bin/society.js'),
      'run',
      path.join(ws, 'friends.society'),
      '--rounds',
      '3',
      '--out',
      path.join(ws, EARLIER),
    ],
    { stdio: 'ignore' },
  );
  fs.writeFileSync(path.join(ws, 'broken.society'), BROKEN);
  const outside = path.join(ws, '..', 'outside');
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, 'guest.society'), GUEST);
  fs.symlinkSync(outside, path.join(ws, 'shared'));
  fs.writeFileSync(path.join(ws, 'linked.society'), LINKED);
}

describe('workspace trust in VS Code (code-server + Chromium)', function () {
  const s = useWorkbench('trust', untrustedWorkspace, { trust: 'untrusted' });

  it('opens the folder in Restricted Mode', async () => {
    await s.wb.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor();
  });

  it('still validates: the broken persona gets its problem, the outside include a warning', async () => {
    await s.wb.waitForErrors(1);
    const panel = await s.wb.problems();
    await panel.getByText("Unknown property 'hobby' in persona").first().waitFor();
    await panel
      .getByText(
        /Include 'shared\/\*\.society' was not loaded: .* is outside the workspace folder and the workspace is not trusted/,
      )
      .first()
      .waitFor();
    assert.equal((await s.wb.problemCounts()).warnings, 1);
    await s.wb.screenshot('trust-restricted-problems');
  });

  it('refuses Run Simulation with a clear message and writes no run', async () => {
    await s.wb.open('friends.society');
    await s.wb.command('Society: Run Simulation');
    const toast = s.wb.page.locator('.notification-toast', {
      hasText: 'Running a simulation is disabled in Restricted Mode',
    });
    await toast.waitFor();
    const text = await toast.innerText();
    assert.match(text, /this workspace is not trusted/);
    assert.match(
      text,
      /Validation and viewing traces still work; trust the workspace to run simulations and call models\./,
    );
    await toast.getByRole('button', { name: 'Manage Workspace Trust' }).waitFor();
    await s.wb.page.waitForTimeout(800); // let the toast fade in, for the picture
    await s.wb.screenshot('trust-run-refused');
    assert.deepEqual(fs.readdirSync(s.ws('runs')), ['earlier'], 'no run folder was written');
  });

  it('refuses Run Experiment and Set API Key the same way', async () => {
    await s.wb.command('Society: Run Experiment');
    await s.wb.page
      .locator('.notification-toast', { hasText: 'Running an experiment is disabled in Restricted Mode' })
      .waitFor();
    await s.wb.command('Society: Set API Key');
    await s.wb.page
      .locator('.notification-toast', { hasText: 'Using API keys is disabled in Restricted Mode' })
      .waitFor();
    assert.equal(await s.wb.page.locator('.quick-input-widget input').isVisible(), false, 'no key was asked for');
    assert.deepEqual(fs.readdirSync(s.ws('runs')), ['earlier'], 'no experiment folder was written');
  });

  it('still shows an existing trace in the society view', async () => {
    await s.wb.command('Notifications: Clear All Notifications');
    const view = await openTrace(s, `${EARLIER}/trace.jsonl`);
    await view.locator('.network[data-round="3"][data-nodes="16"]').waitFor();
    await s.wb.page.waitForTimeout(1000); // let the layout settle for the picture
    await s.wb.screenshot('trust-trace-view');
  });

  it('re-validates once the workspace is trusted through the button: the link out is refused, not read', async () => {
    await s.wb.command('Society: Run Simulation');
    const toast = s.wb.page
      .locator('.notification-toast', { hasText: 'Running a simulation is disabled in Restricted Mode' })
      .last();
    const trustEditor = s.wb.page.locator('.workspace-trust-editor');
    await act.click(
      s.wb.page,
      "the toast's Manage Workspace Trust",
      toast.getByRole('button', { name: 'Manage Workspace Trust' }),
      trustEditor,
    );
    await act.click(
      s.wb.page,
      'Trust in the trust editor',
      trustEditor.getByRole('button', { name: /^Trust/ }).first(),
      act.gone(s.wb.page.locator('.statusbar-item', { hasText: 'Restricted Mode' })),
      { area: trustEditor },
    );
    for (let i = 0; (await s.wb.problemCounts()).warnings !== 0; i++) {
      if (i > 100) assert.fail('the include warning did not clear after trust was granted');
      await s.wb.page.waitForTimeout(100);
    }
    // The warning became the error every link out of the folder gets; the broken persona is still broken.
    await s.wb.waitForErrors(2);
    const panel = await s.wb.problems();
    await panel
      .getByText(/Include 'shared\/\*\.society' leads outside the workspace folder .* through a symbolic link/)
      .first()
      .waitFor();
    assert.equal((await s.wb.problemCounts()).errors, 2);
    await s.wb.screenshot('trust-trusted-problems');
  });
});
