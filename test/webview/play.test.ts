// The "Play an Agent" panel in headless Chromium, as VS Code shows it (the extension's page shell
// and CSP, the theme's variables), driven by real questions from a played run of the friends and
// commons examples: each kind is shown with its context and answered through the panel's
// controls, and the answer posted to the host is the JSON a script would send.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import * as act from '../e2e/act';
import { launchChromium, keepScreenshot, VSCODE_WEBVIEW_DEFAULT_STYLE } from './harness';
import { pageHtml } from '../../src/extension/views/pageShell';
import { loadScenarioFile } from '../../src/core/format/project/load';
import { Simulation } from '../../src/core/engine/kernel/simulation';
import { offlineOnlyFactory } from '../../src/core/engine';
import { allPersonas } from '../../src/core/engine/society/population';
import { AnswerBook, PLAYED_KINDS, PlaySession, type PlayQuestion } from '../../src/core/llm/human';
import type { PlayHostMessage } from '../../src/core/protocol/playMessages';
import { ScriptedPlayer } from '../unit/play/scriptedPlayer';

const root = path.resolve(__dirname, '..', '..');
const origin = 'https://webview.society.test';

async function build(entry: string): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    minify: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

/** The questions a scripted player was asked in a short played run of an example. */
async function questionsOf(example: string, rounds: number): Promise<PlayQuestion[]> {
  const { scenario } = await loadScenarioFile(path.join(root, `examples/${example}/${example}.society`), { root });
  const sc = { ...scenario!, world: { ...scenario!.world, rounds } };
  const agent = allPersonas(sc.personas, sc.population, sc.seed)[0].id;
  const player = new ScriptedPlayer();
  const book = new AnswerBook({ type: 'play', agent, kinds: [...PLAYED_KINDS], timeout: 95, fallback: 'model' }, false);
  const session = new PlaySession({ book, port: player, templates: sc.prompts, context: { rounds } });
  await Simulation.create(sc, { modelFactory: session.wrap(offlineOnlyFactory) }).run();
  return player.questions;
}

async function openPanel(browser: Browser, script: string, style: string) {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const html = pageHtml({
    cspSource: origin,
    script: `${origin}/dist/play.js`,
    style: `${origin}/dist/play.css`,
    root: 'society-play',
    title: 'Play',
  })
    .replace(
      '<head>',
      `<head><style>:root { --vscode-editor-background: #1f1f1f; --vscode-editor-foreground: #cccccc; --vscode-font-size: 13px; --vscode-input-background: #313131; --vscode-input-border: #3c3c3c; --vscode-descriptionForeground: #9d9d9d; --vscode-button-background: #0078d4; --vscode-button-foreground: #fff; --vscode-panel-border: #2b2b2b; }${VSCODE_WEBVIEW_DEFAULT_STYLE}</style>`,
    )
    .replace('<body>', '<body class="vscode-dark">');
  await page.route(`${origin}/**`, (route) => {
    const file = new URL(route.request().url()).pathname;
    const body =
      file === '/index.html' ? html : file === '/dist/play.js' ? script : file === '/dist/play.css' ? style : undefined;
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    return body === undefined
      ? route.fulfill({ status: 404 })
      : route.fulfill({ status: 200, contentType: type, body });
  });
  await page.addInitScript(
    'window.posted = []; window.acquireVsCodeApi = () => ({ postMessage(m) { window.posted.push(m); } });',
  );
  await page.goto(`${origin}/index.html`, { waitUntil: 'load' });
  await page.waitForSelector('#play-status');
  return { page, errors };
}

const send = (page: Page, m: PlayHostMessage) => page.evaluate((msg) => window.postMessage(msg, '*'), m);
/** The state of the panel having posted another message since now (the answer sent). */
async function postedMore(page: Page): Promise<act.State> {
  const before = (await page.evaluate('window.posted.length')) as number;
  return async () => ((await page.evaluate('window.posted.length')) as number) > before;
}

const lastPosted = (page: Page) =>
  page.evaluate('window.posted[window.posted.length - 1]') as Promise<Record<string, unknown>>;

describe('play panel webview (headless Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let script: string, style: string;
  let friends: PlayQuestion[], commons: PlayQuestion[];
  before(async () => {
    [browser, script, style, friends, commons] = await Promise.all([
      launchChromium(),
      build('webview/play/main.ts'),
      build('webview/play/play.css'),
      questionsOf('friends', 2),
      questionsOf('commons', 1),
    ]);
  });
  after(async () => browser?.close());

  it('says it is ready and waits; shows a partner choice with the context and takes a partner by its button', async () => {
    const { page, errors } = await openPanel(browser, script, style);
    assert.deepEqual(await page.evaluate('window.posted[0]'), { type: 'ready' });
    const q = friends.find((x) => x.kind === 'choose_partner' && x.memories.length > 0)!;
    await send(page, { type: 'question', question: q });
    await page.waitForSelector('#play-partner-1');
    // The handshake: on screen and visible, the panel says so, and its clock starts with the host's.
    await page.waitForFunction(
      (id) =>
        (window as unknown as { posted: { type: string; id?: number }[] }).posted.some(
          (m) => m.type === 'shown' && m.id === id,
        ),
      q.id,
    );
    assert.match((await page.textContent('#play-countdown')) ?? '', /^1:3\d left$/);
    assert.equal(await page.textContent('#play-situation pre'), q.context.situation);
    assert.ok(((await page.textContent('#play-memories')) ?? '').includes(q.memories[0].text));
    await keepScreenshot(page, 'play-choose-partner.png');
    await page.fill('#play-reason', 'we share open data');
    await act.click(page, 'partner 2', page.locator('#play-partner-2'), await postedMore(page));
    const opts = q.options as Extract<PlayQuestion['options'], { kind: 'choose_partner' }>;
    assert.deepEqual(await lastPosted(page), {
      type: 'answer',
      id: q.id,
      answer: { choice: opts.partners[1].id, reason: 'we share open data' },
    });
    await send(page, { type: 'note', note: { type: 'answered', id: q.id, key: q.key, kind: q.kind } });
    await page.waitForSelector('#play-status');
    assert.deepEqual(errors, []);
  });

  it('takes a message with its act, showing the conversation so far', async () => {
    const { page, errors } = await openPanel(browser, script, style);
    const q = friends.find((x) => x.kind === 'speak' && (x.transcript?.length ?? 0) >= 2)!;
    await send(page, { type: 'question', question: q });
    await page.waitForSelector('#play-message');
    assert.equal(await page.locator('#play-transcript li').count(), q.transcript!.length);
    // Issue 61: said once, the transcript in its place in the situation.
    const said = (await page.locator('body').innerText()).split('The conversation so far').length - 1;
    assert.equal(said, 1);
    assert.equal(await page.locator('#play-situation #play-transcript').count(), 1);
    await page.fill('#play-message', 'Do you climb at the Brunswick gym?');
    await act.select(page, 'the act ask', page.locator('#play-act'), 'ask');
    await keepScreenshot(page, 'play-speak.png');
    await act.click(page, 'send the message', page.locator('#play-send'), await postedMore(page));
    assert.deepEqual((await lastPosted(page)).answer, { text: 'Do you climb at the Brunswick gym?', act: 'ask' });
    assert.deepEqual(errors, []);
  });

  it('ends with a summary of what the person did (issue 61)', async () => {
    const { page, errors } = await openPanel(browser, script, style);
    const summary = [
      'You answered 3 of 4 decisions: 2 messages, 1 rating.',
      '1 decision timed out (the offline model decided).',
    ];
    await send(page, { type: 'status', text: 'The run has ended.', ended: true, summary });
    await page.waitForSelector('#play-summary');
    assert.deepEqual(await page.locator('#play-summary li').allTextContents(), summary);
    assert.equal(await page.textContent('#play-status'), 'The run has ended.');
    await keepScreenshot(page, 'play-ended.png');
    assert.deepEqual(errors, []);
  });

  it('takes a rating from the slider, and shows why an answer was refused', async () => {
    const { page, errors } = await openPanel(browser, script, style);
    const q = friends.find((x) => x.kind === 'evaluate')!;
    await send(page, { type: 'question', question: { ...q, problem: '"rating" must be a number from 0 to 10' } });
    await page.waitForSelector('#play-rating');
    assert.match((await page.textContent('#play-problem')) ?? '', /must be a number from 0 to 10/);
    await page.locator('#play-rating').fill('8');
    assert.equal(await page.textContent('#play-rating-value'), '8');
    await page.fill('#play-why', 'we laughed a lot');
    await keepScreenshot(page, 'play-evaluate.png');
    await act.click(page, 'send the evaluation', page.locator('#play-send'), await postedMore(page));
    assert.deepEqual((await lastPosted(page)).answer, { rating: 8, text: 'we laughed a lot' });
    assert.deepEqual(errors, []);
  });

  it('takes an action with its arguments (a number in range, an agent from a list)', async () => {
    const { page, errors } = await openPanel(browser, script, style);
    const q = commons.find((x) => x.kind === 'act')!;
    await send(page, { type: 'question', question: q });
    await page.waitForSelector('#play-action');
    const opts = q.options as Extract<PlayQuestion['options'], { kind: 'act' }>;
    const fish = opts.actions.findIndex((a) => a.name === 'fish');
    await act.select(page, 'the action fish', page.locator('#play-action'), String(fish));
    assert.equal(await page.getAttribute('#play-arg-tonnes', 'max'), '3');
    await page.fill('#play-arg-tonnes', '2.5');
    await keepScreenshot(page, 'play-act.png');
    await act.click(page, 'send the action', page.locator('#play-send'), await postedMore(page));
    assert.deepEqual((await lastPosted(page)).answer, { action: 'fish', args: { tonnes: 2.5 }, reason: '' });
    const fine = opts.actions.findIndex((a) => a.name === 'fine');
    if (fine >= 0) {
      await act.select(page, 'the action fine', page.locator('#play-action'), String(fine));
      const first = await page.locator('#play-arg-fisher option').first().getAttribute('value');
      await act.click(page, 'send the fine', page.locator('#play-send'), await postedMore(page));
      assert.deepEqual((await lastPosted(page)).answer, { action: 'fine', args: { fisher: first }, reason: '' });
    }
    await send(page, {
      type: 'note',
      note: { type: 'timeout', id: q.id, key: q.key, kind: q.kind, policy: 'offline' },
    });
    await page.waitForSelector('text=Time is up: the offline model decided.');
    assert.deepEqual(errors, []);
  });
});
