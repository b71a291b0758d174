// Issue #10 in a real VS Code (code-server + Chromium): the settings take effect on a run started in
// the editor. The friends example without a `models:` section, and workspace settings that make
// the default model an OpenAI-compatible one (at an address nothing listens on) with a cost limit:
// Run Simulation must stop at the cost dialog — the default came from the settings and has no
// price to check the limit with — and Cancel must leave no run behind. The same for a debug
// session (F5) and for Run Experiment, which is asked about once, for all its runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as act from './act';
import { friendsExample, useWorkbench } from './session';

const SETTINGS = {
  'society.defaultModel.provider': 'openai',
  'society.defaultModel.model': 'gpt-4o-mini',
  'society.baseUrl': 'http://127.0.0.1:9/v1',
  'society.run.costLimit': 0.5,
};

describe('settings and the cost limit in VS Code (code-server + Chromium)', function () {
  const s = useWorkbench('cost-limit', (ws) => {
    friendsExample(ws);
    const f = path.join(ws, 'friends.society');
    const text = fs.readFileSync(f, 'utf8').replace(/^models:\n(?:[ #].*\n)*/m, '');
    assert.doesNotMatch(text, /^models:/m);
    fs.writeFileSync(f, text);
    fs.mkdirSync(path.join(ws, '.vscode'));
    fs.writeFileSync(path.join(ws, '.vscode/settings.json'), JSON.stringify(SETTINGS, null, 2));
  });

  it('asks before a run the limit cannot vouch for, and Cancel runs nothing', async () => {
    await s.wb.open('friends.society');
    await s.wb.command('Society: Run Simulation');
    const dialog = s.wb.page.locator('.monaco-dialog-box');
    await dialog.getByText(/cannot be checked against your limit of \$0\.50: model 'default' has no price/).waitFor();
    assert.match(await dialog.innerText(), /[\d,]+ model calls, about [\d,]+ tokens/);
    await s.wb.screenshot('cost-limit-dialog');
    await act.click(s.wb.page, "the dialog's Cancel", dialog.getByRole('button', { name: 'Cancel' }), act.gone(dialog));
    await s.wb.page.waitForTimeout(1000);
    assert.ok(!fs.existsSync(s.ws('runs')), 'nothing was run');
  });

  it('asks before a debug session too (F5), and Cancel starts none', async () => {
    await s.wb.open('friends.society');
    await s.wb.page.keyboard.press('F5');
    const dialog = s.wb.page.locator('.monaco-dialog-box');
    await dialog
      .getByText(
        /cost of this debug run of .* cannot be checked against your limit of \$0\.50: model 'default' has no price/,
      )
      .waitFor();
    await act.click(s.wb.page, "the dialog's Cancel", dialog.getByRole('button', { name: 'Cancel' }), act.gone(dialog));
    await s.wb.page.waitForTimeout(1000);
    assert.equal(await s.wb.page.locator('.debug-toolbar').isVisible(), false, 'no debug session started');
    assert.ok(!fs.existsSync(s.ws('runs')), 'nothing was run');
  });

  it('asks once for a whole experiment (conditions × seeds), and Cancel runs none of it', async () => {
    await s.wb.open('friends.society');
    await s.wb.command('Society: Run Experiment');
    const dialog = s.wb.page.locator('.monaco-dialog-box');
    await dialog
      .getByText(
        /cost of this experiment on .* with 2 conditions × 20 seeds = 40 runs \([\d,]+ model calls, about [\d,]+ tokens\) cannot be checked/,
      )
      .waitFor();
    await s.wb.screenshot('cost-limit-experiment-dialog');
    await act.click(s.wb.page, "the dialog's Cancel", dialog.getByRole('button', { name: 'Cancel' }), act.gone(dialog));
    await s.wb.page.waitForTimeout(1000);
    assert.ok(!fs.existsSync(s.ws('runs')), 'nothing was run');
  });
});
