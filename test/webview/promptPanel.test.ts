// "Prompt & answer" in the society view as VS Code shows it (issues 86, 88): a run against the
// fake OpenAI endpoint with a hostile persona name writes its prompt book; selecting a message in
// the conversation trace asks the host for the decision's calls by its key, and the host's answer
// (from that real book) shows the messages sent, the raw answer and the parse result — every
// string as text. A decision the offline model made shows no panel.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import * as act from '../e2e/act';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import type { HostMessage, ViewMessage } from '../../src/core/protocol/viewMessages';
import { readTrace } from '../../src/core/trace/reader';
import { readPromptBook, type PromptLookup } from '../../src/core/llm/promptLookup';
import { runCommand } from '../../src/cli/commands/run';
import { HOSTILE, hostileRun } from './fixtures';
import { keepScreenshot, openWebview, useChromium } from './harness';
import { useFakeOpenAI } from '../support/fakeOpenAI';
import { allowKeyTo } from '../support/llmFixtures';
import { quietly } from '../support/quietly';

const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted?: ViewMessage[] }).__posted ?? []);

/** What the extension answers an `askPrompt` with (viewConnection.ts → promptSource.ts), from `book`. */
async function answerAsks(page: Page, book: PromptLookup | undefined, answered: number): Promise<number> {
  const asks = (await posted(page)).filter((m) => m.type === 'askPrompt');
  for (const m of asks.slice(answered)) {
    const reply: HostMessage = { type: 'prompt', key: m.key, calls: book?.forDecision(m.key) ?? [] };
    await page.evaluate((r) => window.postMessage(r, '*'), reply);
  }
  return asks.length;
}

describe('the Prompt & answer panel (headless Chromium)', function () {
  this.timeout(120000);
  const chromium = useChromium();
  const fake = useFakeOpenAI();
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-promptview-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("shows a model decision's messages, answer and parse result from the run's book, hostile strings as text", async () => {
    process.env.SOCIETY_TEST_FAKE_KEY = 'sk-test';
    process.env.SOCIETY_ALLOW_KEYS = allowKeyTo(fake.server.url, 'SOCIETY_TEST_FAKE_KEY').join(',');
    const file = path.join(dir, 'hostile.society');
    fs.writeFileSync(
      file,
      [
        'kind: scenario',
        'name: Hostile book',
        'seed: 3',
        'personas:',
        `  - { id: maya, name: ${JSON.stringify(HOSTILE.name)}, bio: ${JSON.stringify(HOSTILE.bio)}, interests: [bouldering] }`,
        '  - { id: tom, name: Tom Nguyen, interests: [jazz] }',
        'world: { rounds: 1, encounters: { mode: random, per_round: 1 }, conversation: { turns: 2 } }',
        `models: { default: { provider: openai, model: fake-model, base_url: "${fake.server.url}", api_key_env: SOCIETY_TEST_FAKE_KEY, on_error: skip } }`,
      ].join('\n') + '\n',
    );
    const out = path.join(dir, 'run');
    try {
      const run = await quietly(() => runCommand.run([file, '--out', out]));
      assert.equal(run.result, 0, run.errors);
    } finally {
      delete process.env.SOCIETY_TEST_FAKE_KEY;
      delete process.env.SOCIETY_ALLOW_KEYS;
    }
    const read = readTrace(fs.readFileSync(path.join(out, 'trace.jsonl'), 'utf8'));
    const trace: EmbeddedTrace = {
      source: { kind: 'file', label: 'trace.jsonl', path: path.join(out, 'trace.jsonl') },
      header: read.header!,
      events: read.events,
    };
    const book = readPromptBook(out)!;
    const { page, errors } = await openWebview(chromium.browser, trace, { width: 1400, height: 900 });
    try {
      const panel = page.locator('.panel.prompt');
      assert.equal(await panel.isHidden(), true, 'no panel before a decision is selected');
      // Maya's message (her persona, with the hostile name, is the system prompt sent).
      const row = page.locator('.vlist .vrow.kind-message').first();
      let answered = 0;
      await act.click(page, 'a message in the conversation trace', row, async () => {
        answered = await answerAsks(page, book, answered);
        return panel.isVisible();
      });
      const ask = (await posted(page)).find((m) => m.type === 'askPrompt');
      assert.ok(ask && ask.type === 'askPrompt' && ask.key.startsWith('speak:'), JSON.stringify(ask));
      const calls = book.forDecision(ask.key);
      assert.ok(calls.length >= 1);
      const call = calls[0];
      assert.equal(await panel.locator('.prompt-call').count(), calls.length);
      assert.deepEqual(
        await panel.locator('.prompt-call').first().locator('.prompt-message summary').allTextContents(),
        call.messages.map((m) => m.role),
      );
      assert.deepEqual(
        await panel.locator('.prompt-call').first().locator('.prompt-text').allTextContents(),
        call.messages.map((m) => m.text),
      );
      assert.equal(await panel.locator('.prompt-answer').first().textContent(), call.answer);
      assert.equal(await panel.locator('.prompt-parse').first().textContent(), 'Parsed: ok');
      const texts = (await panel.locator('.prompt-text').allTextContents()).join('\n');
      assert.ok(
        texts.includes(HOSTILE.name) || texts.includes(HOSTILE.bio),
        'the hostile persona string was sent, shown as text',
      );
      const probe = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: string }).__pwned,
        markup: document.querySelectorAll('.panel.prompt img, .panel.prompt script, .panel.prompt svg, .panel.prompt b')
          .length,
      }));
      assert.deepEqual(probe, { pwned: undefined, markup: 0 });
      await keepScreenshot(page, 'prompt-panel-dark.png');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('shows nothing for a decision of the offline model', async () => {
    const trace = await hostileRun(6, 2);
    const { page, errors } = await openWebview(chromium.browser, trace, { width: 1400, height: 900 });
    try {
      const row = page.locator('.vlist .vrow.kind-message').first();
      let answered = 0;
      await act.click(page, 'a message in the conversation trace', row, async () => {
        answered = await answerAsks(page, undefined, answered);
        return answered > 0;
      });
      // The host's (empty) answer handled: the panel stays hidden.
      await page.waitForSelector('.panel.prompt[data-answered]', { state: 'attached', timeout: 20000 });
      assert.equal(await page.locator('.panel.prompt').isHidden(), true);
      assert.equal(await page.locator('.panel.prompt .prompt-call').count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
