// Issue 59 in a real VS Code (code-server + Chromium): views show only what applies to the world
// they show. A public goods game (actions alone: no tie, no reward) compared (Society: Compare
// Runs…), run as an experiment (Society: Run Experiment) and run (Society: Run Simulation), and a
// town whose residents meet and rate each other without a tie reaching the threshold: no tie
// threshold column, network or reward rows, ties section, random-graph table, tie legend, tie or
// community count. Screenshots are saved.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import * as act from './act';
import { REPO } from './codeServer';
import { useWorkbench } from './session';
import { STEP_MS } from './workbench';
import { frameWith, runToCompletion } from './worldSteps';

/** Metric names that need ties or rewards (the METRICS table's), as a page would show them in a row. */
const LEFTOVER =
  /\b(density|reciprocity|average_clustering|transitivity|median_undirected_degree|group_assortativity|louvain_\w+|mean_reward|reward_\w+)\b/;
/** Words of a tie network's legend and header. */
const TIE_WORDS = /\btie|reciproc|communit|strength|degree/i;

/**
 * The workspace: the public goods example, two runs of it, and the town without its relationships.
 * Its experiment on 2 seeds, not 12: the report's rows are the same for any number (8 runs, not 48).
 */
function fillWorkspace(ws: string): void {
  const goods = fs.readFileSync(path.join(REPO, 'examples/public-goods/public-goods.society'), 'utf8');
  const twoSeeds = goods.replace(/^( {2}seeds:) \[1, 2, [\d, ]+\]$/m, '$1 [1, 2]');
  assert.notEqual(twoSeeds, goods, 'the example lists its seeds on one line');
  fs.writeFileSync(path.join(ws, 'public-goods.society'), twoSeeds);
  const town = fs.readFileSync(path.join(REPO, 'examples/town/town.society'), 'utf8');
  fs.writeFileSync(
    path.join(ws, 'lonely-town.society'),
    town
      .replace(/\n {4}relationships: \[.*\]\n/g, '\n')
      .replace(/^name: Smallville$/m, 'name: Lonely town')
      .replace(/^( {2}rounds:) \d+$/m, '$1 6'),
  );
  for (const [seed, out] of [
    [1, 'runs/goods-a'],
    [2, 'runs/goods-b'],
  ] as const) {
    execFileSync(
      process.execPath,
      [
        path.join(REPO, 'bin/society.js'),
        'run',
        'public-goods.society',
        '--seed',
        String(seed),
        '--rounds',
        '4',
        '--out',
        out,
      ],
      { cwd: ws, stdio: 'ignore', env: { ...process.env, SOCIETY_THREADS: '0' } },
    );
  }
}

const webview = (s: ReturnType<typeof useWorkbench>): FrameLocator =>
  s.wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

describe('views show only what applies to the world (code-server + Chromium)', function () {
  const s = useWorkbench('applies-to-world', fillWorkspace);

  it("a public goods game's experiment report: no network metrics, no random graphs", async () => {
    await s.wb.open('public-goods.society');
    await s.wb.command('Society: Run Experiment');
    const report = webview(s);
    await report.locator('h2', { hasText: 'Metrics by condition' }).waitFor({ timeout: STEP_MS * 6 });
    const metrics = await report.locator('td strong').allInnerTexts();
    // Rows are named in the world's words, each key in code below its name (issue 88).
    const keys = await report.locator('td code').allInnerTexts();
    assert.ok(keys.includes('agents.given.mean'), keys.join(', '));
    assert.deepEqual(
      metrics.filter((m) => LEFTOVER.test(m)),
      [],
    );
    assert.equal(await report.locator('h2', { hasText: 'Against random graphs' }).count(), 0);
    assert.doesNotMatch(await report.locator('body').innerText(), /undefined/);
    await report.locator('h2', { hasText: 'Metrics by condition' }).scrollIntoViewIfNeeded();
    await s.wb.screenshot('applies-experiment-public-goods');
    await s.wb.command('View: Close All Editor Groups');
  });

  it("a public goods game's society view: no tie legend, ties or communities", async () => {
    await s.wb.open('public-goods.society');
    const view = await runToCompletion(s.wb);
    await view.locator('.panel.metrics .summary', { hasText: '8 agents' }).waitFor();
    const metrics = await view.locator('.panel.metrics').innerText();
    assert.doesNotMatch(metrics, /communit|\d+ ties?\b|Density|reward/i, metrics);
    const legend = await view.locator('.network-legend > :not([hidden])').allInnerTexts();
    assert.ok(!legend.some((t) => TIE_WORDS.test(t)), legend.join(' | '));
    const kinds = await view.locator('.trace label.kind:not([hidden])').allInnerTexts();
    assert.ok(!kinds.some((k) => /message|evaluation|advice|survey/.test(k)), kinds.join(', '));
    await s.wb.screenshot('applies-view-public-goods');
    await s.wb.command('View: Close All Editor Groups');
  });

  it('a town that meets and rates without forming ties: "25 agents", no ties, communities or tie legend', async () => {
    await s.wb.open('lonely-town.society');
    assert.deepEqual(await s.wb.scenarioProblemCounts(), { errors: 0, warnings: 0 });
    const view = await runToCompletion(s.wb);
    await view.locator('.panel.metrics .summary', { hasText: '25 agents' }).waitFor();
    const metrics = await view.locator('.panel.metrics').innerText();
    assert.doesNotMatch(metrics, /communit|\d+ ties?\b|Density/, metrics);
    assert.equal(await view.locator('.network-legend').getAttribute('data-ties'), 'false');
    const legend = await view.locator('.network-legend > :not([hidden])').allInnerTexts();
    assert.ok(!legend.some((t) => TIE_WORDS.test(t)), legend.join(' | '));
    const kinds = await view.locator('.trace label.kind:not([hidden])').allInnerTexts();
    assert.ok(!kinds.some((k) => /survey|match/.test(k)), kinds.join(', '));
    await s.wb.screenshot('applies-view-lonely-town');
    await s.wb.command('View: Close All Editor Groups');
  });
  it("a public goods game's compare page: no tie threshold, network or reward rows, no ties section", async () => {
    const page = s.wb.page;
    const runs = ['goods-a', 'goods-b'];
    const quick = page.locator('.quick-input-widget');
    const row = (text: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
    const titled = (text: string) => quick.locator('.quick-input-title', { hasText: text });
    await s.wb.command('Society: Compare Runs…');
    await titled('the first run (A)').waitFor();
    await act.click(page, `pick ${runs[0]} as A`, row(runs[0]), titled('the run to compare with it (B)'), {
      area: quick,
    });
    // Newer runs (this spec's) are listed first: click B rather than take the focused row.
    await act.click(page, `pick ${runs[1]} as B`, row(runs[1]), act.hidden(quick), { area: quick });
    const view = await frameWith(s.wb, 'h1:has-text("two runs compared")');
    await view.locator('h2', { hasText: 'Outcomes at the end' }).waitFor({ timeout: STEP_MS * 2 });
    const text = await view.locator('body').innerText();
    assert.match(text, /world\.contributed\.final/);
    assert.doesNotMatch(text, /tie threshold|Ties at the end/i);
    const outcomes = await view.locator('table').nth(1).locator('tr td:first-child').allInnerTexts();
    assert.ok(outcomes.length > 0);
    assert.deepEqual(
      outcomes.filter((o) => LEFTOVER.test(o)),
      [],
    );
    await s.wb.screenshot('applies-compare-public-goods');
    // Issue 88: Reload Window brings the Compare tab back, compared again from the same runs.
    await s.wb.command('Developer: Reload Window');
    await page.locator('[id="status.problems"]').waitFor();
    const tab = page.locator('.tab', { hasText: /^Compare: / });
    await act.click(page, 'the restored Compare tab', tab, page.locator('.tab.active', { hasText: /^Compare: / }));
    const again = await frameWith(s.wb, 'h1:has-text("two runs compared")');
    await again.locator('h2', { hasText: 'Outcomes at the end' }).waitFor({ timeout: STEP_MS * 2 });
    await s.wb.screenshot('applies-compare-restored');
  });
});
