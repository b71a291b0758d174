// The extension-host suite (test/vscode/suite, also run by @vscode/test-cli where VS Code can be
// downloaded) inside code-server: the workbench URL loads this repository as the extension under
// development and the bundled suite as its tests; the runner writes its results to a JSON file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO, startCodeServer } from './codeServer';
import { CHROMIUM, RESULTS } from './workbench';

describe('extension-host tests inside code-server', function () {
  it('pass', async function () {
    const suite = path.join(REPO, 'out/test/vscode/suite');
    assert.ok(fs.existsSync(path.join(suite, 'index.js')), 'run node test/vscode/build.mjs first');
    // Named before code-server starts: its extension host inherits the environment.
    const resultsFile = path.join(os.tmpdir(), `society-inhost-${process.pid}-${Date.now()}.json`);
    const server = await startCodeServer(
      (ws) => fs.cpSync(path.join(REPO, 'examples/friends'), ws, { recursive: true }),
      { installExtension: false, env: { SOCIETY_TEST_RESULTS: resultsFile } },
    );
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
    });
    let ok = false;
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const host = new URL(server.url).host;
      const payload = [
        ['extensionDevelopmentPath', `vscode-remote://${host}${REPO}`],
        ['extensionTestsPath', `vscode-remote://${host}${suite}`],
      ];
      await page.goto(
        `${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
      );
      const deadline = Date.now() + 150_000;
      while (!fs.existsSync(resultsFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      fs.mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS, 'inhost.png') });
      assert.ok(fs.existsSync(resultsFile), 'the extension-host suite did not report');
      const { failures, results } = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as {
        failures: number;
        results: { title: string; state: string; error?: string }[];
      };
      for (const r of results) {
        console.log(`      ${r.state === 'passed' ? '✔' : '✗'} ${r.title}${r.error ? `\n${r.error}` : ''}`);
      }
      assert.equal(failures, 0);
      assert.ok(results.length >= 8, `only ${results.length} tests ran`);
      ok = true;
    } finally {
      await browser.close();
      await server.stop();
      fs.rmSync(resultsFile, { force: true });
      if (ok) fs.rmSync(server.tmp, { recursive: true, force: true });
      else console.error(`  code-server log (tail):\n${server.log().slice(-3000)}`);
    }
  });
});
