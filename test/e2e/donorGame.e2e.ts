// Issue 34 in a real VS Code (code-server + Chromium): the donor game, a society whose world and
// agents carry declared quantities. Run Simulation draws it with the world-state panel (the
// punishment switch, the villagers' wealth and what they gave, each over the rounds) and nodes
// sized by wealth; the memory inspector lists what a villager remembers having done ("I gave …");
// F5 with "Action taken" checked stops after an action, with the world's state in Variables.
// Screenshots are saved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { REPO } from './codeServer';
import { useWorkbench } from './session';
import { openMemories, runEvents, runToCompletion, stopAfterAction, uniquelyNamed } from './worldSteps';

/**
 * The example, run for 6 of its 20 rounds: past its first generation (at round 5: villagers leave
 * and children join), which is all the checks below need; the whole run drew 3× the events.
 */
function donorExample(ws: string): void {
  const society = fs.readFileSync(path.join(REPO, 'examples/donor-game/donor-game.society'), 'utf8');
  const shorter = society.replace(/^( {2}rounds:) 20$/m, '$1 6');
  assert.notEqual(shorter, society, 'the example declares 20 rounds');
  fs.writeFileSync(path.join(ws, 'donor-game.society'), shorter);
}

type Line = Record<string, any>;

describe('a society with its own state: the donor game (code-server + Chromium)', function () {
  const s = useWorkbench('donor-game', donorExample);
  let events: Line[] = [];

  it('runs; the society view shows the world state and sizes villagers by their wealth', async () => {
    await s.wb.open('donor-game.society');
    assert.equal((await s.wb.scenarioProblemCounts()).errors, 0);
    const view = await runToCompletion(s.wb);
    events = await runEvents(s.server.workspace);
    const last = events.filter((e) => e.type === 'state').at(-1)!;
    // The panel: the world's punishment switch with its bounds, and the villagers' quantities.
    const panel = view.locator('.panel.world-state');
    await panel.waitFor();
    const punishment = panel.locator('.quantity[data-name="punishment"]');
    assert.equal(await punishment.locator('.quantity-value').textContent(), String(last.world.punishment));
    assert.match((await punishment.getAttribute('title')) ?? '', /bounds 0 … 1/);
    // Each agent quantity: the villagers' mean, and their least … most.
    for (const name of ['wealth', 'given']) {
      const row = panel.locator(`.quantity[data-name="${name}"]`);
      assert.match((await row.locator('.quantity-value').textContent()) ?? '', /^[\d.,]+$/);
      assert.match((await row.locator('.quantity-range').textContent()) ?? '', /^[\d.,]+ … [\d.,]+$/);
      assert.match((await row.getAttribute('title')) ?? '', /agents now: mean /);
    }
    // Nodes sized by wealth: the richest villager's circle is the largest.
    await act.select(s.wb.page, 'size by wealth', view.locator('.size-by select'), 'wealth');
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
    await s.wb.showTab('Donor game (run)');
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
    const [agent] = uniquelyNamed(active, gave);
    const inspector = await openMemories(s.wb, agent, active.get(agent)!);
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
    await stopAfterAction(s.wb, 'donor-game.society', /punishment\s*=\s*0/);
    await page.waitForTimeout(300);
    await s.wb.screenshot('donor-game-debug-action');
    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
  });
});
