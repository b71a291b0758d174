// Issue #10: the packaged extension works. `npm run package` builds the .vsix; code-server's own
// `--install-extension` installs it into an empty extensions folder (nothing of this checkout is
// copied); then Society: Run Simulation runs the friends example to the end in that VS Code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { REPO } from './codeServer';
import { expectFriendsRunFinished } from './friendsRun';
import { usePackagedVsix } from './packagedVsix';
import { useWorkbench } from './session';
import { zipEntries } from './zipEntries';
import { STEP_MS } from './workbench';

describe('the packaged extension (.vsix) in a clean VS Code (code-server + Chromium)', function () {
  const VSIX = usePackagedVsix('package');
  const s = useWorkbench('package', undefined, { vsix: VSIX });

  it('ships the bundle and the contributed files, not the sources or node_modules', () => {
    const files = zipEntries(VSIX)
      .filter((f) => f.startsWith('extension/'))
      .map((f) => f.slice('extension/'.length));
    for (const f of [
      'package.json',
      'dist/extension.js',
      'dist/webview.js',
      'dist/cli.js',
      'bin/society.js',
      'media/icon.png',
      'schemas/society.schema.json',
      'syntaxes/society.tmLanguage.json',
      'language-configuration.json',
      'docs/diagnostics.md',
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
    ]) {
      assert.ok(files.includes(f), `${f} is in the .vsix`);
    }
    for (const f of files) {
      assert.doesNotMatch(
        f,
        /^(src|test|node_modules|webview|runs|snippets|examples\/cluster)\/|\.map$|\.ts$/,
        `${f} should not ship`,
      );
    }
    assert.ok(
      files.some((f) => f.startsWith('media/walkthrough/')),
      'the walkthrough media ship',
    );
    // The paradigms New Society and Open Example copy (commands/examples.ts), without the cluster recipes.
    for (const id of ['friends', 'public-goods', 'ultimatum', 'trust', 'commons', 'town', 'expert-team']) {
      assert.ok(files.includes(`examples/${id}/${id}.society`), `examples/${id} ships`);
    }
    assert.ok(fs.statSync(VSIX).size < 5 * 1024 * 1024, `the .vsix is ${fs.statSync(VSIX).size} bytes`);
  });

  it('installs with --install-extension, activates and runs the friends example', async () => {
    const installed = path.join(s.server.tmp, 'extensions');
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const dir = fs.readdirSync(installed).find((d) => d.startsWith(`${pkg.publisher}.${pkg.name}-`));
    assert.ok(dir, `the extension is in ${installed}`);
    assert.ok(
      !fs.existsSync(path.join(installed, dir, 'src')),
      'installed from the .vsix, not copied from the checkout',
    );

    await s.wb.open('friends.society');
    await s.wb.command('Society: Run Simulation');
    await expectFriendsRunFinished(s.wb, s.server.workspace);
    await s.wb.page.waitForTimeout(1000);
    await s.wb.screenshot('package-installed-run');
  });

  it('offers the Getting Started walkthrough, whose buttons run the commands and complete the steps', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const walkthrough = pkg.contributes.walkthroughs[0];
    await s.wb.command('Welcome: Open Walkthrough...');
    const page = s.wb.page.locator('.gettingStartedContainer');
    await act.click(
      s.wb.page,
      `the walkthrough ${walkthrough.title}`,
      s.wb.page.locator('.quick-input-list .monaco-list-row', { hasText: walkthrough.title }).first(),
      page,
    );
    const step = (title: string) => page.locator('.getting-started-step', { hasText: title }).first();
    for (const { title } of walkthrough.steps) await step(title).waitFor({ state: 'attached' });

    // Each button runs its command, and the step's completion event ticks it.
    const showProblems = step('Validate as you type').getByRole('button', { name: 'Show Problems' });
    await act.click(s.wb.page, "the step 'Validate as you type'", step('Validate as you type'), showProblems, {
      area: page,
    });
    await act.click(s.wb.page, 'Show Problems', showProblems, s.wb.page.locator('.markers-panel'), { area: page });
    await step('Validate as you type').locator('.codicon.complete').waitFor();
    // The walkthrough hides friends.society in its tab: Run Simulation still finds that scenario.
    const runButton = step('Run the simulation').getByRole('button', { name: 'Run Simulation' });
    await act.click(s.wb.page, "the step 'Run the simulation'", step('Run the simulation'), runButton, { area: page });
    const runs = path.join(s.server.workspace, 'runs');
    // Started: its step ticked or its run folder there (a second click would start a second run).
    const started = async () =>
      (await step('Run the simulation').locator('.codicon.complete').isVisible()) || fs.readdirSync(runs).length >= 2;
    await act.click(s.wb.page, 'Run Simulation', runButton, started, { area: page, attemptMs: STEP_MS / 2 });
    await step('Run the simulation').locator('.codicon.complete').waitFor();
    await waitUntil(() => fs.readdirSync(runs).length === 2, 'a second run under runs/');
    await s.wb.page.waitForTimeout(500);
    await s.wb.screenshot('walkthrough');
  });
});

async function waitUntil(ok: () => boolean, what: string, timeout = STEP_MS): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
