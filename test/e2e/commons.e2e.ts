// Issue 34 in a real VS Code (code-server + Chromium): the fishing commons, a society with its own
// world state and actions. Its file checks clean and hovers a quantity inside an expression; Run
// Simulation draws it, its world-state panel shows the lake's fish over the rounds, and the trace
// table lists the actions; F5 with "Action taken" checked stops after an action, with the world's
// state in Variables. Screenshots are saved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { REPO } from './codeServer';
import { useWorkbench } from './session';
import { STEP_MS } from './workbench';
import { openMemories, runEvents, stopAfterAction, uniquelyNamed } from './worldSteps';

const commonsExample = (ws: string): void => fs.cpSync(path.join(REPO, 'examples/commons'), ws, { recursive: true });
const lineOf = (file: string, needle: string): number =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describe('a society with its own mechanics: the fishing commons (code-server + Chromium)', function () {
  const s = useWorkbench('commons', commonsExample);
  const file = () => path.join(s.server.workspace, 'commons.society');

  it('checks clean, and hovers a quantity inside an expression with its description and bounds', async () => {
    await s.wb.open('commons.society');
    assert.deepEqual(await s.wb.scenarioProblemCounts(), { errors: 0, warnings: 0 });
    const keyLine = lineOf(file(), 'initial: 120');
    await s.wb.goTo(keyLine, 8);
    await s.wb.editorHover(/start of the run/);
    await s.wb.page.keyboard.press('Escape');
    const line = lineOf(file(), 'when: "world.fish > 0.0"');
    const text = fs.readFileSync(file(), 'utf8').split('\n')[line - 1];
    await s.wb.goTo(line, text.indexOf('world.fish') + 9);
    const card = await s.wb.editorHover(/Fish in the lake/);
    await card
      .getByText(/0 … 200|0\.\.200|min 0/)
      .first()
      .waitFor();
    await s.wb.screenshot('commons-hover-quantity');
    await s.wb.page.keyboard.press('Escape');
  });

  it('runs, and the trace table lists what the fishers did', async () => {
    await s.wb.open('commons.society');
    await s.wb.command('Society: Run Simulation');
    const view = s.wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('#society-app[data-ready="true"]').waitFor({ timeout: STEP_MS * 2 });
    await view.locator('.badge', { hasText: 'complete' }).waitFor({ timeout: STEP_MS * 4 });
    assert.equal(await view.locator('.network').getAttribute('data-nodes'), '20');
    // Only the actions: uncheck the other kinds.
    for (const kind of ['message', 'evaluation', 'advice', 'intervention', 'error']) {
      // The table offers only the kinds the run produced (issue 59); the run is complete.
      const box = view.locator('label.kind:not([hidden])', { hasText: kind }).locator('input');
      if (!(await box.count())) continue;
      await act.setChecked(s.wb.page, `uncheck ${kind} in the trace table`, box, false);
    }
    const first = view.locator('.trace .vrow.kind-action').first();
    await first.waitFor();
    assert.match((await first.textContent()) ?? '', /(fish · tonnes [\d.]+|rest)[\s\S]*(world\.fish|nothing changed)/);
    await s.wb.page.waitForTimeout(800);
    await s.wb.screenshot('commons-run-actions');
    const runs = path.join(s.server.workspace, 'runs');
    const [dir] = fs.readdirSync(runs);
    const trace = fs.readFileSync(path.join(runs, dir, 'trace.jsonl'), 'utf8');
    assert.ok((trace.match(/"type":"action"/g) ?? []).length >= 20 * 30 - 40, 'about one action per fisher and round');
    assert.equal((trace.match(/"type":"state"/g) ?? []).length, 31, 'a state event for setup and every round');
    // The world-state panel: the lake's fish (as the last state event has it) and the sanctions
    // switch, each with its bounds and its course over the rounds, and the fishers' catch.
    const last = trace
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; world?: Record<string, number> })
      .filter((e) => e.type === 'state')
      .at(-1)!;
    const panel = view.locator('.panel.world-state');
    const fish = panel.locator('.quantity[data-name="fish"]');
    await fish.locator('.sparkline path.series').waitFor();
    assert.match((await fish.getAttribute('title')) ?? '', /bounds 0 … 200/);
    const text = (await fish.locator('.quantity-value').textContent())?.replace(/,/g, '') ?? '';
    const shown = Number(text);
    // As the panel rounds it: to the decimals it shows.
    const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
    assert.ok(
      Math.abs(shown - last.world!.fish) <= 0.5 * 10 ** -decimals + 1e-9,
      `fish ${shown} (trace: ${last.world!.fish})`,
    );
    await panel.locator('.quantity[data-name="catch"] .sparkline').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await s.wb.page.waitForTimeout(300);
    await s.wb.screenshot('commons-run-world-state');
  });

  it('the memory inspector lists what a fisher remembers of the lake', async () => {
    const events = await runEvents(s.server.workspace);
    const names = new Map<string, string>();
    for (const e of events) if (e.type === 'agent_added') names.set(e.agent.id, e.agent.name);
    const fished = (id: string) =>
      events.some((e) => e.type === 'memory' && e.agent === id && /^I fished [\d.]+ tonnes/.test(e.memory.text));
    const [agent, name] = uniquelyNamed(names, fished);
    const frame = await openMemories(s.wb, agent, name);
    await frame.locator('input[placeholder="Search memories"]').fill('tonnes');
    await frame
      .locator('.memory', { hasText: /I fished [\d.]+ tonnes; [\d.]+ tonnes are left/ })
      .first()
      .waitFor();
    await s.wb.page.waitForTimeout(500);
    await s.wb.screenshot('commons-memory-inspector');
    await s.wb.command('View: Close All Editor Groups');
  });

  it('stops after an action with "Action taken", and shows the world state in Variables', async () => {
    const page = s.wb.page;
    await stopAfterAction(s.wb, 'commons.society', /fish\s*=\s*\d/);
    await s.wb.screenshot('commons-debug-action');
    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
  });
});
