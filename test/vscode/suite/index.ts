// Test runner for hosts that call `run()` (VS Code's extensionTestsPath; code-server in CI):
// mocha over the bundled suite files beside this one. Results also go to the JSON file named by
// SOCIETY_TEST_RESULTS, because a browser-hosted workbench has no process exit code to read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false });
  for (const f of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  const results: { title: string; state: string; error?: string }[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on('fail', (t, err: Error) =>
      results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }),
    );
  });
  if (process.env.SOCIETY_TEST_RESULTS) {
    fs.writeFileSync(process.env.SOCIETY_TEST_RESULTS, JSON.stringify({ failures, results }, null, 2));
  }
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
