// Issue 42, points 2 and 4, in a real VS Code (code-server + Chromium), on societies written for
// the test (test/fixtures/world-state-panel): a public goods game with punishment (five world
// quantities, three per agent) and a town where each resident's place and the weather are
// categorical quantities (`labels:`).
// - Paused at a phase breakpoint mid-round, the World state panel shows the paused moment, as
//   Variables do: the same values of every world quantity and of the stopped agent, labelled as
//   the paused point, the marker's dot on the line's end; again after a continue and at the
//   round's end; and back to the trace's own state once the run goes on.
// - Run beside the editor, the panel shows all eight quantities at once, a row each.
// - A categorical quantity: its contradictions are errors where written (SOC079); the panel draws
//   the residents' shares of each place and the weather's label; the trace table and Variables
//   name the values (`place = 2 (park)`).
// Screenshots are saved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import * as act from './act';
import { REPO } from './codeServer';
import { useWorkbench } from './session';
import { STEP_MS, type Workbench } from './workbench';
import { addFunctionBreakpoint, frameWith, runToCompletion, scopeState } from './worldSteps';

const FIXTURES = path.join(REPO, 'test/fixtures/world-state-panel');
const fill = (ws: string): void => fs.cpSync(FIXTURES, ws, { recursive: true });

const WORLD = ['pot', 'multiplier', 'payout', 'fines', 'punishment'];
const AGENT = ['coins', 'given', 'fined'];

type Line = Record<string, any>;

/** The events of the run of `scenario` under the workspace's runs folder (the header first). */
function runOf(workspace: string, scenario: string): Line[] {
  const runs = path.join(workspace, 'runs');
  for (const dir of fs.readdirSync(runs)) {
    const file = path.join(runs, dir, 'trace.jsonl');
    if (!fs.existsSync(file)) continue;
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    if (lines[0]?.scenario?.name === scenario) return lines;
  }
  throw new Error(`no run of ${scenario} in ${runs}`);
}

/** Starts a first debug session of the open file (it runs to its end), so the Breakpoints view is there. */
async function breakpointsPane(wb: Workbench): Promise<Locator> {
  const page = wb.page;
  await page.keyboard.press('Control+Shift+D');
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Breakpoints/i }) });
  if (!(await pane.isVisible())) {
    await wb.command('Debug: Start Debugging');
    await pane.waitFor({ timeout: STEP_MS * 2 });
    // Until that session ends: a breakpoint set meanwhile would stop it, and F5 would ask for another.
    await page
      .locator('.debug-toolbar')
      .waitFor({ timeout: STEP_MS / 3 })
      .catch(() => undefined);
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: STEP_MS * 4 });
  }
  return pane;
}

/** F5 on the open file with one function breakpoint on `phase`: the top frame once it stops there. */
async function stopAtPhase(wb: Workbench, phase: string): Promise<string> {
  const page = wb.page;
  // A session an earlier step left paused would make F5 ask for another one.
  if (await page.locator('.debug-toolbar').isVisible()) {
    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
  }
  const pane = await breakpointsPane(wb);
  await wb.command('Remove All Breakpoints');
  await addFunctionBreakpoint(page, pane, phase);
  await wb.command('Debug: Start Debugging');
  return topFrame(page, new RegExp(`· ${phase}`));
}

/** The top frame of the call stack once it matches `name`. */
async function topFrame(page: Page, name: RegExp): Promise<string> {
  const row = page.locator('.debug-call-stack .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: STEP_MS * 2 });
  return (await row.textContent()) ?? '';
}

/** The World state panel's value of a quantity. */
const panelValue = (view: Frame | FrameLocator, name: string): Promise<string> =>
  view
    .locator(`.world-state .quantity[data-name="${name}"] .quantity-value`)
    .textContent()
    .then((t) => (t ?? '').replace(/,/g, ''));

/** Polls until the panel's values equal `expected` (the view draws a frame after the stop), else fails with the difference. */
async function panelAgrees(view: Frame, expected: Map<string, string>, what: string): Promise<void> {
  const deadline = Date.now() + STEP_MS / 2;
  for (;;) {
    const shown = new Map<string, string>();
    for (const name of expected.keys()) shown.set(name, await panelValue(view, name));
    const differ = [...expected].filter(([n, v]) => Math.abs(Number(shown.get(n)) - Number(v)) > 0.01);
    if (!differ.length) return;
    if (Date.now() > deadline) {
      assert.fail(
        `${what}: the World state panel and Variables disagree: ${differ.map(([n, v]) => `${n} ${shown.get(n)} in the panel, ${v} in Variables`).join('; ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The stopped agent's quantities in the view's agent panel, once it is selected there. */
async function agentPanelAgrees(view: Frame, agent: string, expected: Map<string, string>): Promise<void> {
  // By its label, the person's name (its value is the agent's id).
  await act.select(view.page(), `pick ${agent} in the agent panel`, view.locator('.panel.agent select').first(), {
    label: agent,
  });
  for (const [name, value] of expected) {
    const cell = view.locator(`.panel.agent .agent-quantity[data-name="${name}"] .num`);
    await cell.waitFor();
    const shown = ((await cell.textContent()) ?? '').replace(/,/g, '');
    assert.ok(
      Math.abs(Number(shown) - Number(value)) < 0.01,
      `${agent}.${name}: ${shown} in the view, ${value} in Variables`,
    );
  }
}

/** The points of an SVG path's `d` (M/L commands, as d3's line writes them). */
const pathPoints = (d: string): [number, number][] =>
  [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

/** The sparkline of `name`: the marker at the line's last point, and the dot on it. */
async function markerOnLine(view: Frame, name: string): Promise<void> {
  const chart = view.locator(`.world-state .quantity[data-name="${name}"] .sparkline`);
  const last = pathPoints((await chart.locator('path.series').getAttribute('d')) ?? '').at(-1)!;
  const markerX = Number(await chart.locator('.marker').getAttribute('x1'));
  const dot = chart.locator('.dot');
  const [dx, dy] = [Number(await dot.getAttribute('x1')), Number(await dot.getAttribute('y1'))];
  assert.ok(Math.abs(last[0] - markerX) < 0.01, `${name}: the line ends at x ${last[0]}, the marker is at ${markerX}`);
  assert.ok(Math.abs(dx - last[0]) < 0.01 && Math.abs(dy - last[1]) < 0.01, `${name}: the dot is off the line`);
}

describe('the World state panel: the paused moment, many quantities, categories (code-server + Chromium)', function () {
  const s = useWorkbench('world-state-panel', fill);

  it('beside the editor, all eight quantities of a public goods game show at once, a row each', async () => {
    // (The workspace's two errors are town-broken.society's, for the last test.)
    await s.wb.open('pot.society');
    const view = await runToCompletion(s.wb);
    const last = runOf(s.server.workspace, 'Pot luck')
      .filter((e) => e.type === 'state')
      .at(-1)!;
    const side = view.locator('.side');
    const rows = view.locator('.world-state .quantity');
    await rows.first().waitFor();
    assert.deepEqual(await rows.evaluateAll((xs) => xs.map((x) => x.getAttribute('data-name'))), [...WORLD, ...AGENT]);
    // Every row inside the side panel's visible box, without scrolling it: measured in one go in
    // the page (a row between two of the panel's redraws has no box), once all rows are laid out.
    const layout = () =>
      side.evaluate((panel) => {
        const b = panel.getBoundingClientRect();
        const rows = [...panel.querySelectorAll('.world-state .quantity')].map((x) => {
          const r = x.getBoundingClientRect();
          return { name: x.getAttribute('data-name') ?? '', y: r.y, height: r.height };
        });
        return { box: { y: b.y, height: b.height, width: b.width }, scrollTop: panel.scrollTop, rows };
      });
    const inside = (l: Awaited<ReturnType<typeof layout>>, r: (typeof l.rows)[number]) =>
      r.height > 0 && r.y >= l.box.y - 0.5 && r.y + r.height <= l.box.y + l.box.height + 0.5;
    // Waited for, then asserted row by row: a row that never fits is named below.
    await act
      .until(
        s.wb.page,
        'the panel lays out every row',
        () => Promise.resolve(),
        async () => {
          const l = await layout();
          return l.rows.length === WORLD.length + AGENT.length && l.rows.every((r) => inside(l, r));
        },
      )
      .catch(() => undefined);
    const l = await layout();
    assert.equal(l.scrollTop, 0);
    for (const r of l.rows) {
      assert.ok(
        inside(l, r),
        `${r.name}'s row (y ${Math.round(r.y)}…${Math.round(r.y + r.height)}) is outside the side panel (y ${Math.round(l.box.y)}…${Math.round(l.box.y + l.box.height)}, ${Math.round(l.box.width)} px wide)`,
      );
    }
    assert.equal(await panelValue(view, 'fines'), String(last.world.fines));
    // What does not fit a row is its tooltip: the description and the bounds.
    assert.match(
      (await view.locator('.world-state .quantity[data-name="multiplier"]').getAttribute('title')) ?? '',
      /What the pot is multiplied by[\s\S]*bounds 1 … 3/,
    );
    assert.match(
      (await view.locator('.world-state .quantity[data-name="coins"] .quantity-range').textContent()) ?? '',
      /… /,
    );
    await s.wb.page.waitForTimeout(500);
    await s.wb.screenshot('world-state-panel-eight-quantities');
  });

  it('paused at a phase breakpoint mid-round, the panel shows what Variables show, at every stop', async () => {
    const page = s.wb.page;
    await s.wb.command('View: Close All Editor Groups');
    await s.wb.open('pot.society');
    let frame = await stopAtPhase(s.wb, 'punish');
    const view = await frameWith(s.wb, '#society-app[data-ready="true"] .world-state .quantity');
    const compare = async (what: string, agent?: string): Promise<void> => {
      const world = await scopeState(page, /^World$/, WORLD);
      await panelAgrees(view, world, what);
      if (!agent) return;
      const own = await scopeState(page, new RegExp(`^Agent ${agent}`), AGENT);
      await agentPanelAgrees(view, agent, own);
    };
    // Round 1's contributions are in the pot; the trace's last state (round 0) had none.
    // The frame names the person ("Hugo 4 · punish"), as the scope and the agent panel do.
    let agent = frame.trim().split(' · ')[0];
    await compare('stopped at the first punish choice', agent);
    assert.notEqual(await panelValue(view, 'pot'), '0', 'the pot holds round 1’s contributions');
    assert.equal(await view.locator('.world-state .moment').textContent(), 'Paused in round 1 (in progress)');
    await markerOnLine(view, 'pot');
    await markerOnLine(view, 'fines');
    await page.waitForTimeout(400);
    await s.wb.screenshot('world-state-panel-paused');
    // F5: the next player's punish choice, after the first one's.
    await page.keyboard.press('F5');
    frame = await topFrame(page, new RegExp(`^(?!${agent}\\b).*· punish`));
    agent = frame.trim().split(' · ')[0];
    await compare('stopped at the next punish choice', agent);
    await markerOnLine(view, 'fines');
    // Step out (no breakpoint on the way): the end of round 1, after the pot was shared out.
    await s.wb.command('Remove All Breakpoints');
    await page.keyboard.press('Shift+F11');
    await topFrame(page, /round 1 end/);
    await compare('stopped at the end of round 1');
    await view.locator('.world-state .moment', { hasText: 'Paused at the end of round 1' }).waitFor();
    // The run goes on to its end: the panel (still on round 1, where the debugger left it) is back
    // to the trace's state of that round, the pot shared out.
    await page.keyboard.press('F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: STEP_MS * 2 });
    await view.locator('.bar .badge', { hasText: 'complete' }).waitFor();
    await view.locator('.world-state .moment', { hasText: /^At the end of round 1$/ }).waitFor();
    const round1 = runOf(s.server.workspace, 'Pot luck').find((e) => e.type === 'state' && e.round === 1)!;
    // The panel shows numbers rounded for reading (1.4000000000000001 as 1.4): within what it shows.
    for (const name of WORLD) {
      const shown = Number(await panelValue(view, name));
      assert.ok(
        Math.abs(shown - round1.world[name]) <= 0.01,
        `${name}: ${shown} in the panel, ${round1.world[name]} in the trace`,
      );
    }
  });

  it('a categorical quantity: checked against its labels, drawn as shares, named in the trace and Variables', async () => {
    const page = s.wb.page;
    await s.wb.command('View: Close All Editor Groups');
    // Contradicting the labels is an error where it is written.
    await s.wb.open('town-broken.society');
    await s.wb.waitForErrors(2);
    const problems = await s.wb.problems();
    await problems
      .getByText("Agent quantity 'place' has labels (0 home, 1 cafe, 2 park): its min is 0, not 1")
      .waitFor();
    await problems.getByText(/World quantity 'weather' has labels .* remove `integer: false`/).waitFor();
    await s.wb.screenshot('world-state-panel-labels-problems');
    await s.wb.command('View: Close All Editor Groups');
    await s.wb.open('town.society');
    const view = await runToCompletion(s.wb);
    const events = runOf(s.server.workspace, 'Town square');
    const place = new Map<string, number>();
    for (const e of events.filter((x) => x.type === 'state')) {
      for (const [id, v] of Object.entries<Line>(e.agents)) if (v.place !== undefined) place.set(id, v.place);
    }
    const last = events.filter((e) => e.type === 'state').at(-1)!;
    // The weather is its label; the residents' places are shares of each label, no mean.
    assert.equal(await panelValue(view, 'weather'), ['sunny', 'cloudy', 'rainy'][last.world.weather]);
    const row = view.locator('.world-state .quantity.categorical[data-name="place"]');
    await row.waitFor();
    assert.doesNotMatch((await row.textContent()) ?? '', /mean/);
    assert.equal(await row.locator('path.share').count(), 3);
    const shares = await row.locator('.quantity-shares .share').allTextContents();
    const labels = ['home', 'cafe', 'park'];
    assert.deepEqual(
      shares,
      labels.map(
        (l, k) => `${l} ${Math.round((100 * [...place.values()].filter((v) => v === k).length) / place.size)}%`,
      ),
    );
    // The trace table names the places an action moved a resident between.
    for (const kind of ['message', 'evaluation', 'advice', 'intervention', 'error']) {
      // The table offers only the kinds the run produced (issue 59); the run is complete.
      const box = view.locator('label.kind:not([hidden])', { hasText: kind }).locator('input');
      if (!(await box.count())) continue;
      await act.setChecked(s.wb.page, `untick ${kind} in the trace table`, box, false);
    }
    await view.locator('input[placeholder="Search text and names"]').fill('→ park');
    await view
      .locator('.trace .vrow.kind-action', { hasText: /place (home|cafe) → park/ })
      .first()
      .waitFor();
    // Room for the trace table in the screenshot: no Problems panel, no toast over the table.
    await s.wb.command('Notifications: Clear All Notifications');
    if (await page.locator('.markers-panel').isVisible()) {
      await s.wb.command('View: Toggle Panel Visibility');
      await page.locator('.markers-panel').waitFor({ state: 'hidden' });
    }
    await page.waitForTimeout(500);
    await s.wb.screenshot('world-state-panel-categories');
    // Variables: the number expressions read, and the label it means.
    await s.wb.command('View: Close All Editor Groups');
    await s.wb.open('town.society');
    let frame = await stopAtPhase(s.wb, 'move');
    // A few residents on, some have moved: the panel's shares are those of the paused moment.
    for (let i = 0; i < 5; i++) {
      const before = frame.trim().split(/\s/)[0];
      await page.keyboard.press('F5');
      frame = await topFrame(page, new RegExp(`^(?!${before}\\b).*· move`));
    }
    const agent = frame.trim().split(' · ')[0];
    const world = await scopeState(page, /^World$/, ['weather']);
    assert.match(world.get('weather')!, /^[0-2] \((sunny|cloudy|rainy)\)$/);
    const own = await scopeState(page, new RegExp(`^Agent ${agent}`), ['place']);
    assert.match(own.get('place')!, /^[0-2] \((home|cafe|park)\)$/);
    const debugView = await frameWith(s.wb, '#society-app[data-ready="true"] .world-state .quantity');
    // Five residents have moved this round (the trace's last state, round 0's, has everyone home).
    await debugView.locator('.world-state .moment', { hasText: 'Paused in round 1 (in progress)' }).waitFor();
    assert.notEqual(await debugView.locator('.quantity-shares .share[data-label="home"]').textContent(), 'home 100%');
    await debugView
      .locator('.world-state .quantity[data-name="weather"] .quantity-value', {
        hasText: world.get('weather')!.replace(/^\d \((.*)\)$/, '$1'),
      })
      .waitFor();
    await page.waitForTimeout(300);
    await s.wb.screenshot('world-state-panel-labels-variables');
    await s.wb.command('Remove All Breakpoints');
    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
  });
});
