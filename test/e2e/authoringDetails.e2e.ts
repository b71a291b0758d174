// Issue 42, points 7 and 8, in a real VS Code (code-server + Chromium), on societies written for
// these tests (test/fixtures/authoring-details): a public goods game whose experiment varies a
// quantity by a path the experiment cannot vary, and a market town driven by its state, whose
// descriptions speak of the "place" its agents' quantity is called. Each test failed before its
// fix: SOC054's message and fix, CEL colours inside expression strings, completion details shown
// whole, no toast over the society view after a run, 24 names for 24 townsfolk, and word
// highlights that skip prose. Screenshots are saved in test-results/e2e.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { REPO } from './codeServer';
import { useWorkbench } from './session';
import { STEP_MS, type Workbench } from './workbench';
import { runEvents, runToCompletion } from './worldSteps';

const fill = (ws: string): void =>
  fs.cpSync(path.join(REPO, 'test/fixtures/authoring-details'), ws, { recursive: true });

/** The 1-based line of the first line holding `needle`, and that line's text. */
function lineWith(file: string, needle: string): { line: number; text: string } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `no line with ${needle} in ${file}`);
  return { line: i + 1, text: lines[i] };
}

/** Puts the cursor `offset` characters into the first `needle` of the line holding `lineNeedle`. */
async function cursorAt(wb: Workbench, file: string, lineNeedle: string, needle: string, offset = 0): Promise<void> {
  const { line, text } = lineWith(file, lineNeedle);
  await wb.goTo(line, text.indexOf(needle) + offset + 1);
}

describe('authoring details of issue 42: 7 and 8 (code-server + Chromium)', function () {
  const s = useWorkbench('authoring-details', fill);

  it('7: SOC054 says which condition path cannot be varied, why, and what can; fixes and completes it', async () => {
    const wb = s.wb;
    const file = s.ws('goods.society');
    await wb.open('goods.society');
    await wb.waitForErrors(1);
    // The Problems panel across the window (the side bar closed), as one reads a list of problems.
    await wb.command('View: Close Primary Side Bar');
    const panel = await wb.problems();
    const row = panel.locator('.monaco-list-row', { hasText: 'SOC054' }).first();
    await row.waitFor();
    // The code is a link to its row of the diagnostics reference (issue 73).
    await row.locator('a', { hasText: 'SOC054' }).waitFor();
    const message = row.locator('.marker-message-details, .marker-message').first();
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Cannot vary 'state\.world\.multiplier': name one of its fields\./);
    // The did-you-mean first (issue 61): a list that would not fit the row is left to completion.
    assert.match(text, /name one of its fields\. Did you mean 'state\.world\.multiplier\.initial'\?/);
    assert.doesNotMatch(text, /dotted parameter path/);
    // Read whole in the panel beside the editor: the row is not cut.
    const cut = await message.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    assert.equal(cut, false, 'the message fits its row of the Problems panel');
    await wb.screenshot('authoring-soc054-problems');
    await wb.command('View: Toggle Primary Side Bar Visibility');
    // The quick fix writes the path meant; completion offers what a condition can vary.
    await cursorAt(wb, file, 'state.world.multiplier: 1.2', 'multiplier', 2);
    await wb.quickFix("Change to 'state.world.multiplier.initial'");
    await wb.waitForErrors(0);
    assert.match(
      await wb.textMatching(/state\.world\.multiplier\.initial: 1\.2/),
      /state\.world\.multiplier\.initial: 1\.2/,
    );
    await cursorAt(wb, file, 'state.world.multiplier.initial: 2.4', 'state');
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type('state.world.f');
    const item = await wb.suggest('state.world.fine.initial');
    await item.waitFor();
    await wb.page.waitForTimeout(300);
    await wb.screenshot('authoring-soc054-completion');
    await wb.page.keyboard.press('Escape');
    await wb.command('File: Revert File');
  });

  it('8a: CEL inside an expression string is coloured as CEL, not as one string', async () => {
    const wb = s.wb;
    const file = s.ws('town.society');
    await openFresh(wb, 'town.society');
    await cursorAt(wb, file, 'me.purse: "me.purse - min(2.0, me.purse)"', 'me.purse');
    await wb.page.waitForTimeout(500);
    // `when` of an action: names, members, operators and numbers each in their own colour.
    const when = await tokenClasses(wb, 'when: "me.purse >= 0.0 && world.festival < 1"', [
      '"me',
      'me.',
      '>=',
      '0.0',
      'festival',
    ]);
    const quote = when['"me'];
    for (const token of ['me.', '>=', '0.0']) {
      assert.notEqual(when[token], quote, `${token} is coloured apart from the string's quotes`);
    }
    assert.ok(new Set(Object.values(when)).size >= 4, `${JSON.stringify(when)}: four colours or more`);
    // An effect's value: a function call and numbers; a description stays one string.
    const effect = await tokenClasses(wb, 'me.purse: "me.purse - min(2.0, me.purse)"', ['"me', 'min', '2.0']);
    assert.notEqual(effect.min, effect['"me']);
    assert.notEqual(effect['2.0'], effect['"me']);
    const prose = await tokenClasses(wb, "description: Put two coins in the town's pot", ['Put', 'pot', 'place']);
    assert.equal(new Set(Object.values(prose)).size, 1, 'a description is text, all of one colour');
    await wb.screenshot('authoring-cel-colours');
  });

  it('8b: a completion detail shows whole beside its label; the rest is in its documentation', async () => {
    const wb = s.wb;
    const file = s.ws('town.society');
    await openFresh(wb, 'town.society');
    // `world.|festival` in the `when` of `go`: the festival is a whole-number switch, 0..1.
    await cursorAt(wb, file, 'when: "me.purse >= 0.0 && world.festival < 1"', 'world.festival', 'world.'.length);
    await wb.page.keyboard.press('Control+Space');
    const widget = wb.suggestWidget();
    const row = widget.locator('.monaco-list-row.focused', { hasText: 'festival' });
    await row.waitFor();
    const detail = row.locator('.details-label');
    // VS Code remembers whether the widget's documentation was left open (an earlier completion),
    // and with it open the row's own detail is hidden: close it first, as a reader would.
    const docsOpen = wb.page.locator('.suggest-details-container .suggest-details');
    for (let i = 0; i < 3 && !(await detail.isVisible()); i++) {
      if (await docsOpen.isVisible()) await wb.page.keyboard.press('Control+Space');
      await detail.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await detail.waitFor();
    assert.equal(await detail.innerText(), 'world quantity · 0..1');
    const shown = await detail.evaluate((el) => ({ whole: el.scrollWidth, box: el.clientWidth }));
    assert.ok(shown.whole <= shown.box, `the detail is cut (${shown.whole} > ${shown.box} px)`);
    await wb.page.waitForTimeout(300);
    await wb.screenshot('authoring-completion-detail');
    // The documentation beside the list has the rest: start, bounds, whole numbers, description.
    await wb.page.keyboard.press('Control+Space');
    const docs = wb.page.locator('.suggest-details-container .suggest-details');
    await docs.getByText(/whole numbers/).waitFor();
    await docs.getByText(/Whether the festival is on/).waitFor();
    await wb.page.waitForTimeout(300);
    await wb.screenshot('authoring-completion-docs');
    await wb.page.keyboard.press('Escape');
  });

  it('8c: after a clean run the society view is left clear; the status bar offers Open Trace and Show Log', async () => {
    const wb = s.wb;
    const page = wb.page;
    await openFresh(wb, 'town.society');
    const view = await runToCompletion(wb);
    await view.locator('.trace').first().waitFor();
    // No notification over the view's trace table (one with buttons would stay until dismissed).
    const toast = page.locator('.notification-toast-container', { hasText: /Open Trace|Show Log|Market town:/ });
    const toasted = await toast
      .first()
      .waitFor({ timeout: 4_000 })
      .then(
        () => true,
        () => false,
      );
    await wb.screenshot('authoring-run-no-toast');
    assert.equal(toasted, false, 'no notification covers the society view');
    // The outcome stays in the status bar; its tooltip has the two ways on.
    const item = page.locator('.statusbar-item', { hasText: /Society: round 3\/3/ }).first();
    await item.waitFor();
    const tip = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Show Log' }).first();
    await act.hover(page, 'hover the run outcome in the status bar', item, tip);
    assert.match(
      (await tip.innerText()).replace(/\s+/g, ' '),
      /Market town: 3 rounds, no ties formed\..*Open Trace · Show Log/,
    );
    await page.waitForTimeout(300);
    await wb.screenshot('authoring-run-status-tooltip');
    // Open Trace opens this run's trace in the trace editor; Show Log the run's log. The tooltip
    // redraws while it is shown (its link can detach under the pointer): each click is retried on
    // a tooltip hovered afresh until what the link opens is there.
    const reopenTip = async () => {
      await page.mouse.move(700, 300);
      await act.hover(page, 'hover the run outcome again', item, tip);
    };
    await act.click(
      page,
      "the status bar tooltip's Open Trace",
      tip.getByText('Open Trace'),
      page.locator('.tab', { hasText: 'trace.jsonl' }),
      { reopen: reopenTip },
    );
    await reopenTip();
    await act.click(
      page,
      "the status bar tooltip's Show Log",
      tip.getByText('Show Log'),
      page.locator('.panel .view-lines', { hasText: /run\sMarket\stown:\sseed\s5/ }),
      { reopen: reopenTip },
    );
    await page.mouse.move(700, 300);
    await tip.waitFor({ state: 'hidden' });
  });

  it('8d: 24 distinct names for 24 townsfolk: each given once, Klaus too', async () => {
    const wb = s.wb;
    await openFresh(wb, 'town.society');
    const view = await runToCompletion(wb);
    const names = (await runEvents(s.server.workspace))
      .filter((e) => e.type === 'agent_added')
      .map((e) => String(e.agent.name));
    const first = names.map((n) => n.replace(/ \d+$/, ''));
    assert.equal(first.length, 24);
    assert.equal(new Set(first).size, 24, `each name once: ${first.join(', ')}`);
    assert.equal(first.filter((n) => n === 'Ryan').length, 1);
    // The view lists them: every townsperson, Klaus among them, once.
    const listed = await view.locator('select option').allInnerTexts();
    for (const n of names) assert.ok(listed.includes(n), `${n} is listed in the society view`);
    assert.ok(listed.some((n) => /^Klaus\b/.test(n)));
    await wb.command('View: Close Primary Side Bar');
    await hidePanel(wb);
    await view.locator('.network[data-layout="settled"]').waitFor({ timeout: STEP_MS });
    await wb.page.waitForTimeout(500);
    await wb.screenshot('authoring-run-names');
    await wb.command('View: Toggle Primary Side Bar Visibility');
  });

  it('8e: the name of a quantity is highlighted where it is a name, never inside prose', async () => {
    const wb = s.wb;
    const file = s.ws('town.society');
    await openFresh(wb, 'town.society');
    await hidePanel(wb);
    // The cursor on `place`, the agents' quantity (its declaration under state.agents).
    await cursorAt(wb, file, '    place:', 'place', 2);
    const lines = [
      '    place:',
      'me.place: "args.to"',
      'I went to place {me.place}',
      'the place decides whom they meet',
      'Go to another place for the evening.',
      'description: the place to go to }',
    ];
    // Highlights come a moment after the cursor settles.
    let counts: number[] = [];
    for (const until = Date.now() + STEP_MS; Date.now() < until; await wb.page.waitForTimeout(200)) {
      counts = await highlightsOn(wb, lines);
      if (counts[0] > 0 && counts[1] > 0) break;
    }
    assert.ok(!counts.includes(-1), `every line in view: ${JSON.stringify(counts)}`);
    const [declaration, target, remember, ...prose] = counts;
    assert.ok(declaration >= 1 && target >= 1, 'the declaration and the effect target are marked');
    assert.equal(remember, 1, 'in the remember text only the placeholder {me.place}, not the word before it');
    assert.deepEqual(prose, [0, 0, 0], 'no "place" marked in a description');
    await wb.screenshot('authoring-word-highlights');
    // On a word of prose, nothing is marked (VS Code would mark every textual match).
    await cursorAt(wb, file, 'the place decides whom they meet', 'place', 2);
    await wb.page.waitForTimeout(1000);
    const fromProse = await highlightsOn(wb, lines);
    assert.deepEqual(fromProse, [0, 0, 0, 0, 0, 0]);
  });
});

/**
 * In the page: the token classes (`mtk…`, one per colour) of the first visible line of `editor`
 * holding `args[0]`, at the first character of each of `args[1]` in that line. A string for
 * `new Function`: a function written here would be compiled with helpers the page does not have.
 */
const TOKEN_CLASSES = `
  const [needle, at] = args;
  const textOf = (l) => (l.textContent || '').replace(/\\u00a0/g, ' ');
  const line = [...editor.querySelectorAll('.view-line')].find((l) => textOf(l).includes(needle));
  if (!line) throw new Error('no visible line with ' + needle);
  const text = textOf(line);
  const classAt = (offset) => {
    let seen = 0;
    for (const span of line.querySelectorAll('span > span')) {
      seen += span.textContent.length;
      if (offset < seen) return span.className;
    }
    return '';
  };
  return Object.fromEntries(at.map((a) => [a, classAt(text.indexOf(a))]));
`;

/** The token classes at the first character of each of `at` in the visible line holding `needle`. */
async function tokenClasses(wb: Workbench, needle: string, at: string[]): Promise<Record<string, string>> {
  const fn = new Function('editor', 'args', TOKEN_CLASSES) as (
    e: Element,
    a: [string, string[]],
  ) => Record<string, string>;
  return wb.editor().evaluate(fn, [needle, at] as [string, string[]]);
}

/**
 * In the page: how many word-highlight decorations (read, write or textual) sit on the first
 * visible line of `editor` holding each of `args` (-1 when no such line is in view).
 */
const HIGHLIGHTS_ON = `
  const textOf = (l) => (l.textContent || '').replace(/\\u00a0/g, ' ');
  const marks = [...editor.querySelectorAll('.cdr.wordHighlight, .cdr.wordHighlightStrong, .cdr.wordHighlightText')]
    .map((m) => m.getBoundingClientRect());
  return args.map((needle) => {
    const line = [...editor.querySelectorAll('.view-line')].find((l) => textOf(l).includes(needle));
    if (!line) return -1;
    const r = line.getBoundingClientRect();
    return marks.filter((m) => m.top < r.bottom - 2 && m.bottom > r.top + 2).length;
  });
`;

/** Word highlights on the visible lines holding each of `needles`. */
async function highlightsOn(wb: Workbench, needles: string[]): Promise<number[]> {
  const fn = new Function('editor', 'args', HIGHLIGHTS_ON) as (e: Element, a: string[]) => number[];
  return wb.editor().evaluate(fn, needles);
}

/** Hides the panel (Problems, Output) when it shows: the command is not offered otherwise. */
async function hidePanel(wb: Workbench): Promise<void> {
  if (await wb.page.locator('.part.panel').isVisible()) await wb.command('View: Hide Panel');
}

/** Opens `file` afresh (at its top, where its Run lens is) once the extension has read it. */
async function openFresh(wb: Workbench, file: string): Promise<void> {
  await wb.command('View: Close All Editor Groups');
  await wb.open(file);
  await wb.goTo(1, 1);
  await wb.scenarioProblemCounts();
}
