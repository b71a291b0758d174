// A decision's prompt and answer in the society view (issues 86, 88), in a real VS Code
// (code-server + Chromium): a scenario whose model is the tests' fake OpenAI endpoint is run with
// Society: Run Simulation; its run folder keeps prompts.jsonl, and selecting a message in the
// conversation trace shows the messages sent and the model's raw answer for that decision, in
// Light Modern and in Dark Modern (screenshots in test-results/e2e/).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { useWorkbench } from './session';
import { STEP_MS } from './workbench';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fakeOpenAI';
import { readPromptBook } from '../../src/core/llm/promptLookup';

const scenario = (url: string): string =>
  [
    'kind: scenario',
    'name: Asked aloud',
    'seed: 5',
    'personas:',
    '  - { id: maya, name: Maya Chen, interests: [bouldering] }',
    '  - { id: tom, name: Tom Nguyen, interests: [jazz] }',
    'world: { rounds: 1, encounters: { mode: random, per_round: 1 }, conversation: { turns: 2 } }',
    `models: { default: { provider: openai, model: fake-model, base_url: "${url}", retries: 0 } }`,
    '',
  ].join('\n');

const settings = (ws: string, theme: string): void => {
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.vscode/settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }));
};

describe("a decision's prompt and answer in the society view (code-server + Chromium)", function () {
  let fake: FakeOpenAI;
  before(async () => {
    fake = await startFakeOpenAI();
  });
  after(async () => {
    await fake?.close();
  });
  const s = useWorkbench('prompt-view', (ws) => {
    fs.writeFileSync(path.join(ws, 'asked.society'), scenario(fake.url));
    settings(ws, 'Default Light Modern');
  });
  const view = () => s.wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  it('runs from the editor against the fake endpoint and shows a message decision’s prompt and answer, light and dark', async () => {
    await s.wb.open('asked.society');
    await s.wb.command('Society: Run Simulation');
    await view()
      .locator('#society-app[data-ready="true"]')
      .waitFor({ timeout: STEP_MS * 2 });
    await view()
      .locator('.badge', { hasText: 'complete' })
      .waitFor({ timeout: STEP_MS * 4 });
    assert.ok(fake.chatRequests().length > 0, 'the run called the fake endpoint');

    // The run's book, as the editor wrote it.
    const runs = s.ws('runs');
    const [dir] = fs.readdirSync(runs);
    const book = readPromptBook(path.join(runs, dir));
    assert.ok(book && !book.empty, 'the editor run kept prompts.jsonl');

    const panel = view().locator('.panel.prompt:not([hidden])');
    const row = view().locator('.vlist .vrow.kind-message').first();
    await act.click(s.wb.page, 'the first message of the conversation trace', row, panel.locator('.prompt-answer'));
    const trace = fs
      .readFileSync(path.join(runs, dir, 'trace.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; encounter?: string; turn?: number });
    const first = trace.find((e) => e.type === 'message')!;
    const calls = book.forDecision(`speak:${first.encounter}:${first.turn}`);
    assert.ok(calls.length >= 1);
    assert.equal(await panel.locator('.prompt-answer').first().textContent(), calls[0].answer);
    assert.deepEqual(
      await panel.locator('.prompt-call').first().locator('.prompt-message summary').allTextContents(),
      calls[0].messages.map((m) => m.role),
    );
    assert.match((await panel.locator('summary').first().textContent())!, /Prompt & answer · .* · speak · round 1/);
    // The answer in the picture too (the panel scrolls in a narrow editor group).
    await panel.locator('.prompt-answer').first().scrollIntoViewIfNeeded();
    await s.wb.screenshot('prompt-view-light-modern');

    // The same panel in Dark Modern: the theme changed under the open view.
    settings(s.server.workspace, 'Default Dark Modern');
    await s.wb.page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: STEP_MS });
    await view().locator('body.vscode-dark').waitFor({ timeout: STEP_MS });
    await panel.locator('.prompt-answer').first().scrollIntoViewIfNeeded();
    await s.wb.screenshot('prompt-view-dark-modern');
  });
});
