// Issue 42, points 5 and 6, in a real VS Code (code-server + Chromium), on a town written for the
// test whose people have ids unlike their names (t14 is Abigail Chen) and who give, chip in and
// walk to the park. Point 5: the trace table names people, not ids ("Abigail Chen's place 0 → 2",
// "recipient Bea Lund"), finds rows by id and by name, and cuts no text for good (the row's
// tooltip holds it whole, the Detail column widens by dragging); the memory inspector lists people
// by name, and what they remember of a gift names the recipient. Point 6: the memory inspector's
// kind boxes work as the trace table's: all start ticked, unticking one hides that kind; a memory
// still opens the trace at its line. Screenshots: names-trace-table, names-memory-inspector,
// filters-memory-inspector.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { useWorkbench } from './session';
import { frameWith, openMemories, runEvents, runToCompletion } from './worldSteps';

const PEOPLE: [id: string, name: string][] = [
  ['t14', 'Abigail Chen'],
  ['t3', 'Bea Lund'],
  ['k7', 'Klaus Mueller'],
  ['m2', 'Maria Lopez'],
];

const persona = ([id, name]: [string, string], i: number): string => `  - id: ${id}
    name: ${name}
    traits: { openness: 0.5, conscientiousness: ${0.3 + 0.15 * i}, extraversion: 0.5, agreeableness: ${0.8 - 0.15 * i}, neuroticism: 0.3 }
    memories:
      - text: I moved to this town last spring.
        importance: 5
`;

const TOWN = `kind: scenario
name: Names town
description: A small town whose people are written with ids unlike their names.
seed: 5
personas:
${PEOPLE.map(persona).join('')}world:
  setting: A small town with a cafe and a park, saving up for a party.
  rounds: 6
  encounters: { mode: random, per_round: 1 }
  conversation: { turns: 2 }
state:
  world:
    pot:
      description: What the town has collected for the party.
      initial: 0
      min: 0
  agents:
    wealth:
      description: What this person owns.
      initial: 10
      min: 0
    place:
      description: Where this person is (0 home, 1 cafe, 2 park).
      initial: 0
      min: 0
      max: 2
actions:
  give:
    description: Give some of your wealth to another person.
    args:
      recipient: { type: agent, description: the person to give to }
      amount: { type: number, min: 1, max: 2, description: how much to give }
    when: "me.wealth >= 1.0"
    effects:
      me.wealth: "me.wealth - args.amount"
      recipient.wealth: "recipient.wealth + args.amount"
    remember: "I gave {args.amount} to {args.recipient}; I have {me.wealth} left."
  chip_in:
    description: Put one unit into the party pot.
    when: "me.wealth >= 1.0"
    effects:
      me.wealth: "me.wealth - 1.0"
      world.pot: "world.pot + 1.0"
  go_park:
    description: Walk to the park.
    effects:
      me.place: "2.0"
`;

const ID_TARGET = new RegExp(`\\b(${PEOPLE.map(([id]) => id).join('|')})\\.\\w`);
const ID_WORD = new RegExp(`\\b(${PEOPLE.map(([id]) => id).join('|')})\\b`);

describe('names, not ids, and filters that agree (code-server + Chromium)', function () {
  const s = useWorkbench('names', (ws) => fs.writeFileSync(path.join(ws, 'town.society'), TOWN));
  const nameOf = new Map(PEOPLE);
  let events: Record<string, any>[] = [];

  it('5: the trace table and the memory inspector name people, and no text is cut for good', async () => {
    const page = s.wb.page;
    await s.wb.open('town.society');
    assert.equal((await s.wb.scenarioProblemCounts()).errors, 0);
    const view = await runToCompletion(s.wb);
    events = await runEvents(s.server.workspace);
    const actions = events.filter((e) => e.type === 'action');
    const gift = actions.find((e) => e.action === 'give')!;
    const parks = actions.filter((e) => e.action === 'go_park').length;
    assert.ok(gift && parks > 0, 'the town gives and walks to the park');

    // Only the actions: untick the other kinds.
    const table = view.locator('.trace');
    for (const kind of ['message', 'evaluation', 'advice', 'intervention', 'error']) {
      // The table offers only the kinds the run produced (issue 59); the run is complete.
      const box = table.locator('label.kind:not([hidden])', { hasText: kind }).locator('input');
      if (!(await box.count())) continue;
      await act.setChecked(s.wb.page, `untick ${kind}`, box, false);
    }
    await view.locator(`.trace[data-rows="${actions.length}"]`).waitFor();
    const rows = table.locator('.vlist .vrow.kind-action');
    const rendered = () =>
      rows.evaluateAll((rs) =>
        rs.map((r) => ({
          cells: [...r.children].map((c) => c.textContent ?? ''),
          title: r.getAttribute('title') ?? '',
        })),
      );
    await rows.first().waitFor();
    const shown = await rendered();
    const noIds = (cells: string[]) => {
      assert.doesNotMatch(cells[2], ID_WORD, `agents by name: ${cells[2]}`);
      assert.doesNotMatch(cells[3], ID_WORD, `detail by name: ${cells[3]}`);
      assert.doesNotMatch(cells[4], ID_TARGET, `changes by name: ${cells[4]}`);
    };
    for (const { cells } of shown) noIds(cells);
    // The first gift: its recipient and both wealths by name.
    const give = shown.find(({ cells }) => cells[3].startsWith('give'))!;
    const recipient = nameOf.get(gift.args.recipient)!;
    assert.equal(give.cells[3], `give · recipient ${recipient}, amount ${gift.args.amount}`);
    assert.equal(give.cells[2], `${nameOf.get(gift.agent)} → ${recipient}`);
    assert.match(
      give.cells[4],
      new RegExp(`^${nameOf.get(gift.agent)}'s wealth [\\d.]+ → [\\d.]+; ${recipient}'s wealth `),
    );
    // The id stays where it helps: the row's tooltip, which also holds its detail and text whole.
    assert.ok(
      give.title.includes(`${nameOf.get(gift.agent)} (${gift.agent}) → ${recipient} (${gift.args.recipient})`),
      give.title,
    );
    assert.ok(give.title.endsWith(`${give.cells[3]}\n${give.cells[4]}`), give.title);

    // A walk to the park: the walker's place, by name.
    const search = table.locator('input.search');
    await search.fill('go_park');
    await view.locator(`.trace[data-rows="${parks}"]`).waitFor();
    for (const { cells } of await rendered()) {
      noIds(cells);
      // From home, or again from the park (the offline model may walk there twice).
      assert.match(cells[4], /^(Abigail Chen|Bea Lund|Klaus Mueller|Maria Lopez)'s place [02] → 2 — /);
    }

    // Filtering by id and by name finds the same rows: Abigail's (t14's).
    const hers = actions.filter(
      (e) =>
        e.agent === 't14' || e.args.recipient === 't14' || Object.keys(e.changes).some((k) => k.startsWith('t14.')),
    ).length;
    for (const needle of ['t14', 'Abigail']) {
      await search.fill(needle);
      await view.locator(`.trace[data-rows="${hers}"]`).waitFor();
    }
    await search.fill('');
    await view.locator(`.trace[data-rows="${actions.length}"]`).waitFor();

    // Room to read, as a reader would make it: the run's toast dismissed, the side bar closed and
    // the view's group maximized (beside the editor the narrow layout hides the Detail column).
    await s.wb.command('Notifications: Clear All Notifications');
    await s.wb.command('View: Close Primary Side Bar');
    await s.wb.showTab('Names town (run)');
    await s.wb.command('View: Toggle Maximize Editor Group');
    await table.locator('.vrow.head > span:nth-child(4)').waitFor();
    // The Detail column widens when its edge is dragged; its cells follow.
    const detail = rows.first().locator('span').nth(3);
    const before = (await detail.boundingBox())!.width;
    const box = (await table.locator('.vrow.head .col-resize[data-column="3"]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const after = (await detail.boundingBox())!.width;
    assert.ok(after > before + 100, `the Detail column widened: ${before} → ${after}`);
    // A click shows the row whole in the detail pane, ids beside the names.
    await act.click(
      page,
      'a gift row of the trace table',
      rows.filter({ hasText: 'recipient' }).first(),
      view.locator('.trace-detail strong', { hasText: /\((t14|t3|k7|m2)\)/ }),
      { area: table },
    );
    await page.waitForTimeout(500);
    await s.wb.screenshot('names-trace-table');
    await s.wb.command('View: Toggle Maximize Editor Group');
    await s.wb.command('View: Toggle Primary Side Bar Visibility');

    // The memory inspector: people by name in its picker; the gift remembered by the recipient's name.
    const inspector = await openMemories(s.wb, gift.agent, nameOf.get(gift.agent)!);
    const options = await inspector.locator('select[aria-label="Agent"] option').allTextContents();
    assert.deepEqual(options.sort(), [...nameOf.values()].sort());
    await inspector.locator('input[placeholder="Search memories"]').fill('I gave');
    await inspector
      .locator('.memory', { hasText: `I gave ${gift.args.amount} to ${recipient}; I have ` })
      .first()
      .waitFor();
    for (const text of await inspector.locator('.memory .text').allTextContents()) {
      assert.doesNotMatch(text, ID_WORD, text);
    }
    await page.waitForTimeout(400);
    await s.wb.screenshot('names-memory-inspector');
  });

  it("6: the memory inspector's kind boxes work as the trace table's: all start ticked, unticking hides", async () => {
    const page = s.wb.page;
    // The trace table: every kind ticked shows every row; unticking one hides its rows.
    await s.wb.showTab('Names town (run)');
    const society = await frameWith(s.wb, '#society-app[data-ready="true"]');
    const table = society.locator('.trace');
    const boxes = table.locator('label.kind:not([hidden]) input');
    for (let i = 0; i < (await boxes.count()); i++) {
      await act.setChecked(page, `tick kind box ${i + 1}`, boxes.nth(i), true);
    }
    const total = Number(await table.getAttribute('data-total'));
    await society.locator(`.trace[data-rows="${total}"]`).waitFor();
    const actions = events.filter((e) => e.type === 'action').length;
    await act.setChecked(
      page,
      'untick action',
      table.locator('label.kind', { hasText: 'action' }).locator('input'),
      false,
    );
    await society.locator(`.trace[data-rows="${total - actions}"]`).waitFor();

    // The memory inspector, the same way.
    const memories = events.filter((e) => e.type === 'memory' && e.agent === 't14');
    const observations = memories.filter((e) => e.memory.kind === 'observation').length;
    assert.ok(observations > 0 && observations < memories.length, 'observations and other kinds');
    const inspector = await openMemories(s.wb, 't14', 'Abigail Chen');
    await inspector.locator('input[placeholder="Search memories"]').fill('');
    assert.equal(await inspector.locator('.kinds input[type="checkbox"]').count(), 6);
    assert.equal(await inspector.locator('.kinds input:checked').count(), 6, 'every box starts ticked');
    await inspector.locator('.count', { hasText: `${memories.length} memories` }).waitFor();
    assert.equal(await inspector.locator('.memory').count(), memories.length);
    await act.setChecked(
      page,
      'untick observation in the inspector',
      inspector.locator('label.kind-observation input'),
      false,
    );
    await inspector.locator('.count', { hasText: `${memories.length - observations} memories` }).waitFor();
    assert.equal(await inspector.locator('.memory[data-kind="observation"]').count(), 0, 'unticked: hidden');
    assert.equal(await inspector.locator('.memory').count(), memories.length - observations);
    await page.waitForTimeout(300);
    await s.wb.screenshot('filters-memory-inspector');

    // Still driven to the host and back: a memory opens the trace at its line.
    const trace = fs.readdirSync(path.join(s.server.workspace, 'runs'))[0];
    const line =
      fs
        .readFileSync(path.join(s.server.workspace, 'runs', trace, 'trace.jsonl'), 'utf8')
        .split('\n')
        .findIndex((l) => /"type":"memory".*"agent":"t14".*"kind":"seed"/.test(l)) + 1;
    assert.ok(line > 0);
    await act.click(
      page,
      'a seed memory in the inspector',
      inspector.locator('.memory[data-kind="seed"]').first(),
      page.locator('.tab.active', { hasText: 'trace.jsonl' }),
    );
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor();
  });
});
