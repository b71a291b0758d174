// Issue 42 (1) in a real VS Code (code-server + Chromium): with "Action taken" checked, the
// debugger stops right after each action — not at the end of the round with "and 15 more before
// this stop" — and Variables show the state that action left: the pot the stop's text says is the
// pot in the World scope, stop after stop. On a public goods game written for the test.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { useWorkbench } from './session';
import { STEP_MS, type Workbench } from './workbench';
import { openVariablesRow, stopAfterAction } from './worldSteps';

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

/** The stop's text (the exception widget at the top frame) and the pot in the World scope's `state`. */
async function readStop(wb: Workbench): Promise<{ text: string; pot: number }> {
  const page = wb.page;
  const top = page.locator('.debug-call-stack .monaco-list-row', { hasText: /: action/ }).first();
  await top.waitFor({ timeout: STEP_MS });
  const widget = page.locator('.exception-widget');
  await act.click(page, 'select the top frame', top, widget, { area: page.locator('.debug-call-stack') });
  const text = await widget.innerText();
  // Selecting the frame reads its scopes again: let Variables settle before folding rows.
  await page.waitForTimeout(800);
  // Fold the event and the agent so the world's rows are in view (the list draws only those).
  const vars = page.locator('.debug-variables');
  for (const scope of [/^Event: Action taken/, /^Agent /]) {
    const row = vars.locator('.monaco-list-row', { hasText: scope }).first();
    await row.waitFor();
    await act.setExpanded(page, `fold ${scope.source} in Variables`, row, false, row.locator('.monaco-tl-twistie'), {
      area: vars,
    });
  }
  await openVariablesRow(page, /^World$/);
  await openVariablesRow(page, /^state/, [/^World$/]);
  const row = vars.locator('.monaco-list-row', { hasText: /^pot\s*=/ }).first();
  await row.waitFor();
  const pot = Number(/pot\s*=\s*([\d.]+)/.exec((await row.innerText()).replace(/\n/g, ' '))?.[1]);
  return { text, pot };
}

describe('debugger: Action taken stops right after each action (code-server + Chromium)', function () {
  const s = useWorkbench('debug-actions', goods);

  it('stops after each give with the pot the action left in Variables, and nothing more before the stop', async () => {
    const page = s.wb.page;
    await stopAfterAction(s.wb, 'goods.society', /pot\s*=\s*[\d.]+/);
    let before = 0;
    for (let k = 0; k < 3; k++) {
      const { text, pot } = await readStop(s.wb);
      assert.doesNotMatch(text, /more before this stop/, `stop ${k + 1}: ${text}`);
      const change = /world\.pot ([\d.]+) → ([\d.]+)/.exec(text);
      assert.ok(change, `stop ${k + 1} says what the give changed: ${text}`);
      assert.equal(Number(change[1]), before, `stop ${k + 1}: the pot before this give is the pot after the last`);
      assert.equal(pot, Number(change[2]), `stop ${k + 1}: Variables show the pot this give left (${text})`);
      if (k === 0) await s.wb.screenshot('debug-action-taken');
      before = Number(change[2]);
      await page.keyboard.press('F5');
      // The run goes on and stops again: the widget of this stop goes, the next one's comes.
      await page.locator('.exception-widget').waitFor({ state: 'hidden', timeout: STEP_MS });
    }
    await page.keyboard.press('Shift+F5');
    await page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
  });
});
