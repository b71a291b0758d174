// The society view in VS Code's dark and high-contrast themes (code-server + Chromium): it takes
// its colours from the theme, so names, ties and the reciprocated-tie colour must stay readable on
// the theme's own background — WCAG contrast of at least 4.5:1 for names and 3:1 for ties — and
// names find a free place around their agents (the friends run: 16 agents in the default panel;
// right-or-left placement wrote 14 of them).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './codeServer';
import { openTrace } from './openTrace';
import { friendsExample, slug, useWorkbench } from './session';

/** Contrast ratio of two CSS colours (rgb()/rgba() as getComputedStyle gives them), per WCAG 2. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? [])
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const theme of ['Default Dark Modern', 'Default High Contrast']) {
  describe(`the society view in ${theme} (code-server + Chromium)`, function () {
    const s = useWorkbench(`theme-${slug(theme)}`, (ws) => {
      friendsExample(ws);
      execFileSync(
        process.execPath,
        [
          path.join(REPO, 'bin/society.js'),
          'run',
          path.join(ws, 'friends.society'),
          '--out',
          path.join(ws, 'runs/friends'),
        ],
        { stdio: 'ignore' },
      );
      // Its report, a page the page editor shows in a sandboxed frame (issue 88: black on white in Dark Modern).
      execFileSync(
        process.execPath,
        [path.join(REPO, 'bin/society.js'), 'report', path.join(ws, 'runs/friends/trace.jsonl'), '--static', '-q'],
        { stdio: 'ignore' },
      );
      fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(ws, '.vscode/settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }));
    });

    it("draws names and ties readably on the theme's background, and names every agent", async () => {
      const view = await openTrace(s, 'runs/friends/trace.jsonl');
      await view.locator('.network[data-round="30"]').waitFor();
      const colours = await view.locator('.network').evaluate((net) => {
        const bg = getComputedStyle(document.body).backgroundColor;
        const label = net.querySelector('text.label:not(.hidden)');
        const oneWay = net.querySelector('path.tie:not(.mutual)');
        const mutual = net.querySelector('path.tie.mutual');
        return {
          dark:
            document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast'),
          bg,
          label: label && getComputedStyle(label).fill,
          oneWay: oneWay && getComputedStyle(oneWay).stroke,
          mutual: mutual && getComputedStyle(mutual).stroke,
        };
      });
      assert.ok(colours.dark, 'the view knows the theme is dark');
      assert.ok(colours.label && colours.oneWay && colours.mutual, JSON.stringify(colours));
      assert.ok(contrast(colours.label, colours.bg) >= 4.5, `names: ${colours.label} on ${colours.bg}`);
      assert.ok(contrast(colours.oneWay, colours.bg) >= 3, `one-way ties: ${colours.oneWay} on ${colours.bg}`);
      assert.ok(contrast(colours.mutual, colours.bg) >= 3, `reciprocated ties: ${colours.mutual} on ${colours.bg}`);
      // Placement follows positions and zoom: count names once the layout has come to rest and
      // the view has fitted it (the last full drawing comes a moment after the fit).
      await view.locator('.network[data-layout="settled"]').waitFor({ timeout: 20_000 });
      const named = () => view.locator('.network text.label:not(.hidden)').count();
      // The view lays a trace out once it has all of it (the same picture every time; it used to
      // depend on when batches arrived, and one or two names then found no place).
      for (let i = 0; i < 20 && (await named()) < 15; i++) await s.wb.page.waitForTimeout(250);
      assert.ok(
        (await named()) >= 15,
        `names left out: ${await view.locator('.network text.label.hidden').allTextContents()}`,
      );
      await s.wb.screenshot(`theme-${slug(theme)}`);
    });

    it("shows the run's report.html in the theme's scheme, in the page editor's frame (issue 88)", async () => {
      const page = s.wb.page;
      await s.wb.openPalette();
      await page.locator('.quick-input-widget input').fill('runs/friends/report.html');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'report.html' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: 'report.html' }).waitFor();
      const shown = page
        .frameLocator('iframe.webview.ready >> visible=true')
        .frameLocator('#active-frame')
        .frameLocator('iframe[title="page"]');
      const h1 = shown.locator('h1');
      await h1.waitFor();
      const colours = await h1.evaluate((el) => ({
        bg: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(el).color,
        theme: document.body.className,
      }));
      const luminance = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).reduce((a, v) => a + Number(v), 0) / 3;
      assert.ok(luminance(colours.bg) < 80, `a dark page: ${JSON.stringify(colours)}`);
      assert.ok(contrast(colours.text, colours.bg) >= 4.5, `its text: ${JSON.stringify(colours)}`);
      await s.wb.screenshot(`theme-${slug(theme)}-report-page`);
    });
  });
}
