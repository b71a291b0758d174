// The Why panel in headless Chromium, in the page VS Code shows: clicking a tie in the network
// lists the events that moved it (the same chain as `society explain`), each line posts a request
// to open the trace there, a memory's opens the memory inspector, and persona strings stay text.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import * as act from '../e2e/act';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import type { ViewMessage } from '../../src/core/protocol/viewMessages';
import { explainTie } from '../../src/core/analysis/explain/tieChain';
import { exampleRun, HOSTILE, hostileRun } from './fixtures';
import { keepScreenshot, useChromium, openWebview } from './harness';

/** Clicks the middle of the drawn tie from → to, on screen, until the Why panel explains a tie. */
async function clickTie(page: Page, from: string, to: string): Promise<void> {
  const at = () =>
    page.$eval(`.network path.tie[data-from="${from}"][data-to="${to}"]`, (p) => {
      const path = p as SVGPathElement;
      const mid = path.getPointAtLength(path.getTotalLength() * 0.4);
      const m = path.getScreenCTM()!;
      return { x: m.a * mid.x + m.c * mid.y + m.e, y: m.b * mid.x + m.d * mid.y + m.f };
    });
  await act.clickAt(page, `the tie ${from} → ${to}`, at, page.locator('.panel.why:not([hidden]) .why-move'));
}

const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted?: ViewMessage[] }).__posted ?? []);

describe('the Why panel (headless Chromium)', function () {
  this.timeout(120000);
  const chromium = useChromium();
  let trace: EmbeddedTrace;
  let page: Page;
  let errors: string[];
  before(async () => {
    trace = await hostileRun(14, 6);
    ({ page, errors } = await openWebview(chromium.browser, trace, { width: 1400, height: 900 }));
    await page.waitForSelector('.network[data-layout="settled"]', { timeout: 30000 });
  });

  it('opens on a clicked tie with its moves, their sum and the events behind them, persona names as text', async () => {
    // A tie held by the agent with a hostile name, so its name is in the panel.
    const [from, to] = await page.$eval('.network path.tie[data-from="p0"]', (p) => [
      p.getAttribute('data-from')!,
      p.getAttribute('data-to')!,
    ]);
    assert.equal(await page.locator('.panel.why').isHidden(), true);
    await clickTie(page, from, to);
    await page.waitForSelector('.panel.why:not([hidden]) .why-move');
    const expected = explainTie({ events: trace.events }, { from, to, round: 6 });
    const heading = await page.locator('.panel.why summary').textContent();
    assert.equal(heading, `Why ${HOSTILE.name} → ${expected.names[to]}`);
    const moves = expected.rounds.flatMap((r) => r.moves);
    assert.equal(await page.locator('.panel.why .why-move').count(), moves.length);
    const value = expected.values[`${from}→${to}`].toFixed(3);
    assert.match(
      (await page.locator('.why-lead').textContent())!,
      new RegExp(`^${value} at the end of round 6; the changes below add up to ${value}\\.$`),
    );
    assert.ok((await page.locator('.panel.why .why-item.kind-evaluation').count()) > 0);
    assert.ok((await page.locator('.panel.why .why-item.kind-message').count()) > 0);
    const probe = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned,
      markup: document.querySelectorAll('.panel.why img, .panel.why script, .panel.why svg, .panel.why b').length,
    }));
    assert.deepEqual(probe, { pwned: undefined, markup: 0 });
    await keepScreenshot(page, 'why-panel.png');
    assert.deepEqual(errors, []);
  });

  it("posts the line of an item's trace event, and a memory's agent for the inspector", async () => {
    const line = page.locator('.panel.why .why-move .why-line').first();
    const n = Number((await line.textContent())!.replace('line ', ''));
    const postedKind = (type: string) => async () => (await posted(page)).some((m) => m.type === type);
    await act.click(page, "the item's trace line", line, postedKind('revealTrace'));
    const memory = page.locator('.panel.why .why-memory').first();
    // Issue 61: the row read "memory … memory": its button says what it does.
    assert.equal(await memory.textContent(), 'inspect');
    await act.click(page, 'a memory in the Why panel', memory, postedKind('inspectMemory'));
    const messages = await posted(page);
    assert.deepEqual(
      messages.find((m) => m.type === 'revealTrace'),
      { type: 'revealTrace', line: n },
    );
    // The trace is the header and then one event a line: line n is event n − 2.
    assert.equal(trace.events[n - 2].type, 'tie');
    const inspect = messages.find((m) => m.type === 'inspectMemory');
    assert.ok(
      inspect && inspect.type === 'inspectMemory' && inspect.agent === 'p0' && Number.isInteger(inspect.memory),
    );
  });

  it('closes', async () => {
    await act.click(page, 'close the Why panel', page.locator('.why-close'), act.hidden(page.locator('.panel.why')));
    assert.equal(await page.locator('.panel.why').isHidden(), true);
  });

  it('explains a tie of the friends example, as a researcher sees it', async () => {
    const friends = await exampleRun('friends', { rounds: 8 });
    const { page: p, errors: e } = await openWebview(chromium.browser, friends, { width: 1400, height: 900 });
    await p.waitForSelector('.network[data-layout="settled"]', { timeout: 30000 });
    const [from, to] = await p.$eval('.network path.tie', (t) => [
      t.getAttribute('data-from')!,
      t.getAttribute('data-to')!,
    ]);
    await clickTie(p, from, to);
    await p.waitForSelector('.panel.why:not([hidden]) .why-move');
    const names = explainTie({ events: friends.events }, { from, to }).names;
    assert.equal(await p.locator('.panel.why summary').textContent(), `Why ${names[from]} → ${names[to]}`);
    // Issue 61: rows in words — no "memory memory", no conversation or memory ids.
    const rows = await p.locator('.panel.why li.why-item, .panel.why li.why-move').allTextContents();
    assert.ok(rows.length > 2);
    for (const row of rows) assert.doesNotMatch(row, /memory\s*memory|#\d|\d+:[a-z_]+:\d+/, row);
    await keepScreenshot(p, 'why-panel-friends.png');
    assert.deepEqual(e, []);
    await p.close();
  });
});
