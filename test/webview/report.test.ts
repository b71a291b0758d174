// `society report` with the interactive view inlined: still well-formed XHTML with a CSP that
// allows exactly the inlined script and styles; in Chromium the view draws the run and hides the
// static picture, and with scripts off the static picture is what remains.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderReportHtml } from '../../src/core/analysis/report/reportHtml';
import { buildRunReport } from '../../src/core/analysis/report/reportModel';
import { cspHash, viewEmbed } from '../../src/core/protocol/viewPage';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import { parseStrictXml } from '../unit/analysis/xml';
import { expectedTies, HOSTILE, hostileRun } from './fixtures';
import { useChromium, viewAssets, keepScreenshot } from './harness';
import { sandboxedPage } from '../../src/extension/views/savedPage';

describe('society report with the interactive view', function () {
  this.timeout(120000);
  const chromium = useChromium();
  let trace: EmbeddedTrace;
  let html: string;
  let dir: string;
  before(async () => {
    trace = await hostileRun(12, 5);
    const view = viewEmbed(await viewAssets(), trace, { embedded: true });
    html = renderReportHtml(buildRunReport(trace.header, trace.events), { view });
    dir = mkdtempSync(path.join(os.tmpdir(), 'society-report-view-'));
    writeFileSync(path.join(dir, 'report.html'), html);
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is well-formed XHTML whose CSP lists exactly its inline script and styles', () => {
    const doc = parseStrictXml(html, 'application/xhtml+xml');
    const policy = Array.from(doc.getElementsByTagName('meta'))
      .find((m) => m.getAttribute('http-equiv') === 'Content-Security-Policy')!
      .getAttribute('content')!;
    assert.match(policy, /default-src 'none'/);
    assert.doesNotMatch(policy, /unsafe|https?:/);
    const scripts = Array.from(doc.getElementsByTagName('script'));
    assert.equal(scripts.length, 2);
    assert.equal(scripts[0].getAttribute('type'), 'application/json');
    // The hash covers the raw element text as an HTML parser sees it (CDATA markers included).
    const raw = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    assert.ok(policy.includes(cspHash(raw)));
    for (const style of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) assert.ok(policy.includes(cspHash(style[1])));
    assert.ok(!html.includes(HOSTILE.name) && !html.includes(HOSTILE.close));
  });

  it('shows the run in the view and hides the static picture', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`file://${path.join(dir, 'report.html')}`);
    await page.waitForSelector('#society-app[data-ready="true"]');
    assert.equal(await page.locator('#society-app .network g.agent').count(), 12);
    // One h1 on the page: the view's title is a heading under "Explore the run", not a second h1.
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('#society-app .bar h3').count(), 1);
    assert.equal(await page.locator('#society-app .network path.tie').count(), expectedTies(trace));
    assert.equal(await page.isVisible('#network svg.network'), false);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    await keepScreenshot(page, 'report-view.png');
    assert.deepEqual(errors, [], 'no CSP violation or script error');
    await page.close();
  });

  it('falls back to the static picture without scripts', async () => {
    const context = await chromium.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`file://${path.join(dir, 'report.html')}`);
    assert.equal(await page.isVisible('#network svg.network'), true);
    assert.equal(await page.locator('#society-app .network').count(), 0);
    await context.close();
  });
  it("in the page editor's frame follows the editor's theme, not the OS; printed, light on white (issue 88)", async () => {
    // The OS light (a webview's prefers-color-scheme follows it), the editor dark: as in Dark Modern.
    const context = await chromium.browser.newContext({ colorScheme: 'light', javaScriptEnabled: false });
    const page = await context.newPage();
    const colours = async () => {
      const frame = page.frames()[1];
      return frame.evaluate(() => {
        const body = getComputedStyle(document.body);
        return [body.backgroundColor, body.color];
      });
    };
    for (const [theme, background, text] of [
      ['vscode-dark', 'rgb(30, 30, 30)', 'rgb(221, 221, 221)'],
      ['vscode-light', 'rgb(255, 255, 255)', 'rgb(34, 34, 34)'],
    ] as const) {
      await page.emulateMedia({ media: 'screen' });
      await page.setContent(sandboxedPage(html, 'n0nce', theme));
      assert.deepEqual(await colours(), [background, text], theme);
      await keepScreenshot(page, `report-page-editor-${theme}.png`);
      await page.emulateMedia({ media: 'print' });
      assert.deepEqual(await colours(), ['rgb(255, 255, 255)', 'rgb(34, 34, 34)'], `${theme}, printed`);
    }
    await context.close();
  });
});
