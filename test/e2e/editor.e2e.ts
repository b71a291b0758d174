// The .society editor experience in a real VS Code (code-server 1.100 in headless Chromium):
// diagnostics in the Problems panel, quick fixes, completion, hover, live cross-file checks,
// rename, outline and New Society — driven through the UI as a user would.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './codeServer';
import { useWorkbench } from './session';

/**
 * The friends example with two mistakes: an id typo in one persona, an unknown key in another; and
 * lens.society, its scenario with `kind: scenario` on the first line (the Run lens at the very top).
 */
function fillWorkspace(ws: string): void {
  fs.cpSync(path.join(REPO, 'examples/friends'), ws, { recursive: true });
  fs.writeFileSync(
    path.join(ws, 'lens.society'),
    fs.readFileSync(path.join(ws, 'friends.society'), 'utf8').replace(/^(?:#.*\n)+/, ''),
  );
  fs.appendFileSync(path.join(ws, 'personas/zara_ahmed.society'), 'relationships:\n  - { with: maya_chn, tie: 0.6 }\n');
  fs.appendFileSync(path.join(ws, 'personas/ben_kowalski.society'), 'hobby: chess\n');
}

const lineOf = (file: string, needle: string): number =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describe('Society Studio in VS Code (code-server + Chromium)', function () {
  const session = useWorkbench('editor', fillWorkspace);
  const ws = session.ws;

  it("shows the example's cross-file problems in the Problems panel", async () => {
    await session.wb.open('friends.society');
    await session.wb.waitForErrors(2);
    const panel = await session.wb.problems();
    await panel.getByText("Unknown persona id 'maya_chn' in relationship. Did you mean 'maya_chen'?").waitFor();
    await panel.getByText("Unknown property 'hobby' in persona").waitFor();
    await panel.getByText('zara_ahmed.society').waitFor();
    await panel.getByText('ben_kowalski.society').waitFor();
    await session.wb.screenshot('problems-panel');
  });

  it('fixes a misspelled persona id with the did-you-mean quick fix', async () => {
    await session.wb.open('personas/zara_ahmed.society');
    const file = ws('personas/zara_ahmed.society');
    await session.wb.goTo(lineOf(file, 'maya_chn'), 13);
    await session.wb.quickFix("Change to 'maya_chen'");
    await session.wb.waitForErrors(1);
    assert.match(await session.wb.textMatching(/with: maya_chen, tie: 0\.6/), /with: maya_chen, tie: 0\.6/);
  });

  it('completes a key with its snippet, then a persona id from another file, and accepts both', async () => {
    await session.wb.open('personas/maya_chen.society');
    await session.wb.page.keyboard.press('Control+End');
    await session.wb.page.keyboard.type('relat');
    await (await session.wb.suggest('relationships')).waitFor();
    await session.wb.screenshot('completion-key');
    await session.wb.page.keyboard.press('Enter');
    // The snippet leaves the cursor after `with: ` and reopens completion with the persona ids.
    await session.wb.suggestWidget().locator('.monaco-list-row', { hasText: 'liam_obrien' }).first().waitFor();
    await session.wb.page.keyboard.type('tom');
    await session.wb.suggestWidget().locator('.monaco-list-row', { hasText: 'tom_nguyen' }).first().waitFor();
    await session.wb.screenshot('completion-persona-id');
    await session.wb.page.keyboard.press('Enter');
    await session.wb.save();
    assert.match(
      fs.readFileSync(ws('personas/maya_chen.society'), 'utf8'),
      /\nrelationships:\n {2}- with: tom_nguyen\s*$/,
    );
    await session.wb.waitForErrors(1);
  });

  it('hovers a persona id and a key', async () => {
    await session.wb.open('personas/tom_nguyen.society');
    const file = ws('personas/tom_nguyen.society');
    await session.wb.goTo(lineOf(file, 'with: liam_obrien'), 13);
    const card = await session.wb.editorHover();
    await card.getByText("Liam O'Brien").waitFor();
    await card.getByText(/secondary school maths teacher/).waitFor();
    await card.getByText(/Motivations: social \d\.\d\d/).waitFor();
    await session.wb.screenshot('hover-persona');
    await session.wb.page.keyboard.press('Escape');
    await session.wb.goTo(lineOf(file, 'occupation:'), 3);
    const docs = await session.wb.editorHover();
    await docs.getByText(/Occupation; offered as small talk/).waitFor();
    await session.wb.page.keyboard.press('Escape');
  });

  it('re-checks the personas that reference an id while it is being edited', async () => {
    await session.wb.open('personas/liam_obrien.society');
    await session.wb.goTo(2, 16); // end of `id: liam_obrien`
    await session.wb.page.keyboard.type('x');
    await session.wb.waitForErrors(2);
    await (
      await session.wb.problems()
    )
      .getByText("Unknown persona id 'liam_obrien' in relationship. Did you mean 'liam_obrienx'?")
      .waitFor();
    await session.wb.screenshot('live-cross-file');
    await session.wb.page.keyboard.press('Control+Z');
    await session.wb.waitForErrors(1);
  });

  it('renames a persona id across files in one edit', async () => {
    await session.wb.open('personas/diego_alvarez.society');
    await session.wb.goTo(lineOf(ws('personas/diego_alvarez.society'), 'with: sofia_rossi'), 13);
    await session.wb.page.keyboard.press('F2');
    const box = session.wb.page.locator('[widgetid="__renameInputWidget"]');
    const input = box.locator('input');
    await input.waitFor();
    assert.equal(await input.inputValue(), 'sofia_rossi');
    await input.fill('sofia_r');
    await session.wb.page.keyboard.press('Enter');
    await box.waitFor({ state: 'hidden' });
    await session.wb.command('File: Save All Files');
    await session.wb.page.locator('.tab.dirty').first().waitFor({ state: 'detached' });
    const read = (f: string): string => fs.readFileSync(ws(`personas/${f}.society`), 'utf8');
    assert.match(read('sofia_rossi'), /^id: sofia_r$/m);
    assert.match(read('diego_alvarez'), /with: sofia_r$/m);
    assert.match(read('oliver_grant'), /with: sofia_r$/m);
    for (const f of fs.readdirSync(ws('personas'))) {
      assert.doesNotMatch(fs.readFileSync(ws(`personas/${f}`), 'utf8'), /sofia_rossi/, f);
    }
    await session.wb.waitForErrors(1);
  });

  it('outlines a persona and removes an unknown key with a quick fix', async () => {
    await session.wb.open('personas/ben_kowalski.society');
    await session.wb.command('Go to Symbol in Editor...');
    const rows = session.wb.page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Ben Kowalski' }).first().waitFor();
    await session.wb.page.keyboard.type('motiv');
    await rows.filter({ hasText: 'motivations' }).first().waitFor();
    await session.wb.screenshot('outline');
    await session.wb.page.locator('.quick-input-widget input').fill('@hobby');
    await rows.filter({ hasText: 'hobby' }).first().waitFor();
    await session.wb.page.keyboard.press('Escape');
    await session.wb.goTo(lineOf(ws('personas/ben_kowalski.society'), 'hobby: chess'), 2);
    await session.wb.quickFix("Remove unknown property 'hobby'");
    await session.wb.waitForErrors(0);
    assert.doesNotMatch(await session.wb.visibleText(), /hobby/);
  });

  it('scaffolds a ready-to-run society with Society: New Society', async () => {
    const before = await session.wb.problemCounts();
    await session.wb.command('Society: New Society');
    const input = session.wb.page.locator('.quick-input-widget input');
    // What kind: the friendship starter is first, before the paradigms the studio ships.
    await session.wb.page.locator('.quick-input-widget', { hasText: 'what kind of society' }).waitFor();
    await session.wb.page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Friendship starter' })
      .waitFor();
    await session.wb.page.keyboard.press('Enter');
    await session.wb.page.locator('.quick-input-widget', { hasText: 'Name of the society' }).waitFor();
    await input.fill('Book club');
    await session.wb.page.keyboard.press('Enter');
    await session.wb.page.locator('.tab.active', { hasText: 'book-club.society' }).waitFor();
    assert.match(await session.wb.textMatching(/name: "Book club"/), /name: "Book club"/);
    assert.deepEqual(fs.readdirSync(ws('book-club/personas')).sort(), [
      'ines.society',
      'leo.society',
      'maya.society',
      'sam.society',
    ]);
    // The new scenario's include already resolves to the four new personas.
    await session.wb.goTo(lineOf(ws('book-club/book-club.society'), 'include:'), 16);
    await (await session.wb.editorHover()).getByText(/include · 4 files/).waitFor();
    await session.wb.page.keyboard.press('Escape');
    assert.deepEqual(await session.wb.problemCounts(), before, 'the scaffold has no problems');
    // Ready to run: the Run lens sits above its `kind: scenario`.
    await session.wb
      .editor()
      .locator('.codelens-decoration a', { hasText: 'Run' })
      .first()
      .waitFor({ timeout: 10_000 });
    await session.wb.screenshot('new-society');
  });

  it('makes a new society from a shipped paradigm, and opens an example as it ships (issue 73)', async () => {
    const page = session.wb.page;
    const before = await session.wb.problemCounts();
    await session.wb.commandAsking('Society: New Society', 'what kind of society');
    await page.keyboard.type('public-goods', { delay: 20 });
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Public goods' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Name of the society' }).waitFor();
    await page.locator('.quick-input-widget input').fill('Our commons');
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'public-goods.society' }).waitFor();
    assert.match(fs.readFileSync(ws('our-commons/public-goods.society'), 'utf8'), /^name: "Our commons"$/m);
    assert.deepEqual(await session.wb.problemCounts(), before, 'the new society has no problems');

    await session.wb.commandAsking('Society: Open Example…', 'Open Example');
    await page.keyboard.type('trust', { delay: 20 });
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Trust game' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'trust.society' }).waitFor();
    assert.equal(
      fs.readFileSync(ws('trust/trust.society'), 'utf8'),
      fs.readFileSync(path.join(REPO, 'examples/trust/trust.society'), 'utf8'),
    );
    await session.wb.screenshot('open-example');
  });
  it('offers the document snippets only where they fit: in their list, not at a value', async () => {
    // QA: the static snippets (persona, scenario, event…) were offered at every completion point, even after `gender: `.
    await session.wb.open('personas/priya_raman.society');
    const file = ws('personas/priya_raman.society');
    await session.wb.goTo(lineOf(file, 'gender:'), 9);
    await session.wb.page.keyboard.press('Control+Space');
    await session.wb.page.waitForTimeout(1500);
    const rows = session.wb.page.locator('.editor-widget.suggest-widget .monaco-list-row');
    for (const snippet of ['persona', 'scenario', 'relationship', 'memory', 'event']) {
      assert.equal(
        await rows.filter({ hasText: new RegExp(`^${snippet}`) }).count(),
        0,
        `${snippet} offered after gender:`,
      );
    }
    await session.wb.screenshot('completion-value-no-snippets');
    await session.wb.page.keyboard.press('Escape');
    await session.wb.goTo(lineOf(file, 'relationships:'), 'relationships:'.length + 1);
    await session.wb.page.keyboard.press('Enter');
    await session.wb.page.keyboard.type('relat');
    const row = await session.wb.suggest('relationship');
    await session.wb.page.waitForTimeout(300);
    await session.wb.screenshot('completion-snippet-in-list');
    assert.match(await row.innerText(), /relationship/);
    await session.wb.page.keyboard.press('Escape');
    await session.wb.command('File: Revert File');
  });

  it('goes to a line of a scenario without running it from the Run lens above `kind: scenario`', async () => {
    // QA: goTo clicked the top of the editor to focus it, which is where the "Run | Run with
    // model…" lens above a `kind: scenario` on the first line is drawn.
    const file = ws('lens.society');
    assert.equal(lineOf(file, 'kind: scenario'), 1);
    await session.wb.open('lens.society');
    await session.wb
      .editor()
      .locator('.codelens-decoration a', { hasText: 'Run with model' })
      .first()
      .waitFor({ timeout: 10_000 });
    const seed = lineOf(file, 'seed: 7');
    await session.wb.goTo(seed, 7);
    await session.wb.page.keyboard.type('1');
    assert.match(await session.wb.textMatching(/^seed: 17$/m), /^seed: 17$/m, 'the cursor was not where goTo put it');
    // Nothing the lens would have started: no model picker, no run, no society view.
    await session.wb.page.waitForTimeout(1500);
    assert.equal(
      await session.wb.page.locator('.quick-input-widget').isVisible(),
      false,
      'a picker is open (Run with model…)',
    );
    assert.equal(await session.wb.page.locator('iframe.webview').count(), 0, 'a webview (the society view) opened');
    assert.ok(!fs.existsSync(ws('runs')), 'the scenario was run');
    await session.wb.goTo(1, 1);
    await session.wb.screenshot('goto-scenario');
    await session.wb.command('File: Revert File');
  });

  it('adds a missing name as a placeholder from the id, to type over', async () => {
    // QA: the quick fix inserted the schema example "Maya Chen", a real persona of the example.
    fs.mkdirSync(ws('scratch'), { recursive: true });
    fs.writeFileSync(ws('scratch/fixme.society'), 'kind: persona\nid: fixme\nage: 30\n');
    await session.wb.open('scratch/fixme.society');
    const problem = (await session.wb.problems()).getByText("Missing required property 'name' in persona");
    await problem.waitFor();
    await session.wb.goTo(1, 1);
    await session.wb.quickFix("Add missing property 'name'");
    assert.match(await session.wb.textMatching(/name: Fixme/), /name: Fixme/);
    // The placeholder is selected: typing replaces it.
    await session.wb.page.keyboard.type('Fixme Okafor');
    await session.wb.save();
    assert.equal(
      fs.readFileSync(ws('scratch/fixme.society'), 'utf8'),
      'kind: persona\nid: fixme\nage: 30\nname: Fixme Okafor\n',
    );
    await problem.waitFor({ state: 'detached' });
    await session.wb.screenshot('quick-fix-name-placeholder');
    await session.wb.command('View: Close All Editors');
    fs.rmSync(ws('scratch'), { recursive: true, force: true });
  });
});
