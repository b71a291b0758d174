// The Fit section of a calibration's experiment.html in headless Chromium: the commons' sweep of
// agreeableness against its observed fish counts — the ranking table and a chart of the observed
// values against the best and runner-up settings — under the page's CSP, light and dark. Pictures
// kept in test-results/.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { calibrateCommand } from '../../src/cli/commands/calibrate';
import { quietly } from '../support/quietly';
import { scratchDir } from '../support/scratch';
import { keepScreenshot, useChromium } from './harness';

const repo = path.resolve(__dirname, '../..');

describe('the calibration’s Fit section', function () {
  this.timeout(240_000);
  const chromium = useChromium();
  let page: string;
  before(async () => {
    const out = path.join(scratchDir('society-calibration-fit-'), 'commons');
    const args = [path.join(repo, 'examples/commons/commons.society'), '--seeds', '1-2', '--out', out, '-q'];
    const r = await quietly(() => calibrateCommand.run(args));
    assert.equal(r.result, 0, r.errors);
    page = path.join(out, 'experiment.html');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`ranks the settings and charts observed against the best two (${scheme})`, async () => {
      const tab = await chromium.browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: scheme });
      const errors: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      tab.on('pageerror', (e) => errors.push(String(e)));
      await tab.goto(`file://${page}`);
      const section = tab.locator('h2', { hasText: /^Fit$/ });
      assert.equal(await section.count(), 1);
      const text = await tab.locator('h2:text-is("Fit") + p').innerText();
      assert.match(text, /Best fit: mean=0\.5/);
      const chart = tab.locator('svg[aria-label="fish_tonnes: observed and simulated"]');
      const box = await chart.boundingBox();
      assert.ok(box && box.width > 300 && box.height > 200, 'the chart is drawn');
      assert.equal(await chart.locator('polyline').count(), 3, 'observed, best, runner-up');
      assert.deepEqual(errors, []);
      await section.scrollIntoViewIfNeeded();
      const top = (await section.boundingBox())!;
      await keepScreenshot(tab, `calibration-fit-${scheme}.png`, {
        clip: { x: 0, y: top.y, width: 1100, height: 700 },
      });
      await tab.close();
    });
  }
});
