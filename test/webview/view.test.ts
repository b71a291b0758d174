// The society view in headless Chromium, standalone (the trace embedded as in `society report`):
// it draws every agent and tie, lists every trace row through a virtualized table, scrubs through
// rounds, links selection across panels, switches to canvas for large networks, and keeps
// hostile persona strings inert.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import * as act from '../e2e/act';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import { expectedTies, HOSTILE, hostileRun, rowCount, syntheticTrace } from './fixtures';
import { useChromium, openView, keepScreenshot } from './harness';
import { nodeLabel } from '../../webview/model/networkData';

const dataset = (page: Page, selector: string) => page.$eval(selector, (e) => ({ ...(e as HTMLElement).dataset }));

describe('society view (standalone, headless Chromium)', function () {
  this.timeout(120000);
  const chromium = useChromium();

  describe('a coached run with hostile persona strings', () => {
    let trace: EmbeddedTrace;
    let page: Page;
    let errors: string[];
    before(async () => {
      trace = await hostileRun(14, 6);
      ({ page, errors } = await openView(chromium.browser, trace));
    });
    after(async () => {
      await page?.close();
    });

    it('draws one node per agent and one path per tie of the last round', async () => {
      const ties = expectedTies(trace);
      assert.ok(ties > 0, 'the fixture run forms ties');
      const net = await dataset(page, '.network');
      assert.equal(net.renderer, 'svg');
      assert.equal(Number(net.nodes), 14);
      assert.equal(await page.locator('.network g.agent').count(), 14);
      assert.equal(await page.locator('.network path.tie').count(), ties);
      assert.equal(Number(net.edges), ties);
      assert.deepEqual(errors, []);
    });

    it('lists every message, evaluation and advice, rendering only visible rows', async () => {
      const table = await dataset(page, '.trace');
      assert.equal(Number(table.total), rowCount(trace));
      assert.equal(Number(table.rows), rowCount(trace));
      const rendered = await page.locator('.vlist .vrow').count();
      assert.ok(rendered > 3 && rendered < 80, `rendered ${rendered} rows`);
      assert.ok(rowCount(trace) > 200);
    });

    it('keeps hostile strings inert and shows them as text', async () => {
      await keepScreenshot(page, 'view-hostile.png');
      const probe = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: string }).__pwned,
        imgs: document.querySelectorAll('img').length,
        scripts: document.querySelectorAll('script').length,
        svgInAgents: document.querySelectorAll(
          '.society-app .side svg[onload], .society-app [onerror], .society-app [onmouseover]',
        ).length,
        labels: [...document.querySelectorAll('.network text.label')].map((t) => t.textContent),
        titles: [...document.querySelectorAll('.network g.agent title')].map((t) => t.textContent),
        title: document.querySelector('.society-app h1')?.textContent,
      }));
      assert.equal(probe.pwned, undefined);
      assert.equal(probe.imgs, 0);
      assert.equal(probe.scripts, 2, 'only the embedded JSON and the bundle');
      assert.equal(probe.svgInAgents, 0);
      // Drawn cut to a label's length, whole in each circle's tooltip.
      assert.ok(probe.labels.includes(nodeLabel(HOSTILE.name)));
      assert.ok(probe.labels.includes(nodeLabel(HOSTILE.close)));
      assert.ok(probe.titles.includes(HOSTILE.name) && probe.titles.includes(HOSTILE.close));
      assert.equal(probe.title, trace.header.scenario.name);
    });

    it('shows every trace column heading whole, in a wide and in a narrow panel', async () => {
      const cut = () =>
        page.$$eval('.vrow.head > span', (spans) =>
          spans
            .filter((s) => getComputedStyle(s).display !== 'none' && s.scrollWidth > s.clientWidth)
            .map((s) => s.textContent),
        );
      assert.deepEqual(await cut(), [], 'at 1280 px');
      await page.setViewportSize({ width: 560, height: 860 });
      try {
        await page.waitForFunction(
          () => getComputedStyle(document.querySelector('.vrow.head > span:nth-child(4)')!).display === 'none',
        );
        assert.deepEqual(await cut(), [], 'at 560 px, beside an editor');
      } finally {
        await page.setViewportSize({ width: 1280, height: 860 });
      }
    });

    it('reads a cut cell whole: its row tooltip holds it, and a column resizes by drag and by keys', async () => {
      const row = page.locator('.vlist .vrow').first();
      const cells = await row.locator('span').allTextContents();
      const title = (await row.getAttribute('title')) ?? '';
      assert.ok(title.includes(cells[3]) && title.includes(cells[4]), `detail and text in the tooltip: ${title}`);
      assert.match(title, /^Round \d+ · \w+ · /);
      const width = (selector: string) => page.$eval(selector, (s) => s.getBoundingClientRect().width);
      const detail = '.vlist .vrow span:nth-child(4)';
      const before = await width(detail);
      const handle = page.locator('.vrow.head .col-resize[data-column="3"]');
      const box = (await handle.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
      const dragged = await width(detail);
      assert.ok(Math.abs(dragged - before - 120) <= 2, `dragged 120 px: ${before} → ${dragged}`);
      assert.equal(await width('.vrow.head > span:nth-child(4)'), dragged, 'the heading follows');
      await handle.focus();
      await page.keyboard.press('ArrowLeft');
      assert.ok(Math.abs((await width(detail)) - (dragged - 16)) <= 1, 'ArrowLeft narrows by 16 px');
      await act.dblclick(
        page,
        "the resize handle's double click",
        handle,
        async () => Math.abs((await width(detail)) - before) <= 1,
      );
      assert.ok(Math.abs((await width(detail)) - before) <= 1, 'a double click gives the default back');
    });

    it('shows a hostile persona in the agent panel as text', async () => {
      await act.select(page, 'pick an agent', page.locator('.panel.agent select'), 'p3');
      await page.waitForFunction(() => document.querySelector('.panel.agent h3') !== null);
      assert.equal(await page.textContent('.panel.agent .bio'), HOSTILE.bio);
      await act.select(page, 'pick an agent', page.locator('.panel.agent select'), 'p2');
      await page.waitForFunction(() => document.querySelector('.panel.agent p.muted')?.textContent?.startsWith('p2 '));
      assert.match((await page.textContent('.panel.agent'))!, /<svg onload=/);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    });

    it('searches names and text, and clicking a row selects its agents', async () => {
      await page.fill('.filters .search', 'window.__pwned');
      await page.waitForFunction(
        () =>
          Number((document.querySelector('.trace') as HTMLElement).dataset.rows) <
          Number((document.querySelector('.trace') as HTMLElement).dataset.total),
      );
      const found = Number((await dataset(page, '.trace')).rows);
      assert.ok(found > 0, 'rows of the hostile agents are found by name');
      // The previous test left an agent selected: wait for the selection the click makes (the
      // first match is a message between the two hostile agents), not for any selection.
      await act.click(page, 'the first row found', page.locator('.vlist .vrow').first(), () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.network g.agent.selected')].some((g) =>
            ['p0', 'p1'].includes(g.getAttribute('data-id')!),
          ),
        ),
      );
      const selected = await page.$$eval('.network g.agent.selected', (gs) => gs.map((g) => g.getAttribute('data-id')));
      const heading = await page.textContent('.panel.agent h3');
      assert.ok(selected.length >= 1 && selected.length <= 2);
      assert.ok(
        selected.some((id) => ['p0', 'p1'].includes(id!)),
        `selected ${selected}`,
      );
      assert.ok([HOSTILE.name, HOSTILE.close].includes(heading!));
      await page.fill('.filters .search', '');
    });

    it('filters by kind and by round', async () => {
      await act.setChecked(page, 'untick message', page.locator('.filters input[value="message"]'), false);
      await act.setChecked(page, 'untick evaluation', page.locator('.filters input[value="evaluation"]'), false);
      const advice = trace.events.filter((e) => e.type === 'advice').length;
      await page.waitForFunction(
        (n) => (document.querySelector('.trace') as HTMLElement).dataset.rows === String(n),
        advice,
      );
      await act.setChecked(page, 'tick message', page.locator('.filters input[value="message"]'), true);
      await act.setChecked(page, 'tick evaluation', page.locator('.filters input[value="evaluation"]'), true);
      await act.select(page, 'rounds: current', page.locator('.filters select[aria-label="Rounds"]'), 'current');
      const last = trace.events.filter(
        (e) => e.round === 6 && ['message', 'evaluation', 'advice'].includes(e.type),
      ).length;
      await page.waitForFunction(
        (n) => (document.querySelector('.trace') as HTMLElement).dataset.rows === String(n),
        last,
      );
      await act.select(page, 'rounds: all', page.locator('.filters select[aria-label="Rounds"]'), 'all');
    });

    // Audit: during playback with "This round", the detail pane kept a row of another round.
    it('keeps the detail pane in step with the list: its row stays active, or the pane empties when the row leaves', async () => {
      const detail = () => page.$eval('.trace', (e) => Number((e as HTMLElement).dataset.detailRow));
      const third = page.locator('.vlist .vrow').nth(2);
      await act.click(page, 'the third row', third, third.and(page.locator('.vrow.active')));
      const chosen = await detail();
      assert.ok(chosen >= 0);
      assert.match((await page.textContent('.trace-detail strong')) ?? '', /^Round 1 · /);
      // Scrubbing with all rounds listed: the row stays, still the active one.
      await page.focus('.timeline-range');
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => (document.querySelector('.network') as HTMLElement).dataset.round === '5');
      assert.equal(await detail(), chosen);
      assert.equal(await page.locator('.vlist .vrow.active').count(), 1);
      // "This round" at round 5: the round-1 row is not listed, so the pane empties.
      await act.select(page, 'rounds: current', page.locator('.filters select[aria-label="Rounds"]'), 'current');
      await page.waitForFunction(() => (document.querySelector('.trace') as HTMLElement).dataset.detailRow === '-1');
      assert.equal(await page.textContent('.trace-detail'), '');
      assert.equal(await page.locator('.vlist .vrow.active').count(), 0);
      // A row of round 5 chosen, then playback moves to round 6: emptied again, not left behind.
      const first = page.locator('.vlist .vrow').first();
      await act.click(page, 'the first row of round 5', first, first.and(page.locator('.vrow.active')));
      assert.match((await page.textContent('.trace-detail strong')) ?? '', /^Round 5 · /);
      await act.click(page, 'Latest', page.locator('.timeline button:has-text("Latest")'), () =>
        page.evaluate(() => (document.querySelector('.trace') as HTMLElement).dataset.detailRow === '-1'),
      );
      await act.select(page, 'rounds: all', page.locator('.filters select[aria-label="Rounds"]'), 'all');
    });

    it('replays the network at an earlier round with the timeline', async () => {
      await page.focus('.timeline-range');
      await page.keyboard.press('Home');
      await page.waitForFunction(() => (document.querySelector('.network') as HTMLElement).dataset.round === '0');
      assert.equal(await page.locator('.network path.tie').count(), expectedTies(trace, 0));
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => (document.querySelector('.network') as HTMLElement).dataset.round === '3');
      assert.equal(await page.locator('.network path.tie').count(), expectedTies(trace, 3));
      assert.equal(await page.textContent('.timeline-label'), 'Round 3 / 6');
      await act.click(
        page,
        'Latest',
        page.locator('.timeline button:has-text("Latest")'),
        page.locator('.network[data-round="6"]'),
      );
    });

    it('selects an agent by clicking its node and by keyboard', async () => {
      // Playwright's click waits until the node stands still (the layout may still be settling)
      // and until it, not a label over it, receives the click.
      await act.click(
        page,
        "p5's node",
        page.locator('.network g.agent[data-id="p5"] circle'),
        page.locator('.network g.agent.selected[data-id="p5"]'),
      );
      assert.equal(await page.inputValue('.panel.agent select'), 'p5');
      await page.focus('.network g.agent[data-id="p6"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        document.querySelector('.network g.agent[data-id="p6"]')?.classList.contains('selected'),
      );
      await page.focus('.network');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelectorAll('.network g.agent.selected').length === 0);
    });

    it('charts the metrics of every round', async () => {
      await page.waitForFunction(() => document.querySelectorAll('.panel.metrics svg.chart').length === 5);
      const titles = await page.$$eval('.panel.metrics .chart-title', (ts) => ts.map((t) => t.textContent));
      assert.deepEqual(
        titles.map((t) => t!.split(':')[0]),
        ['Density', 'Reciprocity', 'Avg clustering', 'Modularity', 'Mean reward per driver'],
      );
      assert.equal(await page.locator('.panel.metrics svg.chart').last().locator('path.series').count(), 6);
    });
  });

  it('writes only names that do not overlap in a crowded panel, above the nodes, and the selected one always', async () => {
    const trace = syntheticTrace({ agents: 120, ties: 400, rounds: 2 });
    const { page, errors } = await openView(chromium.browser, trace, { width: 900, height: 700 });
    assert.equal((await dataset(page, '.network')).renderer, 'svg');
    // Measured once the layout has come to rest: names are placed per frame while it moves.
    await page.waitForFunction(
      () => (document.querySelector('.network') as HTMLElement).dataset.layout === 'settled',
      null,
      { timeout: 30000 },
    );
    const boxes = () =>
      page.$$eval('.network text.label:not(.hidden)', (ts) =>
        ts.map((t) => {
          const r = t.getBoundingClientRect();
          return { name: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
        }),
      );
    const shown = await boxes();
    assert.ok(shown.length >= 10 && shown.length < 120, `${shown.length} of 120 names written`);
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        const [a, b] = [shown[i], shown[j]];
        const overlap =
          Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 &&
          Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;
        assert.ok(!overlap, `'${a.name}' and '${b.name}' overlap`);
      }
    }
    // The names are a layer above the agents (not covered by later circles), and every agent keeps its name as a tooltip.
    assert.equal(await page.$eval('.network .viewport', (v) => v.lastElementChild?.getAttribute('class')), 'labels');
    assert.equal(await page.locator('.network g.agent title').count(), 120);
    // Selecting an agent whose name was left out writes it.
    const hidden = await page.$eval('.network text.label.hidden', (t) => t.textContent);
    await act.select(page, 'pick an agent', page.locator('.panel.agent select'), { label: hidden! });
    await page.waitForTimeout(300);
    assert.ok(
      (await boxes()).some((b) => b.name === hidden),
      `${hidden} is written once selected`,
    );
    await keepScreenshot(page, 'view-labels.png');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('names each model the agents used once, not every config of the header (issue 88)', async () => {
    // "Run Simulation with Model… → Offline" adds 'editor-choice' beside the scenario's own offline default.
    const trace = syntheticTrace({ agents: 3, ties: 1, rounds: 1 });
    const models = trace.header.models;
    models['editor-choice'] = { ...models.default, name: 'editor-choice' };
    models.coach = { name: 'coach', provider: 'openai', model: 'gpt-4o-mini', concurrency: 4, on_error: 'offline' };
    models.judge = { ...models.coach, name: 'judge' };
    let { page, errors } = await openView(chromium.browser, trace, { width: 900, height: 700 });
    assert.equal(await page.textContent('.bar .models'), 'offline rule-based model (not an LLM)');
    assert.deepEqual(errors, []);
    await page.close();
    // A local model chosen in the editor answered every agent: the header names it alone, not the
    // scenario's offline default beside it.
    models['editor-choice'] = {
      name: 'editor-choice',
      provider: 'local',
      model: '/models/SmolLM2.gguf',
      concurrency: 1,
      on_error: 'skip',
    };
    for (const e of trace.events) if (e.type === 'agent_added') e.model = 'editor-choice';
    ({ page, errors } = await openView(chromium.browser, trace, { width: 900, height: 700 }));
    assert.equal(await page.textContent('.bar .models'), 'local SmolLM2.gguf');
    assert.equal(await page.getAttribute('.bar .models', 'title'), '/models/SmolLM2.gguf');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('draws large networks on a canvas and keeps them interactive', async () => {
    const trace = syntheticTrace({ agents: 600, ties: 2400, rounds: 3 });
    const { page, errors } = await openView(chromium.browser, trace);
    const net = await dataset(page, '.network');
    assert.equal(net.renderer, 'canvas');
    assert.equal(Number(net.nodes), 600);
    assert.equal(Number(net.edges), expectedTies(trace));
    assert.equal(await page.locator('.network svg').count(), 0);
    await page.waitForTimeout(500);
    const inked = await page.$eval('.network canvas', (c) => {
      const canvas = c as HTMLCanvasElement;
      const ctx = canvas.getContext('2d')!;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const [r, g, b] = [data[0], data[1], data[2]];
      let differ = 0;
      for (let i = 0; i < data.length; i += 4 * 97) {
        if (data[i] !== r || data[i + 1] !== g || data[i + 2] !== b) differ++;
      }
      return differ;
    });
    assert.ok(inked > 100, `only ${inked} sampled pixels differ from the background`);
    // Hover finds a node under the pointer, wheel zooms.
    const center = await page.$eval('.network', (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(center.x, center.y);
    await page.mouse.wheel(0, -300);
    await keepScreenshot(page, 'view-canvas.png');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('scrolls 100,000 trace rows with a constant number of DOM rows', async () => {
    const trace = syntheticTrace({ agents: 50, ties: 100, rounds: 10, messages: 100000 });
    const { page, errors } = await openView(chromium.browser, trace);
    assert.equal(Number((await dataset(page, '.trace')).total), 100000);
    const before = await page.locator('.vlist .vrow').count();
    await page.$eval('.vlist', (v) => {
      v.scrollTop = v.scrollHeight / 2;
    });
    await page.waitForFunction(
      () => Number(document.querySelector('.vlist .vrow')?.getAttribute('aria-rowindex')) > 40000,
    );
    const first = Number(await page.locator('.vlist .vrow').first().getAttribute('aria-rowindex'));
    const text = await page.locator('.vlist .vrow').first().locator('span').last().textContent();
    assert.equal(text, `Message ${first - 1} about topic ${(first - 1) % 97}`);
    const after = await page.locator('.vlist .vrow').count();
    assert.ok(before < 80 && after < 80, `${before} rows at the top, ${after} in the middle`);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
