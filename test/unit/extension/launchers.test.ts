// The launcher a VS Code terminal runs as `society` (extension/cli/launchers.ts): it runs the
// bundled CLI with the editor's Node, passing every argument through as given, quotes and all.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchers } from '../../../src/extension/cli/launchers';

describe('the terminal launcher of the bundled CLI', () => {
  it('runs the CLI with the given Node and every argument unchanged, in folders with quotes and spaces', function () {
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "society it's here "));
    try {
      const cli = path.join(dir, 'cli.js');
      fs.writeFileSync(
        cli,
        'console.log(JSON.stringify([process.env.ELECTRON_RUN_AS_NODE, ...process.argv.slice(2)]));',
      );
      const launcher = path.join(dir, 'society');
      fs.writeFileSync(launcher, launchers(process.execPath, cli).society, { mode: 0o755 });
      const r = spawnSync(launcher, ['run', "a b's.society", '--out', '$HOME', '*'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), ['1', 'run', "a b's.society", '--out', '$HOME', '*']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a .cmd for Windows terminals with both paths quoted', () => {
    const cmd = launchers('C:\\Program Files\\Code\\Code.exe', 'C:\\ext\\bin\\society.js')['society.cmd'];
    assert.match(
      cmd,
      /set ELECTRON_RUN_AS_NODE=1\r\n"C:\\Program Files\\Code\\Code\.exe" "C:\\ext\\bin\\society\.js" %\*\r\n$/,
    );
  });
});
