// A new user runs a shipped study in VS Code (code-server + Chromium), in Light Modern and Dark
// Modern: Run Study from the study file's CodeLens-backed command freezes the plan, runs it and
// opens the write-up rendered in the page editor, where the verdicts, the unanchored conditions
// and the flagged mechanism are read, the page following the editor's theme.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './codeServer';
import { slug, useWorkbench } from './session';
import { STEP_MS } from './workbench';

for (const theme of ['Default Light Modern', 'Default Dark Modern']) {
  describe(`running a study in VS Code, ${theme} (code-server + Chromium)`, function () {
    const s = useWorkbench(`study-${slug(theme)}`, (ws) => {
      fs.cpSync(path.join(REPO, 'examples/public-goods-talk'), ws, { recursive: true });
      // A shorter plan than the shipped one: the same study, fewer rounds (the e2e stage's budget).
      const study = fs
        .readFileSync(path.join(ws, 'study.society'), 'utf8')
        .replace('scenario: public-goods-talk.society', 'scenario: public-goods-talk.society\nrounds: 4');
      fs.writeFileSync(path.join(ws, 'study.society'), study);
      fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(ws, '.vscode/settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }));
    });

    it('Run Study opens the write-up with verdicts, validity and the mechanism behind them', async () => {
      await s.wb.open('study.society');
      await s.wb.command('Society: Run Study');
      const shell = s.wb.page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
      const page = shell.frameLocator('iframe[title="page"]');
      await page.locator('h1', { hasText: 'Talk and group size' }).waitFor({ timeout: STEP_MS * 6 });
      for (const h of [
        'Methods',
        'Results',
        'Validity',
        'Mechanisms',
        'Data quality',
        'Preregistration',
        'Provenance',
      ]) {
        assert.equal(await page.locator('h2', { hasText: h }).count(), 1, h);
      }
      const text = await page.locator('body').innerText();
      assert.match(text, /talk-4: Talk before each round raises contributions in groups of 4/);
      assert.match(text, /unanchored/);
      assert.match(text, /What moved between the conditions/);
      const background = await page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
      const [r, g, bl] = (background.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
      const dark = (r + g + bl) / 3 < 128;
      assert.equal(dark, theme.includes('Dark'), `the page's background ${background} follows ${theme}`);
      await s.wb.screenshot(`study-${slug(theme)}`);
      assert.ok(fs.existsSync(s.ws('runs/study-study/preregistration.json')));
    });
  });
}
