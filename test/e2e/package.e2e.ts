// Issue #10: the packaged extension works. `npm run package` builds the .vsix; code-server's own
// `--install-extension` installs it into an empty extensions folder (nothing of this checkout is
// copied); then Society: Run Simulation runs the friends example to the end in that VS Code.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './codeServer';
import { expectFriendsRunFinished } from './friendsRun';
import { useWorkbench } from './session';

const VSIX = path.join(os.tmpdir(), `society-studio-e2e-${process.pid}.vsix`);

/** The .vsix's file names (a zip): `unzip -Z1`. */
const entries = (vsix: string): string[] => execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');

describe('the packaged extension (.vsix) in a clean VS Code (code-server + Chromium)', function () {
  before(function () {
    fs.rmSync(VSIX, { force: true });
    // npm passes what follows `--` to the script's last command, `vsce package`.
    execFileSync('npm', ['run', 'package', '--', '--out', VSIX], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  });
  const s = useWorkbench('package', undefined, { vsix: VSIX });
  after(() => fs.rmSync(VSIX, { force: true }));

  it('ships the bundle and the contributed files, not the sources or node_modules', () => {
    const files = entries(VSIX).filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
    for (const f of ['package.json', 'dist/extension.js', 'dist/webview.js', 'dist/cli.js', 'bin/society.js', 'media/icon.png', 'schemas/society.schema.json',
      'syntaxes/society.tmLanguage.json', 'snippets/society.json', 'language-configuration.json', 'readme.md', 'changelog.md', 'LICENSE.txt']) {
      assert.ok(files.includes(f), `${f} is in the .vsix`);
    }
    for (const f of files) assert.doesNotMatch(f, /^(src|test|node_modules|webview|examples|runs)\/|\.map$|\.ts$/, `${f} should not ship`);
    assert.ok(files.some((f) => f.startsWith('media/walkthrough/')), 'the walkthrough media ship');
    assert.ok(fs.statSync(VSIX).size < 5 * 1024 * 1024, `the .vsix is ${fs.statSync(VSIX).size} bytes`);
  });

  it('installs with --install-extension, activates and runs the friends example', async () => {
    const installed = path.join(s.server.tmp, 'extensions');
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const dir = fs.readdirSync(installed).find((d) => d.startsWith(`${pkg.publisher}.${pkg.name}-`));
    assert.ok(dir, `the extension is in ${installed}`);
    assert.ok(!fs.existsSync(path.join(installed, dir, 'src')), 'installed from the .vsix, not copied from the checkout');

    await s.wb.open('friends.society');
    await s.wb.command('Society: Run Simulation');
    await expectFriendsRunFinished(s.wb, s.server.workspace);
    await s.wb.page.waitForTimeout(1000);
    await s.wb.screenshot('package-installed-run');
  });
});
