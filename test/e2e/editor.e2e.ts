// The .society editor experience in a real VS Code (code-server 1.100 in headless Chromium):
// diagnostics in the Problems panel, quick fixes, completion, hover, live cross-file checks,
// rename, outline and New Society — driven through the UI as a user would.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, startCodeServer, type CodeServer } from './codeServer';
import { Workbench } from './workbench';

/** The friends example with two mistakes: an id typo in one persona, an unknown key in another. */
function fillWorkspace(ws: string): void {
  fs.cpSync(path.join(REPO, 'examples/friends'), ws, { recursive: true });
  fs.appendFileSync(path.join(ws, 'personas/zara_ahmed.society'), 'relationships:\n  - { with: maya_chn, tie: 0.6 }\n');
  fs.appendFileSync(path.join(ws, 'personas/ben_kowalski.society'), 'hobby: chess\n');
}

const lineOf = (file: string, needle: string): number => fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

describe('Society Studio in VS Code (code-server + Chromium)', function () {
  let server: CodeServer | undefined;
  let wb: Workbench;
  let failed = false;
  const ws = (rel: string): string => path.join(server!.workspace, rel);

  before(async function () {
    server = await startCodeServer(fillWorkspace);
    wb = await Workbench.open(server);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      failed = true;
      const shot = await wb?.screenshot(`FAILED-${slug(this.currentTest.title)}`).catch(() => undefined);
      if (shot) console.error(`    screenshot: ${path.relative(REPO, shot)}`);
    }
  });

  after(async function () {
    await wb?.close();
    await server?.stop();
    if (failed && server) console.error(`  code-server log (tail):\n${server.log().slice(-3000)}\n  kept ${server.tmp}`);
    else if (server) fs.rmSync(server.tmp, { recursive: true, force: true });
  });

  it('shows the example\'s cross-file problems in the Problems panel', async () => {
    await wb.open('friends.society');
    await wb.waitForErrors(2);
    const panel = await wb.problems();
    await panel.getByText("Unknown persona id 'maya_chn' in relationship. Did you mean 'maya_chen'?").waitFor();
    await panel.getByText("Unknown property 'hobby' in persona").waitFor();
    await panel.getByText('zara_ahmed.society').waitFor();
    await panel.getByText('ben_kowalski.society').waitFor();
    await wb.screenshot('problems-panel');
  });

  it('fixes a misspelled persona id with the did-you-mean quick fix', async () => {
    await wb.open('personas/zara_ahmed.society');
    const file = ws('personas/zara_ahmed.society');
    await wb.goTo(lineOf(file, 'maya_chn'), 13);
    await wb.quickFix("Change to 'maya_chen'");
    await wb.waitForErrors(1);
    assert.match(await wb.visibleText(), /with: maya_chen, tie: 0\.6/);
  });

  it('completes a key with its snippet, then a persona id from another file, and accepts both', async () => {
    await wb.open('personas/maya_chen.society');
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type('relat');
    await (await wb.suggest('relationships')).waitFor();
    await wb.screenshot('completion-key');
    await wb.page.keyboard.press('Enter');
    // The snippet leaves the cursor after `with: ` and reopens completion with the persona ids.
    await wb.suggestWidget().locator('.monaco-list-row', { hasText: 'liam_obrien' }).first().waitFor();
    await wb.page.keyboard.type('tom');
    await wb.suggestWidget().locator('.monaco-list-row', { hasText: 'tom_nguyen' }).first().waitFor();
    await wb.screenshot('completion-persona-id');
    await wb.page.keyboard.press('Enter');
    await wb.save();
    assert.match(fs.readFileSync(ws('personas/maya_chen.society'), 'utf8'), /\nrelationships:\n {2}- with: tom_nguyen\s*$/);
    await wb.waitForErrors(1);
  });

  it('hovers a persona id and a key', async () => {
    await wb.open('personas/tom_nguyen.society');
    const file = ws('personas/tom_nguyen.society');
    await wb.goTo(lineOf(file, 'with: liam_obrien'), 13);
    const card = await wb.hover();
    await card.getByText("Liam O'Brien").waitFor();
    await card.getByText(/secondary school maths teacher/).waitFor();
    await card.getByText(/Motivations: SOC/).waitFor();
    await wb.screenshot('hover-persona');
    await wb.page.keyboard.press('Escape');
    await wb.goTo(lineOf(file, 'occupation:'), 3);
    const docs = await wb.hover();
    await docs.getByText(/Occupation; offered as small talk/).waitFor();
    await wb.page.keyboard.press('Escape');
  });

  it('re-checks the personas that reference an id while it is being edited', async () => {
    await wb.open('personas/liam_obrien.society');
    await wb.goTo(2, 16); // end of `id: liam_obrien`
    await wb.page.keyboard.type('x');
    await wb.waitForErrors(2);
    await (await wb.problems()).getByText("Unknown persona id 'liam_obrien' in relationship. Did you mean 'liam_obrienx'?").waitFor();
    await wb.screenshot('live-cross-file');
    await wb.page.keyboard.press('Control+Z');
    await wb.waitForErrors(1);
  });

  it('renames a persona id across files in one edit', async () => {
    await wb.open('personas/diego_alvarez.society');
    await wb.goTo(lineOf(ws('personas/diego_alvarez.society'), 'with: sofia_rossi'), 13);
    await wb.page.keyboard.press('F2');
    const box = wb.page.locator('[widgetid="__renameInputWidget"]');
    const input = box.locator('input');
    await input.waitFor();
    assert.equal(await input.inputValue(), 'sofia_rossi');
    await input.fill('sofia_r');
    await wb.page.keyboard.press('Enter');
    await box.waitFor({ state: 'hidden' });
    await wb.command('File: Save All Files');
    await wb.page.locator('.tab.dirty').first().waitFor({ state: 'detached' });
    const read = (f: string): string => fs.readFileSync(ws(`personas/${f}.society`), 'utf8');
    assert.match(read('sofia_rossi'), /^id: sofia_r$/m);
    assert.match(read('diego_alvarez'), /with: sofia_r$/m);
    assert.match(read('oliver_grant'), /with: sofia_r$/m);
    for (const f of fs.readdirSync(ws('personas'))) assert.doesNotMatch(fs.readFileSync(ws(`personas/${f}`), 'utf8'), /sofia_rossi/, f);
    await wb.waitForErrors(1);
  });

  it('outlines a persona and removes an unknown key with a quick fix', async () => {
    await wb.open('personas/ben_kowalski.society');
    await wb.command('Go to Symbol in Editor...');
    const rows = wb.page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Ben Kowalski' }).first().waitFor();
    await wb.page.keyboard.type('motiv');
    await rows.filter({ hasText: 'motivations' }).first().waitFor();
    await wb.screenshot('outline');
    await wb.page.locator('.quick-input-widget input').fill('@hobby');
    await rows.filter({ hasText: 'hobby' }).first().waitFor();
    await wb.page.keyboard.press('Escape');
    await wb.goTo(lineOf(ws('personas/ben_kowalski.society'), 'hobby: chess'), 2);
    await wb.quickFix("Remove unknown property 'hobby'");
    await wb.waitForErrors(0);
    assert.doesNotMatch(await wb.visibleText(), /hobby/);
  });

  it('scaffolds a ready-to-run society with Society: New Society', async () => {
    const before = await wb.problemCounts();
    await wb.command('Society: New Society');
    const input = wb.page.locator('.quick-input-widget input');
    await wb.page.locator('.quick-input-widget', { hasText: 'Name of the society' }).waitFor();
    await input.fill('Book club');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.tab.active', { hasText: 'society.society' }).waitFor();
    assert.match(await wb.visibleText(), /name: "Book club"/);
    assert.deepEqual(fs.readdirSync(ws('book-club/personas')).sort(), ['ines.society', 'leo.society', 'maya.society', 'sam.society']);
    // The new scenario's include already resolves to the four new personas.
    await wb.goTo(lineOf(ws('book-club/society.society'), 'include:'), 16);
    await (await wb.hover()).getByText(/include · 4 files/).waitFor();
    await wb.page.keyboard.press('Escape');
    assert.deepEqual(await wb.problemCounts(), before, 'the scaffold has no problems');
    await wb.screenshot('new-society');
  });
});
