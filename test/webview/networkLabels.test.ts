// Issue 73: names in the society view's network touched ("Aroha Walker" ran into "Jack Thompson",
// their halos over each other's letters) in a panel beside the editor, at rest and while an agent
// was hovered. Every name written keeps clear of every other: their boxes, as the browser lays the
// text out, are at least a couple of pixels apart, in the light and the dark theme.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import * as act from '../e2e/act';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import { exampleRun } from './fixtures';
import { keepScreenshot, useChromium, openView } from './harness';

/** Pixels two written names keep between them at least (the names' halos reach 1.5 px out). */
const CLEAR = 2;

/** Pairs of written names whose boxes come closer than CLEAR. */
function crowded(page: Page, clear: number): Promise<string[]> {
  return page.$$eval(
    '.network text.label',
    (texts, gap) => {
      const shown = texts
        .filter((t) => getComputedStyle(t).visibility !== 'hidden')
        .map((t) => ({ name: t.textContent ?? '', r: t.getBoundingClientRect() }));
      const out: string[] = [];
      for (let i = 0; i < shown.length; i++) {
        for (let j = i + 1; j < shown.length; j++) {
          const [a, b] = [shown[i].r, shown[j].r];
          const apart = Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
          if (apart < gap) out.push(`'${shown[i].name}' and '${shown[j].name}' (${apart.toFixed(1)} px)`);
        }
      }
      return out;
    },
    clear,
  );
}

describe('names in the network keep clear of each other (headless Chromium)', function () {
  this.timeout(180000);
  const chromium = useChromium();
  let trace: EmbeddedTrace;
  before(async () => {
    trace = await exampleRun('friends', { rounds: 30 });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`in a panel beside the editor, at rest and with each agent hovered (${colorScheme})`, async () => {
      const { page, errors } = await openView(chromium.browser, trace, { width: 520, height: 700, colorScheme });
      await page.waitForFunction(
        () => (document.querySelector('.network') as HTMLElement).dataset.layout === 'settled',
        null,
        { timeout: 30000 },
      );
      const written = await page.locator('.network text.label:not(.hidden)').count();
      assert.ok(written >= 10, `${written} of 16 names written`);
      assert.deepEqual(await crowded(page, CLEAR), [], 'at rest');
      await keepScreenshot(page, `network-labels-${colorScheme}.png`);
      const agents = page.locator('.network g.agent');
      for (let i = 0; i < (await agents.count()); i++) {
        const agent = agents.nth(i);
        const name = (await agent.locator('title').textContent())?.split('\n')[0] ?? '';
        // The hovered agent's name is written (even one left out at rest), the others make room.
        await act.hover(page, `hover ${name}`, agent.locator('circle'), async () =>
          agent.evaluate((g) => g.classList.contains('hovered')),
        );
        assert.deepEqual(await crowded(page, CLEAR), [], `hovering ${name}`);
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
