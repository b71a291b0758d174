// Issue 34 in a real VS Code (code-server + Chromium): the first-years forum written on a feed. Its
// files check clean; Run Simulation draws the network its replies, likes, follows and chats made,
// and the trace table shows the posts; the memory inspector lists a regular's memory of a reply,
// like or follow; F5 with a function breakpoint on the declared `browse` phase stops there, and
// the call stack names the phase. Screenshots are saved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { REPO } from './codeServer';
import { useWorkbench } from './session';
import { STEP_MS } from './workbench';
import { addFunctionBreakpoint, runEvents, runToCompletion, showMemoriesLens } from './worldSteps';

const forumExample = (ws: string): void => fs.cpSync(path.join(REPO, 'examples/forum'), ws, { recursive: true });

type Line = Record<string, any>;

describe('a society on a feed: the first-years forum (code-server + Chromium)', function () {
  const s = useWorkbench('forum', forumExample);
  let events: Line[] = [];

  it('checks clean; runs; the network and the posts show in the society view', async () => {
    await s.wb.open('forum.society');
    assert.deepEqual(await s.wb.scenarioProblemCounts(), { errors: 0, warnings: 0 });
    const view = await runToCompletion(s.wb);
    events = await runEvents(s.server.workspace);
    // The view draws the ties the forum and the chats made.
    const ties = Number(await view.locator('.network').getAttribute('data-edges'));
    assert.ok(ties > 20, `${ties} ties drawn`);
    for (const kind of ['message', 'evaluation', 'advice', 'intervention', 'error']) {
      // The table offers only the kinds the run produced (issue 59); the run is complete.
      const box = view.locator('label.kind:not([hidden])', { hasText: kind }).locator('input');
      if (!(await box.count())) continue;
      await act.setChecked(s.wb.page, `untick ${kind} in the trace table`, box, false);
    }
    // The replies: each row shows the reply's own text after the post it answers, and its author
    // as the other party.
    await view.locator('input[placeholder="Search text and names"]').fill('↩');
    const reply = view.locator('.trace .vrow.kind-action', { hasText: '↩' }).first();
    await reply.waitFor();
    const first = events.find((e) => e.type === 'action' && e.action === 'reply')!;
    const shown = (await reply.textContent()) ?? '';
    assert.match(shown, new RegExp(`${first.post.id} ↩ ${first.post.reply_to}: `));
    assert.match(shown, /→/, 'the author of the post replied to is the other party');
    await s.wb.page.waitForTimeout(800);
    await s.wb.screenshot('forum-run-posts');
  });

  it("the memory inspector lists a regular's memory of what others did to their posts", async () => {
    const people = fs.readFileSync(path.join(s.server.workspace, 'people.society'), 'utf8');
    const regulars = [...people.matchAll(/^id: (\S+)/gm)].map((m) => m[1]);
    const told = (id: string) =>
      events.filter(
        (e) =>
          e.type === 'memory' &&
          e.agent === id &&
          /replied to my post|liked my post|started following me/.test(e.memory.text),
      );
    const agent = regulars.find((id) => told(id).length > 0);
    assert.ok(agent, 'a regular heard from the forum');
    await s.wb.open('people.society');
    // The CodeLens of that regular (one per persona document, in file order).
    const index = regulars.indexOf(agent!);
    const inspector = await showMemoriesLens(
      s.wb,
      `#memory-inspector[data-ready="true"][data-agent="${agent}"]`,
      index,
    );
    // Once the run's memories are in (the inspector resets its fields when they arrive), search them.
    await inspector.locator('.count', { hasText: /\d+ memor(y|ies)\b/ }).waitFor();
    await inspector.locator('input[placeholder="Search memories"]').fill('my post');
    await inspector
      .locator('.memory', { hasText: /replied to my post|liked my post/ })
      .first()
      .waitFor();
    // The search narrows the stream to a handful (from over a hundred).
    await inspector.locator('.count', { hasText: /^\s*\d{1,2} memor(y|ies)\s*$/ }).waitFor();
    await s.wb.page.waitForTimeout(500);
    await s.wb.screenshot('forum-memory-inspector');
  });

  it('F5 with a function breakpoint on the declared browse phase stops there; the call stack names it', async () => {
    const page = s.wb.page;
    await s.wb.command('View: Close All Editor Groups');
    await s.wb.open('forum.society');
    await page.keyboard.press('Control+Shift+D');
    // The Breakpoints view appears once a session has run (it runs to the end: nothing stops it).
    await s.wb.command('Debug: Start Debugging');
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Breakpoints/i }) });
    await pane.waitFor({ timeout: STEP_MS * 2 });
    // Let that first session finish (stepping 28 agents through 24 rounds takes a while).
    await page
      .locator('.debug-toolbar')
      .waitFor({ timeout: STEP_MS })
      .catch(() => undefined);
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: STEP_MS * 4 });
    await addFunctionBreakpoint(page, pane, 'browse');
    await s.wb.command('Debug: Start Debugging');
    const frame = page.locator('.debug-call-stack .monaco-list-row', { hasText: /· browse/ }).first();
    await frame.waitFor({ timeout: STEP_MS * 2 });
    await page.locator('.pane-header', { hasText: 'Paused on breakpoint' }).waitFor();
    await page.waitForTimeout(500);
    await s.wb.screenshot('forum-debug-browse');
    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
    await s.wb.command('Remove All Breakpoints');
  });
});
