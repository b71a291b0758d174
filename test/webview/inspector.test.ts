// The memory inspector's webview alone, in headless Chromium, driven by host messages: it keeps
// the shown run and agent in its view state as soon as the host shows them (so a reloaded window
// reopens them even if nobody typed), and a preview sent by an agent switch uses the round and k
// its fields show, clamped to the run.
import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import * as act from '../e2e/act';
import { keepScreenshot, useChromium } from './harness';
import fs from 'node:fs';

const root = path.resolve(__dirname, '..', '..');

/** The inspector bundled with a stand-in host that records what the view saves and posts. */
async function bundle(): Promise<string> {
  const out = await esbuild.build({
    stdin: {
      contents: `import { Inspector } from './webview/memory/inspector';
        const w = window as any; w.saved = []; w.posted = [];
        w.inspector = new Inspector(document.getElementById('root')!, { post: (m) => w.posted.push(m), saveState: (s) => w.saved.push(JSON.parse(JSON.stringify(s))) }, w.restored);`,
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'inspector-entry.ts',
    },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

const context = (over: Record<string, unknown> = {}) => ({
  type: 'context',
  source: 'friends-b',
  file: '/w/runs/friends-b/trace.jsonl',
  round: 10,
  lastRound: 10,
  complete: true,
  agents: [
    { id: 'aroha_walker', name: 'Aroha Walker' },
    { id: 'diego_alvarez', name: 'Diego Álvarez' },
  ],
  agent: 'diego_alvarez',
  ...over,
});

describe('memory inspector webview (headless Chromium)', function () {
  this.timeout(60000);
  const chromium = useChromium();
  let script: string;
  before(async () => {
    script = await bundle();
  });

  async function open(restored?: unknown): Promise<Page> {
    const page = await chromium.browser.newPage();
    await page.setContent('<!DOCTYPE html><html><body><div id="root"></div></body></html>');
    await page.evaluate((r) => {
      (window as any).restored = r;
    }, restored);
    await page.addScriptTag({ content: script });
    return page;
  }
  const receive = (page: Page, m: unknown) => page.evaluate((msg) => (window as any).inspector.receive(msg), m);
  const saved = (page: Page) => page.evaluate(() => (window as any).saved.at(-1));
  const queries = (page: Page) =>
    page.evaluate(() => (window as any).posted.filter((m: any) => m.type === 'query').map((m: any) => m.query));

  it('saves the run and agent a host context shows, with no input', async () => {
    const page = await open();
    await receive(page, context());
    const s = await saved(page);
    assert.equal(s?.agent, 'diego_alvarez');
    assert.equal(s?.file, '/w/runs/friends-b/trace.jsonl');
    assert.deepEqual(s?.hiddenKinds, [], 'nothing hidden');
    await page.close();
  });

  it('offers only the kinds of memory the run holds (a world without coaching has no advice box)', async () => {
    const page = await open();
    // With the inspector's own style sheet, so a rule that shows a hidden box would be seen here.
    await page.addStyleTag({ content: fs.readFileSync(path.join(root, 'webview/memory/memory.css'), 'utf8') });
    await receive(page, context({ kinds: ['seed', 'observation', 'conversation'] }));
    const visible = () =>
      page
        .locator('.kinds label.kind')
        .evaluateAll((ls) => ls.filter((l) => (l as HTMLElement).offsetParent !== null).map((l) => l.textContent));
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.kinds label.kind')].filter((l) => (l as HTMLElement).offsetParent).length === 3,
    );
    assert.deepEqual(await visible(), ['seed', 'observation', 'conversation']);
    await receive(page, context());
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.kinds label.kind')].filter((l) => (l as HTMLElement).offsetParent).length === 6,
    );
    await page.close();
  });

  it('filters by kind as the trace table does: every box starts ticked, and unticking one hides it', async () => {
    const page = await open();
    await receive(page, context());
    const boxes = page.locator('.kinds input[type="checkbox"]');
    assert.equal(await boxes.count(), 6);
    assert.deepEqual(
      await boxes.evaluateAll((b) => b.map((x) => (x as HTMLInputElement).checked)),
      Array(6).fill(true),
    );
    assert.equal((await queries(page)).at(-1).kinds, undefined, 'all ticked: every kind');
    await act.setChecked(page, 'untick advice', page.locator('label.kind-advice input'), false);
    await page.waitForFunction(() => (window as any).posted.at(-1)?.query?.kinds);
    const kinds = (await queries(page)).at(-1).kinds;
    assert.deepEqual(kinds, ['seed', 'observation', 'conversation', 'evaluation', 'reflection'], 'advice hidden');
    assert.deepEqual((await saved(page)).hiddenKinds, ['advice']);
    for (const kind of kinds) {
      await act.setChecked(page, `untick ${kind}`, page.locator(`label.kind-${kind} input`), false);
    }
    await page.waitForFunction(() => (window as any).posted.at(-1)?.query?.kinds?.length === 0);
    await page.close();
  });

  it('lists people by name, the id only in the tooltip or where two share a name', async () => {
    const page = await open();
    await receive(
      page,
      context({
        agents: [
          { id: 't14', name: 'Abigail Chen' },
          { id: 'r1', name: 'Ryan' },
          { id: 'r2', name: 'Ryan' },
        ],
        agent: 't14',
      }),
    );
    const options = await page
      .locator('select[aria-label="Agent"] option')
      .evaluateAll((os) => os.map((o) => [o.textContent, o.getAttribute('title')]));
    assert.deepEqual(options, [
      ['Abigail Chen', 't14'],
      ['Ryan (r1)', 'r1'],
      ['Ryan (r2)', 'r2'],
    ]);
    await page.close();
  });

  it('a state saved before the boxes meant "shown" starts with every box ticked', async () => {
    const page = await open({ agent: 'diego_alvarez', kinds: ['advice'], text: '' });
    await receive(page, context());
    assert.equal(await page.locator('.kinds input:checked').count(), 6);
    assert.equal((await saved(page)).kinds, undefined);
    await page.close();
  });

  it('clamps the preview fields to a smaller run, and the preview it sends matches them', async () => {
    const page = await open({
      agent: 'diego_alvarez',
      hiddenKinds: ['advice'],
      text: 'x',
      preview: { text: 'weekend plans', round: 30, k: 200 },
    });
    await receive(page, context());
    assert.equal(await page.inputValue('input[aria-label="Round"]'), '11');
    assert.equal(await page.inputValue('input[aria-label="Top k"]'), '50');
    assert.deepEqual((await queries(page)).at(-1).preview, { text: 'weekend plans', round: 11, k: 50 });
    assert.deepEqual((await saved(page)).preview, { text: 'weekend plans', round: 11, k: 50 });
    assert.deepEqual((await saved(page)).hiddenKinds, ['advice']);
    assert.equal(await page.locator('label.kind-advice input').isChecked(), false);
    await page.close();
  });

  it('an agent switch sends the round and k the fields show, clamped', async () => {
    const page = await open();
    await receive(page, context());
    await page.fill('input[aria-label="Retrieval query"]', 'weekend plans');
    await page.fill('input[aria-label="Round"]', '30');
    await page.fill('input[aria-label="Top k"]', '200');
    await act.select(page, 'pick aroha_walker', page.locator('select[aria-label="Agent"]'), 'aroha_walker');
    await page.waitForFunction(() =>
      (window as any).posted.some((m: any) => m.type === 'query' && m.query.agent === 'aroha_walker'),
    );
    const q = (await queries(page)).at(-1);
    assert.deepEqual(q.preview, { text: 'weekend plans', round: 11, k: 50 });
    assert.equal(await page.inputValue('input[aria-label="Round"]'), '11');
    assert.equal(await page.inputValue('input[aria-label="Top k"]'), '50');
    assert.equal((await saved(page)).agent, 'aroha_walker');
    await page.close();
  });

  it('lists the agent’s survey answers as text, scores by scale, and hides the section without surveys', async () => {
    const page = await open();
    await page.addStyleTag({ content: fs.readFileSync(path.join(root, 'webview/memory/memory.css'), 'utf8') });
    await receive(page, context());
    const evil = '<img src=x onerror="window.pwned=1">';
    await receive(page, {
      type: 'result',
      query: { agent: 'diego_alvarez', text: '' },
      total: 1,
      rows: [{ id: 1, round: 0, kind: 'seed', text: 'Grew up by the sea.', importance: 5, kept: true }],
      surveys: [
        {
          round: 4,
          instrument: evil,
          answers: { m1: 4, m2: null, pick: 'tea' },
          scores: { outgoing: 3.5, calm: null },
        },
        {
          round: 0,
          instrument: 'mood',
          answers: { m1: 5, m2: 1 },
          scores: { outgoing: 5 },
          error: 'an answer off the scale',
        },
      ],
    });
    const rows = page.locator('.surveys .survey');
    assert.deepEqual(await rows.evaluateAll((r) => r.map((x) => (x as HTMLElement).dataset.round)), ['4', '0']);
    assert.equal(await rows.first().locator('.instrument').textContent(), evil, 'shown as text');
    assert.equal(await page.locator('.surveys img').count(), 0, 'never as markup');
    assert.equal(await page.evaluate(() => (window as any).pwned), undefined);
    assert.deepEqual(await rows.first().locator('.scale-score').allTextContents(), ['outgoing 3.5', 'calm n/a']);
    assert.deepEqual(await rows.first().locator('.answer').allTextContents(), ['m1: 4', 'm2: —', 'pick: tea']);
    assert.match((await rows.nth(1).textContent()) ?? '', /an answer off the scale/);
    await page.setViewportSize({ width: 1000, height: 420 });
    await keepScreenshot(page, 'inspector-surveys.png');
    await receive(page, { type: 'result', query: { agent: 'diego_alvarez', text: '' }, total: 0, rows: [] });
    assert.equal(await page.locator('.surveys').isHidden(), true);
    await page.close();
  });
});
