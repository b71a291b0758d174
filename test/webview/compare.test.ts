// The Compare Runs page (issue 46) as the editor's webview shows it: the page `society compare
// --out` writes, its style allowed by a nonce, VS Code's default stylesheet before its CSP and the
// dark theme's class on the body. Nothing refused by the CSP, the tables and both kinds of chart
// drawn. Pictures kept in test-results/ (compare-runs.png, compare-paired.png and their charts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { compareSide } from '../../src/core/experiment/paired/compareInputs';
import { compareSides } from '../../src/core/experiment/paired/compareSides';
import { scratchDir } from '../support/scratch';
import { friendsRun, writeRun } from '../unit/compare/friendsRuns';
import { keepScreenshot, launchChromium, testResults, VSCODE_WEBVIEW_DEFAULT_STYLE } from './harness';

const ORIGIN = 'https://webview.society.test';
const NONCE = 'bm9uY2Utb2YtdGhlLXRlc3Q=';

/** The page in a webview's frame: VS Code's stylesheet prepended before the CSP, the dark theme on. */
async function openAsWebview(browser: Browser, html: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const framed = html
    .replace('<head>', `<head><style id="_defaultStyles">${VSCODE_WEBVIEW_DEFAULT_STYLE}</style>`)
    .replace('<body>', '<body class="vscode-dark" role="document">');
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: framed }),
  );
  await page.goto(`${ORIGIN}/index.html`, { waitUntil: 'load' });
  return { page, errors };
}

describe('the Compare Runs page in a webview', function () {
  this.timeout(180_000);
  let browser: Browser;
  let dir: string;
  before(async () => {
    dir = scratchDir('society-compare-view-');
    for (const seed of [1, 2, 3]) {
      writeRun(
        path.join(dir, 'uncoached', `seed-${seed}`),
        await friendsRun(seed, { rounds: 12, set: { 'coaching.enabled': false } }),
      );
      writeRun(path.join(dir, 'coached', `seed-${seed}`), await friendsRun(seed, { rounds: 12 }));
    }
    browser = await launchChromium();
    fs.mkdirSync(testResults, { recursive: true });
  });
  after(async () => {
    await browser?.close();
  });

  const compare = (a: string, b: string) =>
    compareSides(compareSide(path.join(dir, a)), compareSide(path.join(dir, b)), { labels: [a, b], nonce: NONCE });

  it('shows two runs: where they part, the outcomes, A and B over rounds beside B − A, the ties', async () => {
    const { html } = await compare('uncoached/seed-1', 'coached/seed-1');
    assert.match(html, new RegExp(`style-src 'nonce-${NONCE}'`));
    assert.match(html, new RegExp(`<style nonce="${NONCE}">`));
    assert.doesNotMatch(html, /<script/);
    const { page, errors } = await openAsWebview(browser, html);
    assert.deepEqual(errors, [], 'nothing refused by the CSP');
    assert.match(
      (await page.locator('h2').allTextContents()).join('|'),
      /Where they part\|Outcomes at the end\|Over rounds\|Ties at the end/,
    );
    assert.match(await page.locator('body').innerText(), /The traces part at line \d+, in round \d+/);
    const labels = await page.locator('svg[role="img"]').evaluateAll((s) => s.map((x) => x.getAttribute('aria-label')));
    assert.ok(labels.includes('density: A and B') && labels.includes('density: B − A'), labels.join(', '));
    // The dark theme's page colour applies (the style was allowed).
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(30, 30, 30)');
    const box = await page.locator('svg[aria-label="density: A and B"]').boundingBox();
    assert.ok(box && box.width > 300, `a chart of ${box?.width} px`);
    await keepScreenshot(page, 'compare-runs.png');
    await keepScreenshot(page.locator('.charts'), 'compare-runs-charts.png');
    await page.close();
  });

  it('shows two folders of runs paired by seed: the contrasts with their CI, the mean difference over rounds', async () => {
    const { html } = await compare('uncoached', 'coached');
    const { page, errors } = await openAsWebview(browser, html);
    assert.deepEqual(errors, []);
    const text = await page.locator('body').innerText();
    assert.match(text, /3 pairs by seed/);
    assert.match(text, /density\t[\d.]+\t[\d.]+\t[-+]?[\d.]+\t[-+]?[\d.]+ … [-+]?[\d.]+/);
    assert.equal(await page.locator('svg[aria-label="density B − A over rounds"] polygon').count(), 1, 'a CI band');
    await keepScreenshot(page, 'compare-paired.png');
    await keepScreenshot(page.locator('.charts'), 'compare-paired-charts.png');
    await page.close();
  });
});
