// Issue 61 in a real VS Code (code-server + Chromium): every language-model tool invoked through
// vscode.lm.invokeTool, as Copilot's agent mode calls them (a test-only probe, there only when
// SOCIETY_E2E_TOOL_PROBE=1, makes the calls once the extension is active), each typed answer checked; the
// run tools asking first in VS Code's own dialog. Then the experiment.html the CLI wrote for the
// experiment tool, opened from the workspace: shown rendered in the page editor, not as source.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO } from './codeServer';
import * as act from './act';
import { friendsExample, useWorkbench } from './session';
import { STEP_MS } from './workbench';

const CALLS = [
  { name: 'society_run', input: { scenario: 'friends.society', out: 'runs/tool-a', rounds: 3 } },
  { name: 'society_check', input: { paths: ['broken.society'] } },
  { name: 'society_describe', input: { path: 'world.encounters.mode' } },
  { name: 'society_estimate', input: { scenario: 'friends.society', rounds: 3 } },
  { name: 'society_run', input: { scenario: 'friends.society', out: 'runs/tool-b', rounds: 3, seed: 8 } },
  { name: 'society_experiment', input: { scenario: 'friends.society', out: 'runs/exp', seeds: '1-2', rounds: 2 } },
  { name: 'society_compare', input: { a: 'runs/tool-a', b: 'runs/tool-b' } },
  { name: 'society_explain', input: { run: 'runs/tool-a', what: ['maya', 'nina'] } },
  {
    name: 'society_sql',
    input: { run: 'runs/tool-a', query: 'SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC' },
  },
];

function withProbe(ws: string): void {
  friendsExample(ws);
  // A seeded mistake for the check: `seed` misspelt.
  fs.writeFileSync(
    path.join(ws, 'broken.society'),
    fs.readFileSync(path.join(ws, 'friends.society'), 'utf8').replace(/^seed:/m, 'sed:'),
  );
  fs.mkdirSync(path.join(ws, '.e2e'));
  fs.writeFileSync(path.join(ws, '.e2e/tool-calls.json'), JSON.stringify(CALLS, null, 2));
}

interface Answer {
  name: string;
  result?: unknown;
  error?: string;
}

describe('the language-model tools in VS Code (code-server + Chromium)', function () {
  const s = useWorkbench('assistant-tools', withProbe, { env: { SOCIETY_E2E_TOOL_PROBE: '1' } });
  let answers: Answer[] = [];

  it('invokes every tool through vscode.lm.invokeTool; the run tools ask first', async function () {
    this.timeout(STEP_MS * 12);
    const page = s.wb.page;
    const results = s.ws('.e2e/tool-results.json');
    const dialog = page.locator('.monaco-dialog-box');
    // The probe starts with the extension: its first call asks.
    await dialog.waitFor({ timeout: STEP_MS * 2 });
    const asked: string[] = [];
    for (let i = 0; i < (STEP_MS * 10) / 250 && !fs.existsSync(results); i++) {
      if (i === 40) await s.wb.screenshot('tools-waiting');
      if (await dialog.isVisible()) {
        const text = (await dialog.innerText()).replace(/\s+/g, ' ');
        asked.push(text);
        if (asked.length === 1) await s.wb.screenshot('tools-confirm-run');
        const changed = async () =>
          !(await dialog.isVisible()) || (await dialog.innerText()).replace(/\s+/g, ' ') !== text;
        await act.click(page, `Yes to ${text.slice(0, 40)}`, dialog.getByRole('button', { name: 'Yes' }), changed);
      }
      await page.waitForTimeout(250);
    }
    assert.ok(fs.existsSync(results), `no answers; asked: ${asked.join(' | ')}`);
    answers = JSON.parse(fs.readFileSync(results, 'utf8')) as Answer[];
    assert.deepEqual(
      answers.map((a) => a.name),
      CALLS.map((c) => c.name),
    );
    // Asked for the three run-kind calls, each with its input, and for nothing else.
    assert.equal(asked.length, 3, asked.join('\n'));
    assert.match(asked[0], /Run a society.*"out": "runs\/tool-a"/);
    assert.match(asked[1], /Run a society.*"seed": 8/);
    assert.match(asked[2], /Run an experiment.*"seeds": "1-2"/);
    for (const a of answers) assert.equal(a.error, undefined, `${a.name}: ${a.error}`);
    await page.locator('.tab.active', { hasText: 'tool-results.json' }).waitFor();
    await s.wb.screenshot('tools-results');
  });

  it('each answer is the small typed result its tool promises', () => {
    const [runA, check, describe_, estimate, runB, experiment, compare, explain, sql] = answers.map(
      (a) => a.result as Record<string, any>,
    );
    // A run: its folder, the estimate it passed and the CLI's closing summary, no series.
    assert.equal(runA.folder, 'runs/tool-a');
    assert.equal(runA.exitCode, 0);
    assert.equal(runA.estimatedUsd, 0);
    assert.equal(runA.summary.rounds, 3);
    assert.equal(runA.summary.series, undefined);
    assert.ok(fs.existsSync(s.ws('runs/tool-a/trace.jsonl')));
    assert.equal(runB.folder, 'runs/tool-b');
    assert.equal(runB.summary.rounds, 3);
    // The seeded mistake, at its place, with a fix.
    assert.ok(check.errors >= 1, JSON.stringify(check));
    const sed = check.problems.find((p: { at: string }) => /^broken\.society:\d+:1$/.test(p.at));
    assert.ok(sed, JSON.stringify(check.problems));
    assert.match(sed.message, /sed/);
    assert.ok(
      sed.fixes.some((f: { with: string }) => f.with === 'seed'),
      JSON.stringify(sed.fixes),
    );
    // The schema's own words.
    assert.equal(describe_.path, 'world.encounters.mode');
    assert.equal(typeof describe_.description, 'string');
    assert.ok(Array.isArray(describe_.enum) && describe_.enum.includes('recommend'), JSON.stringify(describe_));
    // The estimate: offline, so free.
    assert.equal(estimate.rounds, 3);
    assert.ok(estimate.agents > 1);
    assert.deepEqual(
      estimate.models.map((m: { provider: string; cost_usd: number }) => [m.provider, m.cost_usd]),
      [['offline', 0]],
    );
    // The experiment: 2 conditions × 2 seeds, its files written by the CLI.
    assert.equal(experiment.runs, 4);
    assert.equal(experiment.exitCode, 0);
    assert.ok(fs.existsSync(s.ws('runs/exp/experiment.html')));
    // Compare and explain: the CLI's summary, and moves that add up to the tie.
    assert.equal(compare.exitCode, 0);
    assert.deepEqual([compare.summary.a.seed, compare.summary.b.seed], [7, 8], 'the two runs, by their seeds');
    assert.equal(explain.subject, 'maya_chen→nina_petrova');
    const moves = explain.rounds.flatMap((r: { moves: { delta: number }[] }) => r.moves);
    const sum = moves.reduce((t: number, m: { delta: number }) => t + m.delta, 0);
    assert.ok(Math.abs(sum - explain.values['maya_chen→nina_petrova']) < 1e-9);
    // SQL: rows from DuckDB where its package is installed; in the extension as the .vsix installs
    // it (no node_modules), the refusal saying how to get it, never a stack trace.
    if (typeof sql === 'string') {
      assert.match(sql, /^Refused: SQL needs DuckDB's Node package, which is not installed here/);
    } else {
      assert.deepEqual(sql.columns, ['type VARCHAR', 'n BIGINT']);
      assert.ok(sql.rows.length > 3);
    }
  });

  it('opens the experiment.html the CLI wrote as the page, rendered, in the editor', async () => {
    const page = s.wb.page;
    await s.wb.openPalette();
    const input = page.locator('.quick-input-widget input');
    await input.fill('runs/exp/experiment.html');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'experiment.html' }).first();
    await row.waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'experiment.html' }).waitFor();
    // The page in its sandboxed frame inside the page editor's shell (views/savedPage.ts).
    const shell = page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
    const shown = shell.frameLocator('iframe[title="page"]');
    await shown.locator('h2', { hasText: "The seed paper's claims" }).waitFor({ timeout: STEP_MS });
    // Rendered with its own style (the nonce let it in): a table, not the source's text.
    assert.ok((await shown.locator('table').count()) > 1);
    assert.equal(await page.locator('.tab.active .monaco-icon-label', { hasText: 'experiment.html' }).count(), 1);
    assert.equal(
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').count(),
      0,
      'not the source',
    );
    // The shell's policy, which the page's frame inherits whatever the page holds.
    const csp = await shell.locator('meta[http-equiv="Content-Security-Policy"]').first().getAttribute('content');
    assert.match(
      csp ?? '',
      /^default-src 'none'; style-src 'nonce-[^']+'; img-src data:; font-src data:; script-src 'none'; frame-src 'none'/,
    );
    await page.waitForTimeout(500);
    await s.wb.screenshot('experiment-html-in-editor');
  });

  it("opens a run's report.html as its page, and Open Society View shows the run's trace beside it", async () => {
    const page = s.wb.page;
    const r = spawnSync(
      process.execPath,
      [path.join(REPO, 'bin/society.js'), 'report', 'runs/tool-a/trace.jsonl', '-q'],
      {
        cwd: s.server.workspace,
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 0, r.stderr);
    await s.wb.openPalette();
    const input = page.locator('.quick-input-widget input');
    await input.fill('runs/tool-a/report.html');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'report.html' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'report.html' }).waitFor();
    // The page is in its sandboxed frame inside the shell (savedPage.ts), under the shell's CSP.
    const report = page
      .frameLocator('iframe.webview.ready >> visible=true')
      .frameLocator('#active-frame')
      .frameLocator('iframe[title="page"]');
    // Scripts off: the page's no-script network picture and tables, not its interactive view.
    await report.locator('#network h2', { hasText: 'Tie network' }).waitFor({ timeout: STEP_MS });
    assert.ok(await report.locator('#network svg').first().isVisible());
    assert.equal(await report.locator('#society-app[data-ready="true"]').count(), 0);
    const button = page.locator('.editor-actions .action-label[aria-label="Open Society View"]');
    const views = () => page.locator('iframe.webview.ready').count();
    const before = await views();
    await act.click(page, 'Open Society View', button, async () => (await views()) > before);
    const view = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('#active-frame');
    await view.locator('.badge', { hasText: 'complete' }).waitFor({ timeout: STEP_MS });
    assert.ok(
      (await page.locator('.tab .label-name').allInnerTexts()).some((t) => t === 'trace.jsonl'),
      "the run folder's trace, in the society view",
    );
    await page.waitForTimeout(1000);
    await s.wb.screenshot('report-html-and-society-view');
  });
});
