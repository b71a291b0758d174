// Every panel shows only what the world has, on scales fitted to its data (issue 73), in headless
// Chromium as VS Code shows the view: the public goods example's agent panel has no default 0.50
// trait and motivation bars and no empty reward chart (a friend-making society keeps both); its
// nodes sized by coins span the coins the players hold, not 0…220; and the world in groups of
// four draws its groups.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import * as act from '../e2e/act';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import type { MatchEvent } from '../../src/core/trace/events';
import { quantityValue } from '../../webview/panels/worldStatePanel';
import { exampleRun, hostileRun } from './fixtures';
import { useChromium, openWebview, keepScreenshot } from './harness';

/** Every agent's last value of `name` in the trace. */
function lastValues(trace: EmbeddedTrace, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of trace.events) {
    if (e.type !== 'state') continue;
    for (const [id, v] of Object.entries(e.agents)) if (v[name] !== undefined) out.set(id, v[name]);
  }
  return out;
}

/** Picks `id` in the agent panel and waits for its card. */
async function pick(page: Page, id: string): Promise<void> {
  await act.select(page, `pick ${id}`, page.locator('.panel.agent select'), id);
  await page.waitForSelector('.panel.agent .agent-body h3');
}

/** Centre of each agent's circle on screen. */
const centres = (page: Page) =>
  page.$$eval('.network g.agent circle', (cs) =>
    cs.map((c) => {
      const r = c.getBoundingClientRect();
      return { id: c.closest('g.agent')!.getAttribute('data-id')!, x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }),
  );

describe('the view shows only what the world has (headless Chromium)', function () {
  this.timeout(120000);
  const chromium = useChromium();

  describe('the public goods example', () => {
    let trace: EmbeddedTrace;
    let page: Page;
    let errors: string[];
    before(async () => {
      trace = await exampleRun('public-goods');
      ({ page, errors } = await openWebview(chromium.browser, trace));
    });
    after(async () => {
      await page?.close();
    });

    it('its agent panel has no trait or motivation bar and no reward chart: its players declare none', async () => {
      assert.ok(!trace.events.some((e) => e.type === 'reward'), 'a world of actions: no reward event');
      await pick(page, 'p1');
      assert.equal(await page.locator('.panel.agent .trait').count(), 0);
      assert.equal(await page.locator('.panel.agent .bars').count(), 0);
      assert.doesNotMatch((await page.textContent('.panel.agent'))!, /Reward per driver|0\.50/);
      assert.doesNotMatch((await page.textContent('.panel.metrics'))!, /reward per driver/i);
      assert.deepEqual(errors, []);
    });

    it('sized by coins, its nodes span the coins held, from the least to the most', async () => {
      await act.select(page, 'size by coins', page.locator('.size-by select'), 'coins');
      await page.waitForSelector('.network-legend .size-scale:not([hidden]) .size-step');
      const coins = lastValues(trace, 'coins');
      const sorted = [...coins].sort((a, b) => a[1] - b[1]);
      const [least, most] = [sorted[0], sorted.at(-1)!];
      assert.ok(least[1] > 100, `every player holds far more than 0 (${least[1]})`);
      const steps = await page.$$eval('.network-legend .size-step', (xs) => xs.map((x) => x.textContent));
      assert.deepEqual(steps, [quantityValue(least[1], {}), quantityValue(most[1], {})]);
      const radius = (id: string) => page.getAttribute(`.network g.agent[data-id="${id}"] circle`, 'r').then(Number);
      const [small, large] = [await radius(least[0]), await radius(most[0])];
      assert.ok(large > 4 * small, `the most coins drawn far larger than the least (r ${small} … ${large})`);
      await keepScreenshot(page, 'view-public-goods-sized-by-coins.png');
      assert.deepEqual(errors, []);
    });
  });

  it('a society whose personas declare traits, motivations and rewards keeps their bars and chart', async () => {
    const { page, errors } = await openWebview(chromium.browser, await hostileRun(6, 2));
    try {
      await pick(page, 'p3');
      assert.equal(await page.locator('.panel.agent .trait').count(), 10);
      assert.match((await page.textContent('.panel.agent'))!, /Reward per driver/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('the world in groups of four draws each group, captioned, its members together', async () => {
    const trace = await exampleRun('public-goods-matching', { rounds: 3 });
    const groups = trace.events.filter((e): e is MatchEvent => e.type === 'match').at(-1)!.groups;
    const { page, errors } = await openWebview(chromium.browser, trace);
    try {
      const captions = await page.$$eval('.network g.places text', (xs) => xs.map((x) => x.textContent));
      assert.deepEqual(captions, ['group 1 · 4', 'group 2 · 4', 'group 3 · 4', 'group 4 · 4']);
      assert.match((await page.textContent('.timeline'))!, /the same groups all game/);
      // Each member nearer its own group's centre than any other group's.
      const at = new Map((await centres(page)).map((c) => [c.id, c]));
      const centre = (g: string[]) => ({
        x: g.reduce((s, id) => s + at.get(id)!.x, 0) / g.length,
        y: g.reduce((s, id) => s + at.get(id)!.y, 0) / g.length,
      });
      const middles = groups.map(centre);
      groups.forEach((g, i) => {
        for (const id of g) {
          const d = middles.map((m) => Math.hypot(m.x - at.get(id)!.x, m.y - at.get(id)!.y));
          assert.equal(d.indexOf(Math.min(...d)), i, `${id} sits with group ${i + 1}`);
        }
      });
      await keepScreenshot(page, 'view-public-goods-matching-groups.png');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
