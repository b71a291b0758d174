// Issue 42 (1) in a real VS Code (code-server + Chromium): with "Action taken" checked, the
// debugger stops right after each action — not at the end of the round with "and 15 more before
// this stop" — and Variables show the state that action left: the pot the stop's text says is the
// pot in the World scope, stop after stop. On a public goods game written for the test.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { useWorkbench } from './session';
import type { Page } from 'playwright-core';
import { STEP_MS } from './workbench';
import { pausedOn, scopeState, stopAfterAction } from './worldSteps';

const GOODS = `kind: scenario
name: Public goods
description: Four players put some of their wealth in a pot that is multiplied and shared.
seed: 5
personas:
  - { id: p1, name: Abigail Chen, traits: { agreeableness: 0.8 } }
  - { id: p2, name: Klaus Mueller, traits: { agreeableness: 0.3 } }
  - { id: p3, name: Maria Lopez, traits: { agreeableness: 0.6 } }
  - { id: p4, name: Sam Moore, traits: { agreeableness: 0.5 } }
world: { rounds: 3 }
state:
  world:
    pot: { description: What the players put in this round., initial: 0, min: 0, update: "0.0" }
  agents:
    wealth:
      description: What the player owns.
      initial: 10
      min: 0
actions:
  give:
    description: Put some of your wealth in the pot.
    args:
      amount: { type: number, min: 1, max: 3, description: how much to put in }
    when: "me.wealth >= 1.0"
    effects:
      me.wealth: "me.wealth - args.amount"
      world.pot: "world.pot + args.amount"
round:
  - phase: contribute
    actions: [give]
`;

const goods = (ws: string): void => fs.writeFileSync(path.join(ws, 'goods.society'), GOODS);

/**
 * The stop's text, as the Call Stack's "Paused on Action taken: …" label says it (issue 73: an
 * action is not an exception, no red widget), once the label is not the `previous` stop's.
 */
async function stopText(page: Page, previous?: string): Promise<string> {
  const label = pausedOn(page, 'Action taken: ');
  const now = previous === undefined ? label : label.filter({ hasNotText: previous });
  await now.waitFor({ timeout: STEP_MS });
  return (await now.innerText()).replace(/^Paused on Action taken: /, '');
}

/**
 * The pot in the World scope's `state`, once Variables show this stop's `expected` there: read as
 * the World state panel's test reads a scope (Collapse All, open World, its state by keyboard),
 * which no stop's re-opened Event scope can push out of the list's view. Read again until it is
 * this stop's (Variables are fetched anew at each stop); never: the last reading is returned.
 */
async function potIn(page: Page, expected: number): Promise<number> {
  let pot = Number.NaN;
  await act
    .until(
      page,
      `show the pot ${expected} in Variables`,
      async () => {
        pot = Number((await scopeState(page, /^World$/, ['pot'])).get('pot'));
      },
      async () => pot === expected,
      { deadlineMs: STEP_MS * 2 },
    )
    .catch(() => undefined);
  return pot;
}

describe('debugger: Action taken stops right after each action (code-server + Chromium)', function () {
  const s = useWorkbench('debug-actions', goods);

  it('stops after each give with the pot the action left in Variables, and nothing more before the stop', async () => {
    const page = s.wb.page;
    await stopAfterAction(s.wb, 'goods.society', /pot\s*=\s*[\d.]+/);
    let before = 0;
    let text: string | undefined;
    for (let k = 0; k < 3; k++) {
      // The next stop: its label replaces this one's (the run goes on at F5 and stops again).
      text = await stopText(page, text);
      assert.doesNotMatch(text, /more before this stop/, `stop ${k + 1}: ${text}`);
      const change = /world\.pot ([\d.]+) → ([\d.]+)/.exec(text);
      assert.ok(change, `stop ${k + 1} says what the give changed: ${text}`);
      assert.equal(Number(change[1]), before, `stop ${k + 1}: the pot before this give is the pot after the last`);
      const pot = await potIn(page, Number(change[2]));
      assert.equal(pot, Number(change[2]), `stop ${k + 1}: Variables show the pot this give left (${text})`);
      assert.equal(await page.locator('.exception-widget').count(), 0, 'an action is no exception: no red widget');
      if (k === 0) await s.wb.screenshot('debug-action-taken');
      before = Number(change[2]);
      await page.keyboard.press('F5');
    }
    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
  });
});
