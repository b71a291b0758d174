// Issue 42, point 3, in a real VS Code (code-server + Chromium): a society with state and no ties
// (test/fixtures/state-society/public-goods.society: two villages, a common fund, fines; its round
// is two action phases, no meet or evaluate) is run as a newcomer would. The end-of-run message
// reports the world's quantities and the agents' means, not "0 ties"; the society view's legend
// says nothing of ties, explains every colour it draws (the two villages), and gives nodes sized
// by savings a scale. A friend-making society beside it (meetup.society) keeps its tie legend,
// with the scale of its circles. Screenshots are saved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import * as act from './act';
import { REPO } from './codeServer';
import { slug, useWorkbench } from './session';
import { runOutcome, runToCompletion } from './worldSteps';
import { quantityText } from '../../src/core/text/quantityText';

const FIXTURES = path.join(REPO, 'test/fixtures/state-society');
const fillWorkspace = (ws: string): void => fs.cpSync(FIXTURES, ws, { recursive: true });

/** Words of the friend-making loop's legend that mean nothing in a society without ties. */
const TIE_WORDS = /\btie|reciproc|communit|strength|degree/i;

type Line = Record<string, any>;

/** The trace of the run of `scenario` (by name) under the workspace's runs/ folder. */
function traceOf(workspace: string, scenario: string): Line[] {
  const runs = path.join(workspace, 'runs');
  const dir = fs.readdirSync(runs).find((d) => d.startsWith(`${slug(scenario)}-`));
  assert.ok(dir, `a run folder for ${scenario}`);
  return fs
    .readFileSync(path.join(runs, dir, 'trace.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
}

/** The legend's visible items, as a reader sees them. */
const legendItems = (view: FrameLocator) =>
  view
    .locator('.network-legend > :not([hidden])')
    .evaluateAll((xs) => xs.map((x) => (x as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));

describe('a society with state and no ties: its view explains itself (code-server + Chromium)', function () {
  const s = useWorkbench('state-society', fillWorkspace);
  let view: FrameLocator;
  let events: Line[] = [];

  it('runs a public goods game; the end-of-run message reports its state, not "0 ties"', async () => {
    await s.wb.open('public-goods.society');
    assert.equal((await s.wb.scenarioProblemCounts()).errors, 0);
    view = await runToCompletion(s.wb);
    events = traceOf(s.server.workspace, 'Village fund');
    assert.ok(!events.some((e) => e.type === 'tie' || e.type === 'evaluation'), 'nobody forms a tie');
    const last = events.filter((e) => e.type === 'state').at(-1)!;
    // The outcome, as the status bar keeps it (no notification covers the view after a clean run).
    const text = await runOutcome(s.wb, '8/8');
    assert.match(text, /Village fund: 8 rounds/, text);
    assert.doesNotMatch(text, /\bties?\b/, text);
    const world = Object.entries<number>(last.world).map(([k, v]) => `${k} ${quantityText(v)}`);
    assert.ok(text.includes(`World: ${world.join(', ')}.`), text);
    assert.match(text, /Mean per agent: savings [\d.]+, given [\d.]+\./);
    await s.wb.screenshot('state-society-end-message');
  });

  it('its legend speaks only of what is drawn, explains every colour, and gives sized nodes a scale', async () => {
    await s.wb.command('View: Close Primary Side Bar');
    await s.wb.showTab('Village fund (run)');
    await s.wb.command('View: Toggle Maximize Editor Group');
    const items = await legendItems(view);
    assert.ok(items.length > 0);
    assert.ok(!items.some((t) => TIE_WORDS.test(t)), `no tie vocabulary: ${JSON.stringify(items)}`);
    // Every colour drawn is a swatch in the legend: here the two villages.
    assert.deepEqual(await view.locator('.network-legend .swatch-entry').allTextContents(), ['hill', 'river']);
    const fills = await view
      .locator('.network g.agent circle')
      .evaluateAll((cs) => [...new Set(cs.map((c) => getComputedStyle(c).fill))]);
    const swatches = await view
      .locator('.network-legend .swatch')
      .evaluateAll((xs) => xs.map((x) => getComputedStyle(x).backgroundColor));
    assert.equal(fills.length, 2, `two villages, two colours: ${fills.join(', ')}`);
    for (const f of fills) assert.ok(swatches.includes(f), `${f} is explained (swatches: ${swatches.join(', ')})`);
    // Nothing to size by but the agents' quantities: "equal" first, then savings with its scale.
    assert.deepEqual(await view.locator('.size-by option').allTextContents(), ['equal', 'savings', 'given']);
    await act.select(s.wb.page, 'size by savings', view.locator('.size-by select'), 'savings');
    await view.locator('.network-legend .size-scale:not([hidden]) .size-step').first().waitFor();
    const steps = await view.locator('.network-legend .size-step').allTextContents();
    // Each villager's savings at the last round (a state event lists the values that changed).
    const values = new Map<string, number>();
    for (const e of events.filter((x) => x.type === 'state')) {
      for (const [id, v] of Object.entries<Line>(e.agents)) if (v.savings !== undefined) values.set(id, v.savings);
    }
    const held = [...new Set([Math.min(...values.values()), Math.max(...values.values())])].map((v) => quantityText(v));
    assert.deepEqual(steps, held, 'fitted to the savings held now, not from the declared 0 (issue 73)');
    assert.match((await view.locator('.network-legend .size-scale').getAttribute('title')) ?? '', /savings/);
    // Nor does a villager's tooltip tell of "0 ties out".
    const tip = view.locator('.network .tooltip:not([hidden])');
    await act.hover(s.wb.page, "a villager's node", view.locator('.network g.agent circle').first(), tip);
    assert.doesNotMatch((await tip.textContent()) ?? '', TIE_WORDS);
    assert.match((await tip.textContent()) ?? '', /savings: [\d.]+/);
    // The metrics panel does not count nine unconnected villagers as nine communities.
    assert.doesNotMatch((await view.locator('.panel.metrics').textContent()) ?? '', /communit|Density/);
    await view.locator('.network[data-layout="settled"]').waitFor({ timeout: 20_000 });
    await s.wb.page.waitForTimeout(800);
    await s.wb.screenshot('state-society-view');
    await s.wb.command('View: Toggle Maximize Editor Group');
    await s.wb.command('View: Toggle Primary Side Bar Visibility');
  });

  it('a friend-making society keeps its tie legend, with the scale of its circles', async () => {
    await s.wb.command('View: Close All Editor Groups');
    await s.wb.open('meetup.society');
    const friends = await runToCompletion(s.wb);
    const trace = traceOf(s.server.workspace, 'Book club meetup');
    const ties = trace.filter((e) => e.type === 'round_end').at(-1)!.stats.ties as number;
    assert.ok(ties > 0);
    assert.match(await runOutcome(s.wb, '6/6'), new RegExp(`Book club meetup: 6 rounds, ${ties} ties\\.`));
    await friends.locator(`.network[data-edges="${ties}"]`).waitFor();
    const items = await legendItems(friends);
    assert.deepEqual(items.slice(0, 2), ['one-way tie', 'reciprocated tie']);
    assert.match(items[2], /^size: ties ?\d+( … ?\d+)?$/);
    assert.match(items[3], /^colour: community/);
    assert.equal(items.at(-1), 'width: strength');
    await s.wb.command('Notifications: Clear All Notifications');
    await friends.locator('.network[data-layout="settled"]').waitFor({ timeout: 20_000 });
    await s.wb.screenshot('state-society-friends-view');
  });
});
