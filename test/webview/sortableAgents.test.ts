// The run report's per-agent table sorts by the column a reader clicks (issue 88), in Chromium, from
// the page as `society report` writes it (a file, its CSP allowing the sort script by hash alone):
// numbers descending first, then ascending; names alphabetically; no CSP violation. Without
// script, the table stays in the order written, marked on its heading.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { renderReportHtml } from '../../src/core/analysis/report/reportHtml';
import { buildRunReport } from '../../src/core/analysis/report/reportModel';
import { SORT_SCRIPT_HASH } from '../../src/core/analysis/report/sortableTables';
import * as act from '../e2e/act';
import { exampleRun } from './fixtures';
import { keepScreenshot, useChromium } from './harness';

/** The agents table's column `col` as the page shows it, top to bottom. */
async function column(page: Page, col: number): Promise<string[]> {
  return page
    .locator('#agents table tbody tr')
    .evaluateAll(
      (rows, c) =>
        rows.map(
          (r) =>
            (r as HTMLTableRowElement).cells[c].getAttribute('data-v') ??
            (r as HTMLTableRowElement).cells[c].textContent ??
            '',
        ),
      col,
    );
}

const numbers = (v: string[]): number[] => v.map(Number);
const descending = (v: number[]): boolean => v.every((x, i) => i === 0 || v[i - 1] >= x);
const ascending = (v: number[]): boolean => v.every((x, i) => i === 0 || v[i - 1] <= x);

describe("the run report's agents table, sorted by a click (issue 88)", function () {
  const chromium = useChromium();
  let dir: string;
  let html: string;
  before(async () => {
    const trace = await exampleRun('public-goods', { rounds: 3 });
    html = renderReportHtml(buildRunReport(trace.header, trace.events));
    dir = mkdtempSync(path.join(os.tmpdir(), 'society-sortable-'));
    writeFileSync(path.join(dir, 'report.html'), html);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('sorts by a number column, both ways, and by name; the CSP allows the script by its hash only', async () => {
    assert.ok(html.includes(`script-src ${SORT_SCRIPT_HASH};`), 'the sort script allowed by its hash');
    const page = await chromium.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`file://${path.join(dir, 'report.html')}`);
    const heads = page.locator('#agents table thead th');
    await page.locator('#agents table thead th button.sort').first().waitFor();
    const count = await heads.count();
    assert.ok(count >= 3, `${count} columns`);
    // Written order: the first quantity, most first, marked so.
    assert.equal(await heads.nth(1).getAttribute('aria-sort'), 'descending');
    assert.ok(descending(numbers(await column(page, 1))));
    // The second quantity (what each gave, which varies): descending first, ascending on a second click.
    const last = 2;
    assert.ok(new Set(await column(page, last)).size > 1, 'a column whose values differ');
    const sortedBy = (col: number, order: string) => async () =>
      (await heads.nth(col).getAttribute('aria-sort')) === order;
    await act.click(page, 'the second quantity', heads.nth(last).locator('button'), sortedBy(last, 'descending'));
    assert.equal(await heads.nth(1).getAttribute('aria-sort'), null);
    assert.ok(descending(numbers(await column(page, last))), (await column(page, last)).join(','));
    await act.click(page, 'the second quantity again', heads.nth(last).locator('button'), sortedBy(last, 'ascending'));
    assert.ok(ascending(numbers(await column(page, last))));
    // Names: alphabetically.
    await act.click(page, 'the names heading', heads.nth(0).locator('button'), sortedBy(0, 'ascending'));
    const names = await column(page, 0);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b)),
    );
    await page.locator('#agents').scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'report-agents-sorted.png');
    assert.deepEqual(errors, [], 'no CSP violation or script error');
    await page.close();
  });

  it('without script: the order written, and plain headings', async () => {
    const context = await chromium.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`file://${path.join(dir, 'report.html')}`);
    assert.equal(await page.locator('#agents table thead th button').count(), 0);
    assert.ok(descending(numbers(await column(page, 1))));
    await context.close();
  });
});
