// Issue 44 in a real VS Code (code-server + Chromium): the Generative Agents town. Its file checks
// clean; Run Simulation draws the network with the places people are at (a caption per occupied
// place, the part of the day), and the trace table's `learned` rows say who learned the party from
// whom; the memory inspector shows a resident's memory of being told; F5 with a function
// breakpoint on `evaluate` stops after the first round's conversations, and Variables show the
// world's knowledge (how many know each item) and the agent's own. Screenshots are saved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { REPO } from './codeServer';
import { useWorkbench } from './session';
import { STEP_MS } from './workbench';
import { addFunctionBreakpoint, openMemories, openVariablesRow, runEvents, runToCompletion } from './worldSteps';

const townExample = (ws: string): void => fs.cpSync(path.join(REPO, 'examples/town'), ws, { recursive: true });

type Line = Record<string, any>;

describe('the Generative Agents town: places, plans and news in talk (code-server + Chromium)', function () {
  const s = useWorkbench('town', townExample);
  let events: Line[] = [];

  it('checks clean; runs; the view shows where people are and who learned the party from whom', async () => {
    await s.wb.open('town.society');
    assert.deepEqual(await s.wb.scenarioProblemCounts(), { errors: 0, warnings: 0 });
    const view = await runToCompletion(s.wb);
    events = await runEvents(s.server.workspace);
    // Where people are at the last round: placed by plan (the `places` event), then moved.
    const last = events.filter((e) => e.type === 'places').pop()!;
    assert.ok(last, 'the trace has places');
    const at = new Map<string, string>();
    for (const [place, ids] of Object.entries(last.at as Record<string, string[]>)) {
      for (const id of ids) at.set(id, place);
    }
    for (const e of events) {
      if (e.type !== 'move' || e.round !== last.round) continue;
      if (e.to) at.set(e.agent, e.to);
      else at.delete(e.agent);
    }
    const counts = new Map<string, number>();
    for (const place of at.values()) counts.set(place, (counts.get(place) ?? 0) + 1);
    const captions = view.locator('.network text.place');
    await captions.first().waitFor();
    assert.equal(await captions.count(), counts.size, 'one caption per occupied place');
    for (const [place, n] of counts) {
      const caption = view.locator(`.network text.place[data-place="${place}"]`);
      assert.match((await caption.textContent()) ?? '', new RegExp(`· ${n}$`), place);
    }
    assert.equal(
      await view.locator('.network svg[data-when]').first().getAttribute('data-when'),
      `day ${last.day}, ${last.part}`,
    );
    // The timeline says which part of which day the round is.
    assert.equal(
      await view.locator('.timeline-label').textContent(),
      `Round ${last.round} / 8 · day ${last.day}, ${last.part}`,
    );
    // The learned rows: only that kind, searched for the party.
    for (const kind of ['message', 'evaluation', 'advice', 'action', 'intervention', 'error']) {
      // The table offers only the kinds the run produced (issue 59); the run is complete.
      const box = view.locator('label.kind:not([hidden])', { hasText: kind }).locator('input');
      if (!(await box.count())) continue;
      await act.setChecked(s.wb.page, `untick ${kind} in the trace table`, box, false);
    }
    await view.locator('input[placeholder="Search text and names"]').fill('learned party');
    const told = events.filter((e) => e.type === 'learned' && e.item === 'party' && e.from);
    assert.ok(told.length > 0, 'the party spread');
    const row = view.locator('.trace .vrow.kind-learned', { hasText: 'learned party from' }).first();
    await row.waitFor();
    await s.wb.page.waitForTimeout(800);
    await s.wb.screenshot('town-run-places-learned');
  });

  it("the memory inspector shows a resident's memory of being told about the party", async () => {
    const first = events.find((e) => e.type === 'learned' && e.item === 'party' && e.from)!;
    const name = events.find((e) => e.type === 'agent_added' && e.agent.id === first.agent)!.agent.name as string;
    const inspector = await openMemories(s.wb, first.agent, name);
    await inspector.locator('input[placeholder="Search memories"]').fill('told me');
    await inspector
      .locator('.memory', { hasText: /told me: Isabella is throwing a Valentine's Day party/ })
      .first()
      .waitFor();
    await s.wb.page.waitForTimeout(500);
    await s.wb.screenshot('town-memory-told');
  });

  it('F5 with a function breakpoint on evaluate: Variables show who knows what, in the world and the agent', async () => {
    const page = s.wb.page;
    await s.wb.command('View: Close All Editor Groups');
    await s.wb.open('town.society');
    await page.keyboard.press('Control+Shift+D');
    await s.wb.command('Debug: Start Debugging');
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Breakpoints/i }) });
    await pane.waitFor({ timeout: STEP_MS * 2 });
    await page
      .locator('.debug-toolbar')
      .waitFor({ timeout: STEP_MS })
      .catch(() => undefined);
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: STEP_MS * 4 });
    await addFunctionBreakpoint(page, pane, 'evaluate');
    await s.wb.command('Debug: Start Debugging');
    await page.locator('.pane-header', { hasText: 'Paused on breakpoint' }).waitFor({ timeout: STEP_MS * 2 });
    await page.waitForTimeout(800);
    const vars = page.locator('.debug-variables');
    // Fold what is open so the World scope's rows are in view, then open its knowledge.
    for (const [scope, parents] of [
      [/^World$/, []],
      [/^knowledge/, [/^World$/]],
    ] as const) {
      // The tree may redraw under the click on a busy machine (the row is detached), or unfold its
      // first scope again over the row: folded again and clicked again until the row is open.
      const row = await openVariablesRow(page, scope, [...parents]);
      assert.equal(await row.getAttribute('aria-expanded'), 'true', `the ${String(scope)} row opens`);
    }
    const party = vars.locator('.monaco-list-row', { hasText: /^party\s*[:=]?\s*\d+ of 25 know/ }).first();
    await party.waitFor();
    const round1 = events.filter((e) => e.type === 'learned' && e.item === 'party' && e.round <= 1).length;
    assert.match(await party.innerText(), new RegExp(`${round1} of 25 know`), 'as many as the trace says by round 1');
    await page.waitForTimeout(500);
    await s.wb.screenshot('town-debug-knowledge');
    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
    await s.wb.command('Remove All Breakpoints');
  });
});
