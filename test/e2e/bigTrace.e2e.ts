// Large traces in a real VS Code (code-server + Chromium): with `society.views.maxTraceMB` set far
// below the size of a run's trace, the society view shows whole rounds up to the first round end
// past the limit and says so in its status, and the memory features decline the trace with one
// warning instead of loading it into the extension host; a run started in the editor is followed
// by its view up to the limit, while the run itself completes and writes its whole trace.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './codeServer';
import { openTrace } from './openTrace';
import { friendsExample, useWorkbench } from './session';
import { STEP_MS } from './workbench';
import { ViewBudget } from '../../src/core/trace/viewBudget';
import { TraceLineReader } from '../../src/core/trace/reader';

const RUN = 'runs/big';
const LIMIT_MB = 0.05;

/** The friends example, a 6-round run made by the CLI, and a views limit far below its size. */
function bigTraceWorkspace(ws: string): void {
  friendsExample(ws);
  execFileSync(
    process.execPath,
    [
      path.join(REPO, 'bin/society.js'),
      'run',
      path.join(ws, 'friends.society'),
      '--rounds',
      '6',
      '--out',
      path.join(ws, RUN),
    ],
    { stdio: 'ignore' },
  );
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.vscode/settings.json'), JSON.stringify({ 'society.views.maxTraceMB': LIMIT_MB }));
}

/**
 * The round a view must stop after: the budget applied to the file's own lines, or (`live`) to
 * its events at the size a live feed counts them.
 */
function expectedLastRound(file: string, live = false): number {
  const budget = new ViewBudget(LIMIT_MB);
  const reader = new TraceLineReader(false, (e, _line, size) => budget.take(e, live ? undefined : size));
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line) reader.line(line);
  assert.ok(budget.stoppedAfter !== undefined && budget.stoppedAfter < 6, 'the limit cuts the trace');
  return budget.stoppedAfter;
}

describe('large traces in VS Code (code-server + Chromium)', function () {
  const s = useWorkbench('big-trace', bigTraceWorkspace);

  it('declines to load the run for the memory features, with one warning naming the setting', async () => {
    const toast = s.wb.page.locator('.notification-toast', { hasText: 'shows no memories of this run' });
    await toast.waitFor({ timeout: STEP_MS * 2 });
    const text = await toast.innerText();
    assert.match(text, /trace\.jsonl is \d+ MB, more than the 0\.05 MB/);
    assert.match(text, /society\.views\.maxTraceMB/);
    await s.wb.page.waitForTimeout(5000); // two polls of the runs folder: no second warning
    assert.equal(
      await s.wb.page.locator('.notification-toast', { hasText: 'shows no memories of this run' }).count(),
      1,
    );
  });

  it('shows the trace in the society view up to the limit, whole rounds, and says where it stopped', async () => {
    const last = expectedLastRound(s.ws(`${RUN}/trace.jsonl`));
    await s.wb.command('Notifications: Clear All Notifications');
    const view = await openTrace(s, `${RUN}/trace.jsonl`);
    await view.locator(`.network[data-round="${last}"][data-nodes="16"]`).waitFor();
    const badge = view.locator('[data-status="stopped"]');
    await badge.waitFor();
    assert.match(
      await badge.innerText(),
      new RegExp(`showing rounds 0–${last} only: .*0\\.05 MB.*society\\.views\\.maxTraceMB`),
    );
    await s.wb.page.waitForTimeout(1000);
    await s.wb.screenshot('big-trace-view');
  });

  it('follows a run started in the editor up to the limit, while the run completes and writes its whole trace', async () => {
    await s.wb.command('Notifications: Clear All Notifications');
    await s.wb.command('View: Close All Editors');
    await s.wb.open('friends.society');
    await s.wb.command('Society: Run Simulation');
    const view = s.wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('#society-app[data-ready="true"]').waitFor({ timeout: STEP_MS * 2 });
    const badge = view.locator('.badge', { hasText: 'complete' });
    await badge.waitFor({ timeout: STEP_MS * 4 });
    const runs = fs.readdirSync(s.ws('runs')).filter((d) => d !== 'big');
    assert.equal(runs.length, 1);
    const trace = s.ws(`runs/${runs[0]}/trace.jsonl`);
    const lines = fs.readFileSync(trace, 'utf8').trimEnd().split('\n');
    assert.equal(JSON.parse(lines[lines.length - 1]).type, 'run_end', 'the trace on disk is whole');
    const last = expectedLastRound(trace, true);
    assert.match(
      await badge.innerText(),
      new RegExp(`^complete: showing rounds 0–${last} only: .*society\\.views\\.maxTraceMB`),
    );
    await view.locator(`.network[data-round="${last}"][data-nodes="16"]`).waitFor();
  });
});
