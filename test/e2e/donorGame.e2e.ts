// Issue 34 in a real VS Code (code-server + Chromium): the donor game, a society whose world and
// agents carry declared quantities. Run Simulation draws it with the world-state panel (the
// punishment switch, the villagers' wealth and what they gave, each over the rounds) and nodes
// sized by wealth; the memory inspector lists what a villager remembers having done ("I gave …");
// F5 with "Action taken" checked stops after an action, with the world's state in Variables.
// Screenshots are saved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { REPO } from './codeServer';
import { useWorkbench } from './session';
import { STEP_MS, type Workbench } from './workbench';

const donorExample = (ws: string): void => fs.cpSync(path.join(REPO, 'examples/donor-game'), ws, { recursive: true });

type Line = Record<string, any>;

describe('a society with its own state: the donor game (code-server + Chromium)', function () {
  const s = useWorkbench('donor-game', donorExample);
  let events: Line[] = [];

  it('runs; the society view shows the world state and sizes villagers by their wealth', async () => {
    await s.wb.open('donor-game.society');
    assert.equal((await s.wb.problemCounts()).errors, 0);
    await s.wb.command('Society: Run Simulation');
    const view = s.wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('#society-app[data-ready="true"]').waitFor({ timeout: STEP_MS * 2 });
    await view.locator('.badge', { hasText: 'complete' }).waitFor({ timeout: STEP_MS * 4 });
    const runs = path.join(s.server.workspace, 'runs');
    const [dir] = fs.readdirSync(runs);
    events = fs
      .readFileSync(path.join(runs, dir, 'trace.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    const last = events.filter((e) => e.type === 'state').at(-1)!;
    // The panel: the world's punishment switch with its bounds, and the villagers' quantities.
    const panel = view.locator('.panel.world-state');
    await panel.waitFor();
    const punishment = panel.locator('.quantity[data-name="punishment"]');
    assert.equal(await punishment.locator('.quantity-value').textContent(), String(last.world.punishment));
    assert.match((await punishment.locator('.quantity-notes').textContent()) ?? '', /bounds 0 … 1/);
    for (const name of ['wealth', 'given']) {
      assert.match(
        (await panel.locator(`.quantity[data-name="${name}"] .quantity-value`).textContent()) ?? '',
        /^mean /,
      );
    }
    // Nodes sized by wealth: the richest villager's circle is the largest.
    await view.locator('.size-by select').selectOption('wealth');
    const wealth = new Map<string, number>();
    for (const e of events) {
      if (e.type === 'state') {
        for (const [id, v] of Object.entries<Line>(e.agents)) if (v.wealth !== undefined) wealth.set(id, v.wealth);
      }
      if (e.type === 'agent_removed') wealth.delete(e.agent);
    }
    const richest = [...wealth].sort((a, b) => b[1] - a[1])[0][0];
    const radii = async () =>
      view
        .locator('.network g.agent')
        .evaluateAll((gs) =>
          gs.map((g) => [g.getAttribute('data-id'), Number(g.querySelector('circle')?.getAttribute('r'))] as const),
        );
    await s.wb.page.waitForTimeout(500);
    const sized = new Map(await radii());
    assert.equal(Math.max(...sized.values()), sized.get(richest), `${richest} is drawn largest`);
    // The whole view, so the panel has room: the side bar closed and the view's group maximized.
    await s.wb.command('View: Close Primary Side Bar');
    await s.wb.page.locator('.tab', { hasText: 'Donor game (run)' }).click();
    await s.wb.command('View: Toggle Maximize Editor Group');
    await view.locator('.network[data-layout="settled"]').waitFor({ timeout: 20_000 });
    await s.wb.page.waitForTimeout(800);
    await s.wb.screenshot('donor-game-world-state');
    await s.wb.command('View: Toggle Maximize Editor Group');
    await s.wb.command('View: Toggle Primary Side Bar Visibility');
  });

  it('the memory inspector lists what a villager remembers having done', async () => {
    const active = new Map<string, string>();
    for (const e of events) {
      if (e.type === 'agent_added' && e.reason === 'initial') active.set(e.agent.id, e.agent.name);
      if (e.type === 'agent_removed') active.delete(e.agent);
    }
    const gave = (id: string) =>
      events.some((e) => e.type === 'memory' && e.agent === id && /^I gave /.test(e.memory.text));
    const names = [...active.values()];
    // One whose name no other villager's name contains, so quick open's first match is it.
    const [agent, name] = [...active].find(([id, n]) => gave(id) && names.filter((m) => m.includes(n)).length === 1)!;
    assert.ok(agent, 'a villager who gave and is still in the village');
    await s.wb.command('Society: Show Memories');
    const quick = s.wb.page.locator('.quick-input-widget input');
    await quick.fill(name);
    await s.wb.page.locator('.quick-input-list .monaco-list-row', { hasText: agent }).first().waitFor();
    await s.wb.page.keyboard.press('Enter');
    const inspector = await frameWith(s.wb, `#memory-inspector[data-ready="true"][data-agent="${agent}"]`);
    await inspector.locator('.count', { hasText: /\d+ memories/ }).waitFor();
    await inspector.locator('input[placeholder="Search memories"]').fill('I gave');
    await inspector
      .locator('.memory', { hasText: /I gave [\d.]+ to another villager; I have [\d.]+ left\./ })
      .first()
      .waitFor();
    await s.wb.page.waitForTimeout(500);
    await s.wb.screenshot('donor-game-memory-inspector');
  });

  it('stops after an action with "Action taken", and shows the world state in Variables', async () => {
    const page = s.wb.page;
    await s.wb.command('View: Close All Editor Groups');
    await s.wb.open('donor-game.society');
    await page.keyboard.press('Control+Shift+D');
    // The filters are listed once the adapter has told VS Code about them: a first session (it
    // runs to the end at once: nothing stops it) lists them.
    await s.wb.command('Debug: Start Debugging');
    const filter = page.locator('.debug-breakpoints .monaco-list-row', { hasText: 'Action taken' }).first();
    await filter.waitFor({ timeout: STEP_MS * 2 });
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: STEP_MS * 4 });
    const box = filter.locator('input[type="checkbox"]');
    if (!(await box.isChecked())) await box.click();
    await s.wb.command('Debug: Start Debugging');
    await page.locator('.pane-header .exception', { hasText: 'Action taken' }).waitFor({ timeout: STEP_MS * 2 });
    const vars = page.locator('.debug-variables');
    const event = vars.locator('.monaco-list-row', { hasText: 'Event: Action taken' }).first();
    await event.waitFor();
    await vars
      .locator('.monaco-list-row', { hasText: /^changes/ })
      .first()
      .waitFor();
    // Fold the event so the world's rows fit the pane (the list draws what is in view).
    if ((await event.getAttribute('aria-expanded')) === 'true') await event.click();
    const world = vars.locator('.monaco-list-row', { hasText: /^World$/ }).first();
    await world.waitFor();
    if ((await world.getAttribute('aria-expanded')) !== 'true') await world.click();
    const state = vars.locator('.monaco-list-row', { hasText: /^state/ }).first();
    await state.waitFor();
    await state.click();
    await vars
      .locator('.monaco-list-row', { hasText: /punishment\s*=\s*0/ })
      .first()
      .waitFor();
    await page.waitForTimeout(300);
    await s.wb.screenshot('donor-game-debug-action');
    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
  });
});

/** The webview frame holding `selector` (several webviews may be open). */
async function frameWith(wb: Workbench, selector: string): Promise<Frame> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    for (const f of wb.page.frames()) {
      if (
        await f
          .locator(selector)
          .count()
          .catch(() => 0)
      ) {
        return f;
      }
    }
    if (Date.now() > deadline) throw new Error(`no webview with ${selector}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
