// Issue 70 in a real VS Code (code-server + Chromium): a shared scenario names a key variable and
// a host of its own choosing. Run Simulation must ask first, naming both; "Cancel" sends nothing
// (the fake endpoint sees no request) and the refusal says how to allow it; "Allow" runs with
// the key, and the answer is remembered for the workspace (the next run does not ask again).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { useWorkbench } from './session';
import { STEP_MS } from './workbench';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fakeOpenAI';

const KEY = 'sk-e2e-0123456789abcdefghij';

const scenario = (url: string): string =>
  [
    'kind: scenario',
    'name: Shared file',
    'seed: 5',
    'personas:',
    '  - { id: maya, name: Maya Chen, interests: [bouldering] }',
    '  - { id: tom, name: Tom Nguyen, interests: [bouldering] }',
    'world: { rounds: 2 }',
    'models:',
    `  default: { provider: openai, model: fake-model, base_url: "${url}", api_key_env: SOCIETY_E2E_KEY, retries: 0, price: { input: 0.1, output: 0.1 } }`,
    '',
  ].join('\n');

/** The trace files of the workspace's runs. */
function traces(runs: string): string[] {
  if (!fs.existsSync(runs)) return [];
  return fs
    .readdirSync(runs)
    .map((d) => path.join(runs, d, 'trace.jsonl'))
    .filter((f) => fs.existsSync(f));
}

const finished = (file: string): boolean => fs.readFileSync(file, 'utf8').includes('"type":"run_end"');

describe('a key sent only where the user said, in VS Code (code-server + Chromium)', function () {
  let fake: FakeOpenAI;
  before(async () => {
    fake = await startFakeOpenAI();
  });
  after(async () => {
    await fake?.close();
  });
  const s = useWorkbench('key-route', (ws) => fs.writeFileSync(path.join(ws, 'shared.society'), scenario(fake.url)), {
    env: { SOCIETY_E2E_KEY: KEY },
  });
  const host = () => new URL(fake.url).host;
  const dialog = () => s.wb.page.locator('.monaco-dialog-box');
  /** Run Simulation on the shared file until the key dialog shows. */
  const runUntilAsked = async (): Promise<void> => {
    await s.wb.open('shared.society');
    await act.until(
      s.wb.page,
      'Run Simulation until the key dialog shows',
      () => s.wb.command('Society: Run Simulation'),
      dialog().getByText(`Send the key in SOCIETY_E2E_KEY to ${host()}?`),
    );
  };

  it('asks, naming the variable and the host; Cancel sends nothing and says how to allow it', async () => {
    await runUntilAsked();
    assert.ok(
      (await dialog().innerText()).includes(`--allow-key SOCIETY_E2E_KEY@${host()}`),
      'it says how to allow it',
    );
    await s.wb.screenshot('key-route-dialog');
    await act.click(
      s.wb.page,
      "the dialog's Cancel",
      dialog().getByRole('button', { name: 'Cancel' }),
      act.gone(dialog()),
    );
    const refusal = s.wb.page.locator('.notification-toast', { hasText: /SOCIETY_E2E_KEY/ });
    await refusal.first().waitFor({ timeout: STEP_MS });
    assert.match(await refusal.first().innerText(), /allow/i);
    assert.equal(fake.chatRequests().length, 0, 'no request reached the host');
    for (const t of traces(s.ws('runs'))) assert.ok(!fs.readFileSync(t, 'utf8').includes(KEY));
  });

  it('Allow runs with the key, and the workspace remembers the answer', async () => {
    await runUntilAsked();
    await act.click(
      s.wb.page,
      "the dialog's Allow",
      dialog().getByRole('button', { name: 'Allow' }),
      act.gone(dialog()),
    );
    await act.until(
      s.wb.page,
      'the run to finish',
      () => Promise.resolve(),
      async () => traces(s.ws('runs')).some(finished),
      { deadlineMs: STEP_MS * 4 },
    );
    const sent = fake.chatRequests();
    assert.ok(sent.length > 0);
    assert.ok(
      sent.every((r) => r.headers.authorization === `Bearer ${KEY}`),
      'each call carried the key',
    );
    const before = sent.length;
    const done = traces(s.ws('runs')).filter(finished).length;

    await s.wb.open('shared.society');
    await s.wb.command('Society: Run Simulation');
    await act.until(
      s.wb.page,
      'the second run to finish',
      () => Promise.resolve(),
      async () => traces(s.ws('runs')).filter(finished).length > done,
      { deadlineMs: STEP_MS * 4 },
    );
    assert.ok(fake.chatRequests().length > before, 'the second run called the host');
    assert.equal(await dialog().count(), 0, 'and was not asked about again');
  });
});
