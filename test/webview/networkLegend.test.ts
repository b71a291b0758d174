// The network's legend in headless Chromium (issue 42, point 3): a society of actions and state
// with no ties (test/fixtures/state-society) gets no tie vocabulary, colours it explains (its two
// groups, or one neutral colour), a size scale when sized by an agent quantity, and metrics that
// do not count its agents as communities of one — from the scenario's design in a webview, and
// from its trace alone in a standalone page. A friend-making society keeps its tie legend, now
// with the scale of its circles.
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import * as act from '../e2e/act';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import { quantityValue } from '../../webview/panels/worldStatePanel';
import { exampleRun, hostileRun, scenarioRun } from './fixtures';
import { useChromium, openView, openWebview, keepScreenshot } from './harness';

const STATE_SOCIETY = path.join(__dirname, '..', 'fixtures', 'state-society', 'public-goods.society');
/** Words of the friend-making loop's legend that mean nothing without ties. */
const TIE_WORDS = /\btie|reciproc|communit|strength|degree/i;

/** The legend's visible text, item by item. */
const legendItems = (page: Page) =>
  page.$$eval('.network-legend > :not([hidden])', (xs) => xs.map((x) => (x as HTMLElement).innerText.trim()));

/** The trace table's kind filters on offer (those the trace has rows of). */
const offeredKinds = (page: Page) =>
  page.$$eval('.trace label.kind:not([hidden]) input', (xs) => xs.map((x) => (x as HTMLInputElement).value));

/** Computed fills of the circles drawn, and the colours of the legend's swatches (both as rgb()). */
async function colours(page: Page): Promise<{ fills: string[]; swatches: string[] }> {
  return page.evaluate(() => ({
    fills: [...new Set([...document.querySelectorAll('.network g.agent circle')].map((c) => getComputedStyle(c).fill))],
    swatches: [...document.querySelectorAll('.network-legend .swatch')].map((s) => getComputedStyle(s).backgroundColor),
  }));
}

/** The least and the most the agents held of `name` at the end of the run. */
function heldRange(trace: EmbeddedTrace, name: string): [number, number] {
  const values = new Map<string, number>();
  for (const e of trace.events) {
    if (e.type !== 'state') continue;
    for (const [id, v] of Object.entries(e.agents)) if (v[name] !== undefined) values.set(id, v[name]);
  }
  return [Math.min(...values.values()), Math.max(...values.values())];
}

describe('the network legend (headless Chromium)', function () {
  this.timeout(120000);
  const chromium = useChromium();
  let trace: EmbeddedTrace;
  before(async () => {
    trace = await scenarioRun(STATE_SOCIETY);
  });

  it('a society with state and no ties: no tie words, its groups explain every colour, sizes have a scale', async () => {
    assert.ok(!trace.events.some((e) => e.type === 'tie' || e.type === 'evaluation'), 'the society forms no ties');
    const { page, errors } = await openWebview(chromium.browser, trace);
    try {
      const items = await legendItems(page);
      assert.ok(!items.some((t) => TIE_WORDS.test(t)), `no tie vocabulary: ${JSON.stringify(items)}`);
      assert.equal(await page.getAttribute('.network-legend', 'data-colour'), 'group');
      assert.deepEqual(await page.$$eval('.network-legend .swatch-entry', (xs) => xs.map((x) => x.textContent)), [
        'hill',
        'river',
      ]);
      const { fills, swatches } = await colours(page);
      assert.equal(fills.length, 2, 'two groups, two colours');
      for (const f of fills) assert.ok(swatches.includes(f), `${f} is explained by a swatch (${swatches.join(', ')})`);
      // Sizes: "equal" at first (no ties to size by), then savings with the circles of its ends.
      assert.deepEqual(await page.$$eval('.size-by option', (os) => os.map((o) => o.textContent)), [
        'equal',
        'savings',
        'given',
      ]);
      assert.equal(await page.isVisible('.network-legend .size-scale'), false);
      await act.select(page, 'size by savings', page.locator('.size-by select'), 'savings');
      await page.waitForSelector('.network-legend .size-scale:not([hidden]) .size-step');
      const steps = await page.$$eval('.network-legend .size-step', (xs) =>
        xs.map((x) => ({ text: x.textContent, r: Number(x.querySelector('circle')?.getAttribute('r')) })),
      );
      assert.equal(steps.length, 2);
      // Savings are declared with min 0: the scale is fitted to the savings held, not from 0 (issue 73).
      const [least, most] = heldRange(trace, 'savings').map((v) => quantityValue(v, {}));
      assert.deepEqual(
        steps.map((x) => x.text),
        [least, most],
      );
      assert.ok(steps[0].r < steps[1].r, 'the least value has the smaller circle');
      assert.ok(
        (await page.getAttribute('.network-legend .size-scale', 'title'))!.includes(
          `the smallest ${least}, the largest ${most}`,
        ),
      );
      // Nor do the tooltip, the agents' labels or the agent panel tell of "0 ties out".
      const first = (await page.getAttribute('.network g.agent', 'data-id'))!;
      await act.hover(
        page,
        `the node of ${first}`,
        page.locator(`.network g.agent[data-id="${first}"] circle`),
        page.locator('.network .tooltip:not([hidden])'),
      );
      const tip = (await page.textContent('.network .tooltip'))!;
      assert.doesNotMatch(tip, TIE_WORDS);
      assert.match(tip, /savings: [\d.]+/);
      const labels = await page.$$eval('.network g.agent', (gs) => gs.map((g) => g.getAttribute('aria-label')!));
      assert.ok(!labels.some((l) => TIE_WORDS.test(l)), labels.join('; '));
      assert.equal(await page.getAttribute('.network svg', 'aria-label'), 'Network');
      await act.select(page, `pick ${first}`, page.locator('.panel.agent select'), first);
      await page.waitForSelector('.panel.agent .agent-quantity[data-name="savings"]');
      assert.doesNotMatch((await page.textContent('.panel.agent'))!, /Ties (out|in)/);
      // The metrics panel does not count nine unconnected agents as nine communities.
      const metrics = (await page.textContent('.panel.metrics'))!;
      assert.doesNotMatch(metrics, /communit|Density|Modularity/);
      assert.match(metrics, /9 agents/);
      // Nor does the trace filter offer conversations, ratings or advice this society never has.
      assert.ok(!(await offeredKinds(page)).some((k) => ['message', 'evaluation', 'advice'].includes(k)));
      await keepScreenshot(page, 'view-legend-state-society.png');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('says the same from the trace alone (a trace file: no design from the host)', async () => {
    const { design: _design, state: _state, ...bare } = trace;
    const { page, errors } = await openView(chromium.browser, bare);
    try {
      const items = await legendItems(page);
      assert.ok(!items.some((t) => TIE_WORDS.test(t)), `no tie vocabulary: ${JSON.stringify(items)}`);
      assert.equal(await page.getAttribute('.network-legend', 'data-ties'), 'false');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('one group: every agent in one neutral colour, which the legend shows', async () => {
    const one = await scenarioRun(STATE_SOCIETY, {
      rounds: 2,
      edit: (s) => {
        s.population[1].group = s.population[0].group;
        s.population[1].id_prefix = 'x';
      },
    });
    const { page, errors } = await openWebview(chromium.browser, one);
    try {
      assert.equal(await page.getAttribute('.network-legend', 'data-colour'), 'neutral');
      const { fills, swatches } = await colours(page);
      assert.equal(fills.length, 1);
      assert.deepEqual(swatches, fills);
      assert.equal(await page.textContent('.network-legend .legend-colour'), 'agent');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('a town whose residents meet and rate but tie to nobody: no ties or communities in the header or legend', async () => {
    // Issue 59: the town without its starting relationships; in three rounds no tie reaches 0.6.
    const town = await exampleRun('town', {
      rounds: 3,
      edit: (s) => {
        for (const p of s.personas) p.relationships = [];
      },
    });
    assert.ok(
      town.events.some((e) => e.type === 'evaluation'),
      'they rate each other',
    );
    assert.ok(!town.events.some((e) => e.type === 'round_end' && e.stats.ties > 0), 'no tie reaches the threshold');
    const { page, errors } = await openWebview(chromium.browser, town);
    try {
      await page.waitForSelector('.panel.metrics .summary');
      const items = await legendItems(page);
      assert.ok(!items.some((t) => TIE_WORDS.test(t)), `no tie vocabulary: ${JSON.stringify(items)}`);
      assert.equal(await page.getAttribute('.network-legend', 'data-ties'), 'false');
      const metrics = (await page.textContent('.panel.metrics'))!;
      assert.doesNotMatch(metrics, /communit|Density|Modularity|0 ties/);
      assert.match(metrics, /25 agents/);
      // The trace filter offers the kinds this town produces, not surveys or matches it has none of.
      assert.deepEqual(await offeredKinds(page), [
        'message',
        'learned',
        'evaluation',
        'action',
        'intervention',
        'error',
      ]);
      await keepScreenshot(page, 'view-legend-town-without-ties.png');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('a friend-making society keeps its tie legend, with the scale of its circles', async () => {
    const friends = await hostileRun(8, 3);
    const { page, errors } = await openWebview(chromium.browser, friends);
    try {
      const items = await legendItems(page);
      assert.equal(items[0], 'one-way tie');
      assert.equal(items[1], 'reciprocated tie');
      assert.match(items[2], /^size: ties\s*\d+\s*…\s*\d+$/);
      assert.match(items[3], /^colour: community(\s+no ties)?$/);
      // Agents without a tie are in the neutral colour the legend shows, not each a community of one.
      const isolated = await page.$$eval('.network g.agent', (gs) =>
        gs
          .filter((g) => /0 ties out, 0 in/.test(g.getAttribute('aria-label') ?? ''))
          .map((g) => getComputedStyle(g.querySelector('circle')!).fill),
      );
      assert.ok(isolated.length > 0, 'the run leaves someone without ties');
      const { swatches } = await colours(page);
      assert.deepEqual(swatches, [isolated[0]]);
      assert.equal(new Set(isolated).size, 1);
      assert.equal(items[4], 'width: strength');
      const degrees = await page.$$eval('.network g.agent', (gs) =>
        gs.map((g) =>
          /(\d+) ties? out, (\d+) in/
            .exec(g.getAttribute('aria-label') ?? '')!
            .slice(1)
            .map(Number),
        ),
      );
      const totals = degrees.map(([o, i]) => o + i);
      assert.deepEqual(await page.$$eval('.network-legend .size-step', (xs) => xs.map((x) => x.textContent)), [
        String(Math.min(...totals)),
        String(Math.max(...totals)),
      ]);
      await keepScreenshot(page, 'view-legend-friends.png');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
