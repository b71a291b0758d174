// The world-state panel and node sizing in headless Chromium, as VS Code shows the view (its CSP,
// the host's load message with the scenario's declarations) and standalone (the declarations
// embedded with the trace): the fishing commons' quantities with their values and bounds as the
// trace has them, at the latest round and at a round scrubbed back to; nodes sized by an agent
// quantity with its value in the tooltip and the agent panel; a hostile description stays text;
// and a scenario without state keeps the view it had.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import * as act from '../e2e/act';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import type { StateEvent } from '../../src/core/trace/events';
import { quantityValue } from '../../webview/panels/worldStatePanel';
import { exampleRun, HOSTILE, hostileRun } from './fixtures';
import { useChromium, openView, openWebview, keepScreenshot } from './harness';

const ROUNDS = 8;
const stateAt = (trace: EmbeddedTrace, round: number) =>
  trace.events.filter((e): e is StateEvent => e.type === 'state' && e.round <= round).at(-1)!;
/** Every agent's value of `name` at the end of `round`, from the trace itself. */
function agentValues(trace: EmbeddedTrace, name: string, round: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of trace.events) {
    if (e.type !== 'state' || e.round > round) continue;
    for (const [id, v] of Object.entries(e.agents)) if (v[name] !== undefined) out.set(id, v[name]);
  }
  return out;
}
const quantityText = (page: Page, name: string, part: string) =>
  page.textContent(`.world-state .quantity[data-name="${name}"] ${part}`);
const rowTitle = (page: Page, name: string) =>
  page.getAttribute(`.world-state .quantity[data-name="${name}"]`, 'title');

describe('world state in the society view (headless Chromium)', function () {
  this.timeout(120000);
  const chromium = useChromium();

  describe('the fishing commons in a webview', () => {
    let trace: EmbeddedTrace;
    let page: Page;
    let errors: string[];
    before(async () => {
      trace = await exampleRun('commons', { rounds: ROUNDS });
      ({ page, errors } = await openWebview(chromium.browser, trace, { width: 1280, height: 860 }));
    });
    after(async () => {
      await page?.close();
    });

    it('shows each world quantity with its value at the latest round, its bounds and a sparkline', async () => {
      assert.equal(await page.isVisible('.panel.world-state'), true);
      const names = await page.$$eval('.world-state .quantity.world', (xs) =>
        xs.map((x) => x.getAttribute('data-name')),
      );
      assert.deepEqual(names, ['fish', 'sanctions']);
      const last = stateAt(trace, ROUNDS);
      assert.equal(await quantityText(page, 'fish', '.quantity-value'), quantityValue(last.world.fish, {}));
      // What does not fit the row is its tooltip: the description and the bounds.
      assert.match((await rowTitle(page, 'fish'))!, /Fish in the lake[\s\S]*bounds 0 … 200/);
      // One point per state event (setup and every round): the path has that many segments.
      const d = (await page.getAttribute('.world-state .quantity[data-name="fish"] .sparkline path.series', 'd'))!;
      assert.equal(d.split(/[ML]/).filter(Boolean).length, ROUNDS + 1);
      assert.equal(
        await page.locator('.world-state .sparkline line.bound').count(),
        2 * 2 + 1,
        'fish, sanctions 0 … max; catch ≥ 0',
      );
      // The agents' catch: mean, least … most.
      const catches = [...agentValues(trace, 'catch', ROUNDS).values()];
      const mean = catches.reduce((a, b) => a + b, 0) / catches.length;
      assert.equal(await quantityText(page, 'catch', '.quantity-value'), quantityValue(mean, {}));
      assert.equal(
        await quantityText(page, 'catch', '.quantity-range'),
        `${quantityValue(Math.min(...catches), {})} … ${quantityValue(Math.max(...catches), {})}`,
      );
      // A row each, about 20 px: the whole panel fits in the side column.
      const heights = await page.$$eval('.world-state .quantity', (xs) =>
        xs.map((x) => x.getBoundingClientRect().height),
      );
      assert.ok(Math.max(...heights) <= 22, `row heights ${heights.join(', ')}`);
      await keepScreenshot(page, 'view-world-state.png');
      assert.deepEqual(errors, []);
    });

    it('follows the timeline: scrubbed back to round 2, the values are round 2’s', async () => {
      await page.locator('.timeline-range').fill('2');
      await page.waitForSelector('#society-app[data-round="2"]');
      assert.equal(
        await quantityText(page, 'fish', '.quantity-value'),
        quantityValue(stateAt(trace, 2).world.fish, {}),
      );
      assert.equal(await page.textContent('.world-state .moment'), 'At the end of round 2');
      await act.click(
        page,
        'Latest',
        page.locator('.timeline button:has-text("Latest")'),
        page.locator(`#society-app[data-round="${ROUNDS}"]`),
      );
    });

    it('sizes nodes by an agent quantity, with its value in the tooltip and the agent panel', async () => {
      assert.equal(await page.isVisible('.size-by'), true);
      assert.deepEqual(await page.$$eval('.size-by option', (os) => os.map((o) => o.textContent)), ['equal', 'catch']);
      await act.select(page, 'size by catch', page.locator('.size-by select'), 'catch');
      const values = agentValues(trace, 'catch', ROUNDS);
      const most = [...values].sort((a, b) => b[1] - a[1])[0][0];
      const least = [...values].sort((a, b) => a[1] - b[1])[0][0];
      const radius = (id: string) => page.getAttribute(`.network g.agent[data-id="${id}"] circle`, 'r').then(Number);
      await page.waitForFunction(
        ([a, b]) =>
          Number(document.querySelector(`g.agent[data-id="${a}"] circle`)?.getAttribute('r')) >
          Number(document.querySelector(`g.agent[data-id="${b}"] circle`)?.getAttribute('r')),
        [most, least],
      );
      assert.ok((await radius(most)) > (await radius(least)));
      // No fisher's tie reaches the threshold in these rounds (round_end stats.ties is 0 throughout):
      // the legend does not speak of ties (issue 59), and the scale says what sizes mean now.
      assert.ok(trace.events.every((e) => e.type !== 'round_end' || e.stats.ties === 0));
      assert.equal(await page.isVisible('.network-legend .legend-width'), false);
      assert.equal(
        await page.textContent('.network-legend .size-step:last-child'),
        quantityValue(Math.max(...values.values()), {}),
      );
      await act.hover(
        page,
        `the node of ${most}`,
        page.locator(`.network g.agent[data-id="${most}"] circle`),
        page.locator('.network .tooltip:not([hidden])'),
      );
      assert.match(
        (await page.textContent('.network .tooltip'))!,
        new RegExp(`catch: ${quantityValue(values.get(most)!, {})}`),
      );
      await act.select(page, `pick ${most}`, page.locator('.panel.agent select'), most);
      await page.waitForSelector('.panel.agent .agent-quantity[data-name="catch"]');
      assert.equal(
        await page.textContent('.panel.agent .agent-quantity[data-name="catch"] .num'),
        quantityValue(values.get(most)!, {}),
      );
      await keepScreenshot(page, 'view-world-state-sized.png');
      // Back to equal sizes: no node's title speaks of its catch.
      await act.select(page, 'size by equal', page.locator('.size-by select'), '');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.network g.agent title')].every((t) => !t.textContent?.includes('catch')),
      );
      assert.deepEqual(errors, []);
    });
  });

  it('shows a hostile quantity description as text, and hidden quantities to the researcher, marked', async () => {
    const trace = await exampleRun('donor-game', {
      rounds: 3,
      edit: (s) => {
        const m = s.mechanics!;
        m.world[0].description = HOSTILE.name;
        m.agents[0].description = HOSTILE.bio;
        m.agents[1].hidden = true;
      },
    });
    // Standalone: the declarations travel embedded with the trace.
    const { page, errors } = await openView(chromium.browser, trace);
    try {
      await page.waitForSelector('.world-state .quantity[data-name="wealth"]');
      assert.ok((await rowTitle(page, 'punishment'))!.split('\n').includes(HOSTILE.name));
      assert.ok((await rowTitle(page, 'wealth'))!.split('\n').includes(HOSTILE.bio));
      assert.match((await rowTitle(page, 'given'))!, /^given \(per agent\) · hidden from other agents/);
      assert.equal(await quantityText(page, 'given', '.quantity-tag'), 'hidden');
      // The donor game forms no ties: the first size is 'equal', not 'ties' (issue 59).
      assert.deepEqual(await page.$$eval('.size-by option', (os) => os.map((o) => o.textContent)), [
        'equal',
        'wealth',
        'given (hidden)',
      ]);
      const probe = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: string }).__pwned,
        markup: document.querySelectorAll('.world-state img, .world-state b, .world-state script').length,
      }));
      assert.deepEqual(probe, { pwned: undefined, markup: 0 });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('a scenario without state looks as before: no panel, no size picker, the tie legend', async () => {
    const trace = await hostileRun(8, 3);
    const { page, errors } = await openWebview(chromium.browser, trace);
    try {
      assert.equal(await page.isVisible('.panel.world-state'), false);
      assert.equal(await page.isVisible('.size-by'), false);
      const items = await page.$$eval('.network-legend > :not([hidden])', (xs) =>
        xs.map((x) => (x as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      );
      assert.deepEqual(items.slice(0, 2), ['one-way tie', 'reciprocated tie']);
      assert.match(items[2]!, /^size: ties ?\d+( … ?\d+)?$/);
      assert.match(items[3]!, /^colour: community/);
      assert.equal(items[4], 'width: strength');
      assert.equal(await page.locator('.side > :not([hidden])').count(), 2, 'the agent and metrics panels');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
