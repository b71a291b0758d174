// Reaching a tie (issue 73, "Where am I?"), in headless Chromium, in the page VS Code shows: a click
// opens the tie nearest the pointer, not the one drawn on top of it, and a keyboard user opens the
// same explanation from the selected agent's tie lists (Tab to a "why" button, Enter).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import * as act from '../e2e/act';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import { explainTie } from '../../src/core/analysis/explain/tieChain';
import { HOSTILE, hostileRun, syntheticTrace } from './fixtures';
import { keepScreenshot, useChromium, openWebview } from './harness';

interface Tie {
  from: string;
  to: string;
}

/**
 * A screen point on the drawn curve of a tie ("lower") where another drawn above it ("upper")
 * passes within the click tolerance (5 px) but farther than it, clear of the agents and in the
 * panel; halfway between two of the 24 points the old hit test measured to, on a tie long on
 * screen, where that test missed the lower tie.
 */
function besideAnother(page: Page): Promise<{ x: number; y: number; lower: Tie; upper: Tie; gap: number } | undefined> {
  return page.evaluate(() => {
    const paths = [...document.querySelectorAll<SVGPathElement>('.network path.tie')];
    const box = document.querySelector('.network')!.getBoundingClientRect();
    const m = paths[0].getScreenCTM()!;
    const screen = (x: number, y: number) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
    const agents = [...document.querySelectorAll('.network g.agent circle')].map((c) => {
      const r = c.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, r: r.width / 2 };
    });
    const traced = paths.map((p) => {
      const points: { x: number; y: number }[] = [];
      for (let s = 0, length = p.getTotalLength(); s <= length; s += 0.2) {
        const q = p.getPointAtLength(s);
        points.push(screen(q.x, q.y));
      }
      return points;
    });
    const end = (p: SVGPathElement): Tie => ({ from: p.getAttribute('data-from')!, to: p.getAttribute('data-to')! });
    for (const [i, lower] of paths.entries()) {
      // The curve is the path's first piece: M start Q control end (geometry.ts tiePath).
      const [sx, sy, cx, cy, ex, ey] = lower
        .getAttribute('d')!
        .match(/-?[\d.]+/g)!
        .slice(0, 6)
        .map(Number);
      const a = screen(sx, sy),
        b = screen(ex, ey);
      if (Math.hypot(a.x - b.x, a.y - b.y) < 200) continue;
      // The old hit test's points on this tie.
      const at = (t: number) =>
        screen(
          (1 - t) ** 2 * sx + 2 * (1 - t) * t * cx + t * t * ex,
          (1 - t) ** 2 * sy + 2 * (1 - t) * t * cy + t * t * ey,
        );
      const sampled = Array.from({ length: 25 }, (_, k) => at(k / 24));
      for (let t = 0; t <= 1; t += 0.002) {
        const p = at(t);
        if (p.x < box.left + 20 || p.x > box.right - 20 || p.y < box.top + 20 || p.y > box.bottom - 20) continue;
        if (agents.some((n) => Math.hypot(n.x - p.x, n.y - p.y) < n.r + 8)) continue;
        if (Math.min(...sampled.map((o) => Math.hypot(o.x - p.x, o.y - p.y))) < 6) continue;
        const gaps = traced.map((points, j) =>
          j === i ? Infinity : Math.min(...points.map((o) => Math.hypot(o.x - p.x, o.y - p.y))),
        );
        const gap = Math.min(...gaps),
          j = gaps.indexOf(gap);
        if (j > i && gap > 1.5 && gap < 4.5) return { ...p, lower: end(lower), upper: end(paths[j]), gap };
      }
    }
    return undefined;
  });
}

/** The zoom of the picture (the SVG viewport's scale). */
const zoomOf = (page: Page) =>
  page.$eval('.network svg .viewport', (g) => Number(/scale\(([\d.e-]+)\)/.exec(g.getAttribute('transform')!)![1]));

describe('reaching ties (headless Chromium)', function () {
  this.timeout(120000);
  const chromium = useChromium();
  let trace: EmbeddedTrace;
  let page: Page;
  let errors: string[];
  const names = () => explainTie({ events: trace.events }, { from: 'p0', to: 'p1' }).names;
  before(async () => {
    trace = await hostileRun(14, 6);
    ({ page, errors } = await openWebview(chromium.browser, trace, { width: 1400, height: 900 }));
    await page.waitForSelector('.network[data-layout="settled"]', { timeout: 30000 });
  });

  it('opens the lower of two ties drawn close on a click nearer to it, not the one drawn on top', async () => {
    // A network dense enough for ties to cross, zoomed in: ties long on screen.
    const dense = syntheticTrace({ agents: 40, ties: 120 });
    const { page, errors } = await openWebview(chromium.browser, dense, { width: 1400, height: 900 });
    await page.waitForSelector('.network[data-layout="settled"]', { timeout: 30000 });
    for (let i = 0; i < 6; i++) {
      const k = await zoomOf(page);
      await act.press(page, 'zoom in', page.locator('.network'), '+', async () => (await zoomOf(page)) > k * 1.2);
    }
    const names = explainTie({ events: dense.events }, { from: 'p0', to: 'p1' }).names;
    const at = await besideAnother(page);
    assert.ok(at, 'a point on one tie with another drawn above it within reach');
    const { lower, upper } = at;
    const heading = page.locator('.panel.why summary');
    const expected = `Why ${names[lower.from]} → ${names[lower.to]}`;
    await act.clickAt(
      page,
      `the tie ${lower.from} → ${lower.to}, ${at.gap.toFixed(1)} px from ${upper.from} → ${upper.to} drawn above it`,
      async () => at,
      async () => !(await page.locator('.panel.why').isHidden()) && (await heading.textContent()) === expected,
      { deadlineMs: 12_000 },
    );
    assert.equal(await heading.textContent(), expected);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('lists the selected agent’s ties as buttons: Tab reaches "why", Enter opens the same explanation', async () => {
    await act.click(page, 'close the Why panel', page.locator('.why-close'), act.hidden(page.locator('.panel.why')));
    await act.select(page, 'pick the agent with a hostile name', page.locator('.panel.agent select'), 'p0');
    const first = page.locator('.panel.agent ul.ties li.tie').first();
    await first.waitFor();
    const [from, to] = [(await first.getAttribute('data-from'))!, (await first.getAttribute('data-to'))!];
    const n = names();
    const why = first.locator('button.tie-why');
    const label = (await why.getAttribute('aria-label'))!;
    assert.match(label, new RegExp(`^Why .+ → .+ \\(\\d\\.\\d\\d\\)$`));
    assert.ok(label.startsWith(`Why ${n[from]} → ${n[to]} (`), label);
    assert.equal(await why.getAttribute('title'), `Why this tie formed: ${from} → ${to}`);
    assert.equal(await first.locator('button').first().textContent(), n[from === 'p0' ? to : from]);
    // From the other agent's name, Tab moves to "why" (the strength between is not a stop).
    const name = first.locator('button').first();
    const focused = (cls: string) => async () =>
      page.evaluate((c) => document.activeElement?.classList.contains(c) ?? false, cls);
    await act.until(page, 'focus the first tie’s name', (timeout) => name.focus({ timeout }), focused('link'));
    await act.until(page, 'Tab to its "why"', () => page.keyboard.press('Tab'), focused('tie-why'));
    // The panel is drawn anew at every update (here the host sends the run's status again): the
    // focus stays on the same "why", drawn anew.
    const redrawnAndFocused = async () =>
      page.evaluate(() => {
        const a = document.activeElement as (HTMLElement & { stale?: boolean }) | null;
        return !!a?.classList.contains('tie-why') && !a.stale;
      });
    await act.until(
      page,
      'a status from the host (the agent panel drawn anew)',
      () =>
        page.evaluate(() => {
          (document.activeElement as HTMLElement & { stale?: boolean }).stale = true;
          const status = (document.querySelector('.badge') as HTMLElement).dataset.status;
          window.postMessage({ type: 'status', status }, '*');
        }),
      redrawnAndFocused,
    );
    assert.equal(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-to')), to);
    const heading = page.locator('.panel.why summary');
    const expected = `Why ${n[from]} → ${n[to]}`;
    await act.until(
      page,
      'Enter on "why"',
      () => page.keyboard.press('Enter'),
      async () => !(await page.locator('.panel.why').isHidden()) && (await heading.textContent()) === expected,
    );
    await page.waitForSelector('.panel.why .why-move');
    // Focus went with it, to the explanation.
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.panel.why') !== null), true);
    const probe = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned,
      markup: document.querySelectorAll('.panel.agent .tie-lists :is(img, script, svg, b)').length,
    }));
    assert.deepEqual(probe, { pwned: undefined, markup: 0 });
    assert.ok(n.p0 === HOSTILE.name);
    await keepScreenshot(page.locator('.panel.agent'), 'agent-tie-list.png');
    assert.deepEqual(errors, []);
  });
});
