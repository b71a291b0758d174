// Driving the VS Code workbench in Chromium with Playwright, the way a user would: the command
// palette, quick open, the keyboard in the editor, the Problems panel, hovers and widgets.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page, type Locator } from 'playwright-core';
import * as act from './act';
import type { CodeServer } from './codeServer';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Per-step timeout: generous, CI has 2 cores and code-server shares them with Chromium. */
export const STEP_MS = Number(process.env.E2E_STEP_MS) || 30_000;
export const RESULTS = path.resolve(__dirname, '../../test-results/e2e');

export class Workbench {
  private constructor(
    readonly browser: Browser,
    readonly page: Page,
    readonly server: CodeServer,
  ) {}

  static async open(server: CodeServer): Promise<Workbench> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      timeout: STEP_MS,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(server.tmp, 'xdg-config'),
        XDG_CACHE_HOME: path.join(server.tmp, 'xdg-cache'),
      },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(STEP_MS);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('[id="status.problems"]').waitFor();
    return new Workbench(browser, page, server);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  private quickInput(): Locator {
    return this.page.locator('.quick-input-widget input');
  }

  /**
   * F1 until the palette's input shows. F1 can be swallowed (focus in a webview after the editor
   * group was maximized or restored, a notification taking the keyboard): it is pressed again
   * after a short wait instead of waiting out a whole step (a swallowed F1 cost 10 s a command).
   * Pressing it again on an open palette keeps it open.
   */
  async openPalette(deadlineMs = STEP_MS): Promise<void> {
    await act.until(
      this.page,
      'open the command palette (F1)',
      () => this.page.keyboard.press('F1'),
      this.quickInput(),
      {
        attemptMs: 1_000,
        deadlineMs,
      },
    );
  }
  private quickRow(text: string | RegExp): Locator {
    return this.page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  }

  /**
   * A command that asks with a quick pick, run until the pick titled `asks` shows; gives the pick.
   * A pick can close before it is seen (a webview the command before opened takes the focus as it
   * loads: the experiment report after Run Experiment); running such a command again only asks again.
   */
  async commandAsking(title: string, asks: string): Promise<Locator> {
    const pick = this.page.locator('.quick-input-widget', { hasText: asks });
    await act.until(this.page, `run '${title}' until it asks '${asks}'`, () => this.command(title), pick, {
      deadlineMs: STEP_MS * 2,
    });
    return pick;
  }

  /**
   * F1, the command's title, Enter on exactly that command (fuzzy matching lists others too).
   * The palette is retried: F1 can be swallowed (focus in a webview, a notification taking the
   * keyboard, the command not yet registered while the extension activates). Never retried after
   * Enter, so a command runs at most once.
   */
  async command(title: string, attempts = 3): Promise<void> {
    const errors: string[] = [];
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        if (await this.pickCommand(title, attempt === attempts ? STEP_MS : STEP_MS / 3)) return;
        errors.push(`attempt ${attempt}: '${title}' is listed but could not be focused`);
      } catch (err) {
        errors.push(`attempt ${attempt}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
      if (await this.quickInput().isVisible()) await this.page.keyboard.press('Escape');
      await this.page.waitForTimeout(500 * attempt);
    }
    const shot = await this.screenshot(`palette-${title.replace(/[^A-Za-z0-9]+/g, '-')}`).catch(() => '');
    throw new Error(
      `command palette: could not run '${title}' (${errors.join('; ')})${shot ? `; screenshot ${shot}` : ''}`,
    );
  }

  /** One try: true after Enter on the command, false when it is listed but never focused. */
  private async pickCommand(title: string, timeout: number): Promise<boolean> {
    await this.openPalette(timeout);
    await this.quickInput().fill(`>${title}`);
    await this.quickRow(title).waitFor({ timeout });
    for (let i = 0; i < 30; i++) {
      // The row's own label: a row reused from a picker with detail lines keeps a hidden second one.
      const focused = this.page.locator('.quick-input-list .monaco-list-row.focused .label-name').first();
      if ((await focused.innerText().catch(() => '')).trim() === title) {
        await this.page.keyboard.press('Enter');
        return true;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    return false;
  }

  /**
   * Picks the row labelled exactly `label` in the open quick pick, typing `text` to filter it, and
   * waits until that pick is answered (its title gone). Typed into the pick's own input, never
   * the keyboard's focus: a webview opening beside (the experiment report after Run Experiment)
   * takes the focus while a pick with ignoreFocusOut stays shown, and keys pressed then go to it.
   */
  async pick(label: string, text = label): Promise<void> {
    const input = this.quickInput();
    const titleNow = this.page.locator('.quick-input-widget .quick-input-title').first();
    const title = (await titleNow.innerText()).trim();
    // Answered: the pick closed, or the next one (another title) asks.
    const answered = async () =>
      !(await input.isVisible()) || (await titleNow.innerText({ timeout: 1_000 })).trim() !== title;
    const focused = this.page.locator('.quick-input-list .monaco-list-row.focused .label-name').first();
    await act.until(
      this.page,
      `pick '${label}' in '${title}'`,
      async (timeout) => {
        await input.fill(text, { timeout });
        await this.quickRow(label).waitFor({ timeout });
        // Fuzzy matching lists others too ('multiplier 4, punishment'): down to exactly it.
        for (let i = 0; (await focused.innerText({ timeout }).catch(() => '')).trim() !== label; i++) {
          if (i > 30) throw new Error(`no row '${label}' could be focused`);
          await this.page.keyboard.press('ArrowDown');
        }
        await this.page.keyboard.press('Enter');
      },
      answered,
      { area: this.page.locator('.quick-input-widget') },
    );
  }

  /** Saves the active editor and waits until it is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
  }

  /** Opens a workspace file through quick open and waits for its editor tab. */
  async open(relativePath: string): Promise<void> {
    await this.openPalette();
    await this.quickInput().fill(relativePath);
    const name = path.basename(relativePath);
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: name })
      .filter({ hasText: path.dirname(relativePath) === '.' ? name : path.dirname(relativePath) })
      .first()
      .waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
    await this.editor().locator('.view-lines').waitFor();
  }

  /** Brings the editor tab holding `title` to the front (a click on it, until it is the active tab). */
  async showTab(title: string | RegExp): Promise<void> {
    await act.click(
      this.page,
      `the tab ${String(title)}`,
      this.page.locator('.tab', { hasText: title }).first(),
      this.page.locator('.tab.active', { hasText: title }),
      { area: this.page.locator('.tabs-container') },
    );
  }

  /** The active text editor. */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /**
   * Moves the cursor of the active editor (1-based line and column, as in the status bar) with Go
   * to Line/Column, which also focuses the editor. Keyboard only: it used to click the top of the
   * editor first, and in a `.society` file that can be a CodeLens row (Run | Run with model… above
   * a `kind: scenario` on line 1), so the click ran the lens and its picker took the line number.
   * Retried like `command` (F1 can be swallowed); going to a line twice does no harm.
   */
  async goTo(line: number, column: number, attempts = 3): Promise<void> {
    const there = this.page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` });
    const errors: string[] = [];
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const timeout = attempt === attempts ? STEP_MS : STEP_MS / 3;
      try {
        await this.openPalette(timeout);
        await this.quickInput().fill(`:${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await there.waitFor({ timeout });
        return;
      } catch (err) {
        errors.push(`attempt ${attempt}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
      if (await this.quickInput().isVisible()) await this.page.keyboard.press('Escape');
      await this.page.waitForTimeout(500 * attempt);
    }
    const shot = await this.screenshot(`goto-${line}-${column}`).catch(() => '');
    throw new Error(
      `could not go to line ${line}, column ${column} (${errors.join('; ')})${shot ? `; screenshot ${shot}` : ''}`,
    );
  }

  /** The visible text of the active editor (Monaco renders only what is on screen). */
  async visibleText(): Promise<string> {
    return (await this.editor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  /** The visible text once it matches `pattern` (typing is rendered a frame or two later); the last text seen otherwise. */
  async textMatching(pattern: RegExp, timeoutMs = 5000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let text = await this.visibleText();
    while (!pattern.test(text) && Date.now() < until) {
      await this.page.waitForTimeout(100);
      text = await this.visibleText();
    }
    return text;
  }

  /** The Problems panel, opened if needed. */
  async problems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await act.click(this.page, 'open the Problems panel', this.page.locator('[id="status.problems"]'), panel);
    }
    return panel;
  }

  /** Error and warning counts in the status bar (`ⓧ 2 ⚠ 0`). */
  async problemCounts(): Promise<{ errors: number; warnings: number }> {
    const text = await this.page.locator('[id="status.problems"]').innerText();
    const [errors, warnings] = (text.match(/\d+/g) ?? []).map(Number);
    return { errors: errors ?? NaN, warnings: warnings ?? NaN };
  }

  /**
   * Problem counts once the extension has read the open scenario: its Run lens shows first, so a
   * clean count is not the empty status bar of an extension still activating.
   */
  async scenarioProblemCounts(): Promise<{ errors: number; warnings: number }> {
    await this.editor().locator('.codelens-decoration a', { hasText: 'Run' }).first().waitFor();
    return this.problemCounts();
  }

  /** Ctrl+. and the quick fix with this title (the action list is driven by the keyboard). */
  async quickFix(title: string): Promise<void> {
    await this.page.keyboard.press('Control+.');
    const widget = this.page.locator('.action-widget');
    await widget.getByText(title).waitFor();
    for (let i = 0; i < 20; i++) {
      const focused =
        (await widget
          .locator('.monaco-list-row.focused')
          .innerText()
          .catch(() => '')) ?? '';
      if (focused.includes(title)) {
        await this.page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden' });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`quick fix '${title}' could not be selected`);
  }

  /** Waits until the status bar shows this many errors. */
  async waitForErrors(count: number): Promise<void> {
    const deadline = Date.now() + STEP_MS;
    for (;;) {
      const { errors } = await this.problemCounts();
      if (errors === count) return;
      if (Date.now() > deadline) throw new Error(`expected ${count} errors in the status bar, have ${errors}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Opens completions at the cursor and waits for an item. */
  async suggest(label: string): Promise<Locator> {
    const widget = this.page.locator('.editor-widget.suggest-widget.visible');
    if (!(await widget.isVisible())) await this.page.keyboard.press('Control+Space');
    const item = widget.locator('.monaco-list-row', { hasText: label }).first();
    await item.waitFor();
    return item;
  }

  suggestWidget(): Locator {
    return this.page.locator('.editor-widget.suggest-widget.visible');
  }

  /**
   * Shows the hover at the cursor (editor.action.showHover) and returns its widget; with `hasText`,
   * a hover holding that text. A hover asked for while the extension still activates shows
   * nothing, or only another provider's part: it is asked for again until it holds what is wanted.
   */
  async editorHover(hasText?: string | RegExp): Promise<Locator> {
    const hover = this.page.locator('.monaco-hover:not(.hidden)', hasText ? { hasText } : {}).first();
    const tries: string[] = [];
    for (const deadline = Date.now() + STEP_MS; ;) {
      await this.command('Show or Focus Hover');
      const shown = await hover.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (shown) break;
      tries.push(
        await this.page
          .locator('.monaco-hover:not(.hidden)')
          .first()
          .innerText({ timeout: 500 })
          .then(
            (t) => `«${t.replace(/\s+/g, ' ').slice(0, 200)}»`,
            () => 'no hover',
          ),
      );
      if (Date.now() > deadline) {
        const shot = await this.screenshot(`hover-${String(hasText ?? 'any').replace(/[^A-Za-z0-9]+/g, '-')}`).catch(
          () => '',
        );
        throw new Error(
          `no hover${hasText ? ` with ${String(hasText)}` : ''} at the cursor (seen: ${tries.join(', ')})${shot ? `; screenshot ${shot}` : ''}`,
        );
      }
      if (await this.page.locator('.monaco-hover:not(.hidden)').first().isVisible()) {
        await this.page.keyboard.press('Escape');
      }
    }
    await this.page.waitForTimeout(300); // let it fade in, for screenshots
    return hover;
  }
}
