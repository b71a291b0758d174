// The experiment report's time plots (issue 45) in headless Chromium: the fishing commons over
// rounds, a line per condition with its 95% CI band and a legend, drawn under the page's CSP (no
// refused style or script) in the light and the dark theme. Pictures kept in test-results/.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { experimentCommand } from '../../src/cli/commands/experiment';
import { quietly } from '../support/quietly';
import { scratchDir } from '../support/scratch';
import { keepScreenshot, useChromium } from './harness';

const repo = path.resolve(__dirname, '../..');

describe('the experiment report’s plots over rounds', function () {
  this.timeout(240_000);
  const chromium = useChromium();
  let page: string;
  before(async () => {
    const out = path.join(scratchDir('society-experiment-series-'), 'commons');
    const args = [
      path.join(repo, 'examples/commons/commons.society'),
      '--seeds',
      '1-3',
      '--rounds',
      '12',
      '--out',
      out,
      '-q',
    ];
    const r = await quietly(() => experimentCommand.run(args));
    assert.equal(r.result, 0, r.errors);
    page = path.join(out, 'experiment.html');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`draws a line and a CI band per condition with a legend (${scheme})`, async () => {
      const tab = await chromium.browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: scheme });
      const errors: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      tab.on('pageerror', (e) => errors.push(String(e)));
      await tab.goto(`file://${page}`);
      const plots = tab.locator('svg[aria-label$="over rounds"]');
      const names = await plots.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')));
      // The commons declares the lake (world) and each fisher's catch (agents): those come first.
      assert.equal(names[0], 'world.fish over rounds');
      assert.ok(
        names.some((n) => /^agents\..*\.mean over rounds$/.test(n ?? '')),
        names.join(', '),
      );
      for (const i of [0, 1]) {
        const plot = plots.nth(i);
        const box = await plot.boundingBox();
        assert.ok(box && box.width > 300 && box.height > 200, `plot ${i} is drawn`);
        // The commons' eight conditions.
        assert.equal(await plot.locator('polyline').count(), 8, 'a line per condition');
        assert.equal(await plot.locator('polygon').count(), 8, 'a band per condition');
        assert.equal(await plot.locator('title').count(), 8, 'a legend entry per condition');
      }
      // The page's text colour reaches the plot's title (currentColor): light text on the dark page.
      const [fill, bg] = await tab.evaluate(() => {
        const svg = document.querySelector('svg[aria-label$="over rounds"]')!;
        return [getComputedStyle(svg).color, getComputedStyle(document.body).backgroundColor];
      });
      assert.notEqual(fill, bg);
      assert.deepEqual(errors, []);
      const section = tab.locator('h2', { hasText: 'Over rounds' });
      await section.scrollIntoViewIfNeeded();
      const top = (await section.boundingBox())!;
      await keepScreenshot(tab, `experiment-series-${scheme}.png`, {
        clip: { x: 0, y: top.y, width: 1100, height: 620 },
      });
      await tab.close();
    });
  }
});
