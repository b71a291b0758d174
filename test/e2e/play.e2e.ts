// Issue 46 in a real VS Code: Society: Play an Agent… on a one-round friends society; the person
// (this test) picks partners, writes messages and rates in the play panel until the run ends. The
// trace marks those decisions `"by":"human"`, human.jsonl records them, and a replay from that
// record with nobody asked (`society run --answers`) writes the played trace byte for byte.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import * as act from './act';
import { REPO } from './codeServer';
import { friendsExample, useWorkbench } from './session';
import { STEP_MS } from './workbench';

function oneRoundFriends(ws: string): void {
  friendsExample(ws);
  const file = path.join(ws, 'friends.society');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^(\s+rounds:) 30$/m, '$1 1'));
}

describe('playing an agent in VS Code (code-server + Chromium)', function () {
  const s = useWorkbench('play', oneRoundFriends);

  it('asks the person Maya’s decisions in a panel; the trace marks them and replays byte for byte', async function () {
    // A round of a 16-person society asks Maya a score of questions, each answered by hand.
    this.timeout(STEP_MS * 30);
    const page = s.wb.page;
    await s.wb.open('friends.society');
    await s.wb.commandAsking('Society: Play an Agent…', 'Play an agent of');
    await page.keyboard.type('Maya Chen', { delay: 20 });
    // Picked once the pick has closed (a click lost to a busy workbench is made again).
    const maya = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Maya Chen' });
    await maya.first().waitFor();
    await act.click(page, 'pick Maya Chen', maya.first(), act.hidden(page.locator('.quick-input-widget')));

    const panel = await playPanel(s.wb.page).catch(async (e: unknown) => {
      await s.wb.screenshot('play-no-panel');
      throw e;
    });
    const asked = new Map<string, number>();
    const shot = new Set<string>();
    for (let i = 0; i < 80; i++) {
      // The question on screen is one not answered yet (each answered form is marked), or the end.
      const form = panel.locator('#play-answer:not([data-answered])');
      const state = await Promise.race([
        form.waitFor({ timeout: STEP_MS * 2 }).then(() => 'question'),
        panel
          .locator('#play-status', { hasText: 'The run has ended' })
          .waitFor({ timeout: STEP_MS * 2 })
          .then(() => 'ended'),
      ]);
      if (state === 'ended') break;
      const kind = (await form.getAttribute('data-kind')) ?? '';
      asked.set(kind, (asked.get(kind) ?? 0) + 1);
      if (!shot.has(kind)) {
        shot.add(kind);
        await s.wb.screenshot(`play-${kind}`);
      }
      await form.evaluate((f) => f.setAttribute('data-answered', ''));
      const answered = panel.locator('#play-answer[data-answered]');
      // Sent: the next question replaces the form, or the run ends. A long attempt: sent twice, an
      // answer would only be refused as stale, but the run should not have to say so.
      const sent = async () =>
        (await answered.count()) === 0 ||
        (await panel.locator('#play-status', { hasText: 'The run has ended' }).isVisible());
      const send = { attemptMs: STEP_MS / 3, area: panel.locator('body') };
      if (kind === 'choose_partner') {
        await act.click(page, 'choose the first partner', answered.locator('.partner').first(), sent, send);
      } else if (kind === 'speak') {
        await answered.locator('#play-message').fill(`Hi, it's Maya (${i}). Do you climb at all?`);
        await act.click(page, 'send the message', answered.locator('#play-send'), sent, send);
      } else if (kind === 'evaluate') {
        await answered.locator('#play-rating').fill('8');
        await answered.locator('#play-why').fill('Easy to talk to.');
        await act.click(page, 'send the evaluation', answered.locator('#play-send'), sent, send);
      } else throw new Error(`a question of kind ${kind} in the friends society`);
    }
    for (const kind of ['choose_partner', 'speak', 'evaluate']) assert.ok(asked.get(kind), `asked to ${kind}`);
    // The panel says the run ended (after the run's outcome was given): no notification sits over it (issue 88).
    assert.equal(await page.locator('.notification-toast', { hasText: /Learning to make friends/ }).count(), 0);
    await s.wb.screenshot('play-ended-no-toast');

    const runs = s.ws('runs');
    const [folder] = fs.readdirSync(runs);
    const played = path.join(runs, folder);
    const trace = fs.readFileSync(path.join(played, 'trace.jsonl'), 'utf8');
    assert.ok(trace.trimEnd().endsWith('}') && trace.includes('"type":"run_end"'), 'the run ended');
    const human = trace.split('\n').filter((l) => l.includes('"by":"human"'));
    for (const type of ['encounter', 'message', 'evaluation']) {
      assert.ok(
        human.some((l) => l.startsWith(`{"type":"${type}"`)),
        `a ${type} marked human`,
      );
    }
    assert.ok(
      human.some((l) => l.includes("Hi, it's Maya")),
      'the typed message is in the trace',
    );
    assert.ok(fs.existsSync(path.join(played, 'human.jsonl')));

    // Nobody is asked: the record answers, and the bytes are the played run's.
    const again = path.join(runs, 'replayed');
    const r = spawnSync(
      process.execPath,
      [
        path.join(REPO, 'bin/society.js'),
        'run',
        'friends.society',
        '--out',
        again,
        '--answers',
        path.join(played, 'human.jsonl'),
        '-q',
      ],
      { cwd: s.ws('.'), encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readFileSync(path.join(again, 'trace.jsonl'), 'utf8'), trace);
  });
});

/**
 * The play panel's frame: the webview that holds its status or a question, waited for as a state
 * (a busy machine opens webviews slowly). Located by its iframe's own name, so the society view
 * opening beside it later does not shift which webview the locator means.
 */
async function playPanel(page: import('playwright-core').Page): Promise<FrameLocator> {
  const deadline = Date.now() + STEP_MS * 3;
  while (Date.now() < deadline) {
    const frames = page.locator('iframe.webview.ready');
    for (let n = 0, count = await frames.count(); n < count; n++) {
      const name = await frames
        .nth(n)
        .getAttribute('name', { timeout: 1000 })
        .catch(() => null);
      if (!name) continue;
      const f = page.frameLocator(`iframe.webview.ready[name="${name}"]`).frameLocator('#active-frame');
      if (
        (await f
          .locator('#play-status, #play-answer')
          .count()
          .catch(() => 0)) > 0
      ) {
        return f;
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error('no play panel opened');
}
