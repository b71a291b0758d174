// The society view's layout at any panel size, in headless Chromium: the legend is never drawn
// over agents or their names, a narrowed panel is refitted (unless the user chose their own view,
// which is then kept), the timeline's controls stay whole in a ~300 px panel, and counts are
// written with the right noun ("1 tie out").
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hostileRun, syntheticTrace } from './fixtures';
import { launchChromium, openView, testResults } from './harness';
import { counted } from '../../webview/dom';

interface Box { x: number; y: number; w: number; h: number; what: string }

/** Screen boxes of the legend, the drawing area, every agent's circle and every name written. */
const boxes = (page: Page) => page.evaluate(() => {
  const box = (e: Element, what: string) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, what }; };
  return {
    legend: box(document.querySelector('.network-legend')!, 'legend'),
    network: box(document.querySelector('.network')!, 'network'),
    circles: [...document.querySelectorAll('.network g.agent')].map((g) => box(g.querySelector('circle')!, `circle ${g.getAttribute('data-id')}`)),
    labels: [...document.querySelectorAll('.network text.label:not(.hidden)')].map((t) => box(t, `name '${t.textContent}'`)),
  };
});

const intersects = (a: Box, b: Box) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;
const inside = (a: Box, frame: Box) => a.x >= frame.x - 0.5 && a.y >= frame.y - 0.5 && a.x + a.w <= frame.x + frame.w + 0.5 && a.y + a.h <= frame.y + frame.h + 0.5;

/** The view transform of the SVG drawing. */
const view = (page: Page) => page.$eval('.network .viewport', (g) => {
  const m = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(g.getAttribute('transform') ?? '')!;
  return { x: Number(m[1]), y: Number(m[2]), k: Number(m[3]) };
});

const frames = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
const settled = (page: Page) => page.waitForFunction(() => (document.querySelector('.network') as HTMLElement).dataset.layout === 'settled', null, { timeout: 30000 });

async function resize(page: Page, width: number, height = 860): Promise<void> {
  await page.setViewportSize({ width, height });
  await frames(page);
}

describe('society view layout (headless Chromium)', function () {
  this.timeout(120000);
  let browser: Browser;
  let page: Page;
  let errors: string[];
  before(async () => {
    browser = await launchChromium();
    mkdirSync(testResults, { recursive: true });
    // 14 agents, two of them with 40-character names: names end up near every edge.
    ({ page, errors } = await openView(browser, await hostileRun(14, 6), { width: 1280, height: 860 }));
    await settled(page);
  });
  after(async () => { await browser?.close(); });

  it('lays the legend out under the drawing, never over an agent or a name', async () => {
    for (const width of [1280, 900, 560, 350]) {
      await resize(page, width);
      const b = await boxes(page);
      assert.ok(b.circles.length === 14 && b.labels.length > 0, `${b.circles.length} circles, ${b.labels.length} names at ${width} px`);
      assert.ok(!intersects(b.legend, b.network), `at ${width} px the legend is inside the drawing area`);
      for (const thing of [...b.circles, ...b.labels]) assert.ok(!intersects(thing, b.legend), `at ${width} px the legend covers ${thing.what}`);
      await page.screenshot({ path: path.join(testResults, `view-layout-${width}.png`) });
    }
    await resize(page, 1280);
  });

  it('refits a narrowed panel, so every agent stays in view', async () => {
    await page.click('.bar button:has-text("Fit")');
    await resize(page, 1280);
    await settled(page);
    // A click on the background (which jitters by a pixel) is not a pan of the user's own.
    const net = (await boxes(page)).network;
    await page.mouse.move(net.x + 6, net.y + 6);
    await page.mouse.down();
    await page.mouse.move(net.x + 7, net.y + 6);
    await page.mouse.up();
    for (const [width, height] of [[350, 860], [700, 500], [300, 700], [1280, 860]]) {
      await resize(page, width, height);
      const b = await boxes(page);
      const out = b.circles.filter((c) => !inside(c, b.network)).map((c) => c.what);
      assert.deepEqual(out, [], `at ${width}×${height} px`);
    }
  });

  it('keeps a view the user zoomed into: same scale and centre after a resize, until Fit', async () => {
    await resize(page, 1280);
    const net = (await boxes(page)).network;
    const fitted = await view(page);
    await page.mouse.move(net.x + net.w / 2, net.y + net.h / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((k) => {
      const t = document.querySelector('.network .viewport')?.getAttribute('transform') ?? '';
      return Number(/scale\(([-\d.e]+)\)/.exec(t)?.[1]) > k * 1.2;
    }, fitted.k);
    await frames(page);
    const zoomed = await view(page);
    const centre = (v: { x: number; y: number; k: number }, n: Box) => ({ x: (n.w / 2 - v.x) / v.k, y: (n.h / 2 - v.y) / v.k });
    const before = centre(zoomed, net);

    await resize(page, 600, 700);
    const kept = await view(page);
    const after = centre(kept, (await boxes(page)).network);
    assert.equal(kept.k, zoomed.k, 'the zoom is kept');
    assert.ok(Math.abs(after.x - before.x) < 1 && Math.abs(after.y - before.y) < 1, `the centre moved from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);

    // Fit (here the 0 key) gives the view back to the panel: the next resize refits.
    await page.focus('.network');
    await page.keyboard.press('0');
    await resize(page, 350);
    const b = await boxes(page);
    assert.deepEqual(b.circles.filter((c) => !inside(c, b.network)).map((c) => c.what), []);
    await resize(page, 1280);
  });

  it('keeps every timeline control whole in a narrow panel', async () => {
    for (const width of [350, 320, 290, 260]) {
      await resize(page, width);
      const probe = await page.evaluate(() => {
        const line = document.querySelector('.timeline')!.getBoundingClientRect();
        const parts = [...document.querySelectorAll('.timeline > *')].map((e) => {
          const r = e.getBoundingClientRect();
          return { text: e.textContent || e.getAttribute('aria-label'), left: r.left, right: r.right, width: r.width, clipped: e.scrollWidth > e.clientWidth + 1 };
        });
        return { right: Math.min(line.right, document.documentElement.clientWidth), parts };
      });
      for (const p of probe.parts) {
        assert.ok(p.right <= probe.right + 0.5 && p.left >= 0, `at ${width} px '${p.text}' reaches ${p.right} of ${probe.right}`);
        assert.ok(!p.clipped, `at ${width} px '${p.text}' is clipped`);
      }
      const latest = probe.parts.find((p) => p.text === 'Latest');
      assert.ok(latest && latest.width > 30, `Latest is ${latest?.width} px wide at ${width} px`);
      const range = probe.parts.find((p) => p.text === 'Round');
      assert.ok(range && range.width >= 40, `the slider is ${range?.width} px wide at ${width} px`);
      await page.screenshot({ path: path.join(testResults, `view-timeline-${width}.png`), clip: { x: 0, y: 0, width, height: 430 } });
    }
    await resize(page, 1280);
    assert.deepEqual(errors, []);
  });

  it('says "1 tie out", with the plural only for other counts', async () => {
    assert.equal(counted(1, 'tie'), '1 tie');
    assert.equal(counted(0, 'tie'), '0 ties');
    assert.equal(counted(6240, 'row'), '6,240 rows');
    assert.equal(counted(1, 'community', 'communities'), '1 community');
    // One tie between three agents: p_from has one tie out and none in.
    const trace = syntheticTrace({ agents: 3, ties: 1, rounds: 1 });
    const tie = trace.events.find((e) => e.type === 'tie')!;
    const from = (tie as { from: string }).from;
    const small = await openView(browser, trace, { width: 900, height: 700 });
    try {
      const node = small.page.locator(`.network g.agent[data-id="${from}"]`);
      assert.match((await node.getAttribute('aria-label'))!, /: 1 tie out, 0 in$/);
      await node.locator('circle').hover();
      await small.page.waitForFunction(() => !(document.querySelector('.network .tooltip') as HTMLElement).hidden);
      assert.equal(await small.page.textContent('.network .tooltip div'), '1 tie out · 0 in');
      assert.match((await small.page.textContent('.panel.metrics .summary'))!, /^3 agents · 1 tie · \d+ communit(y|ies)$/);
      assert.deepEqual(small.errors, []);
    } finally {
      await small.page.close();
    }
  });
});
