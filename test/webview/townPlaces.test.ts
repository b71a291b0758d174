// A town in the society view (issue 61), in headless Chromium as VS Code shows it: the places'
// captions do not overlap one another at any round the view is moved to, and the trace table names
// places by their labels, with the moves saying where people went.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import { exampleRun } from './fixtures';
import { keepScreenshot, useChromium, openWebview } from './harness';

type Box = { text: string; left: number; right: number; top: number; bottom: number };

const captionBoxes = (page: Page): Promise<Box[]> =>
  page.$$eval('.network text.place', (ts) =>
    ts.map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );

function overlapping(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
        out.push(`${a.text} / ${b.text}`);
      }
    }
  }
  return out;
}

describe('a town in the society view (headless Chromium)', function () {
  this.timeout(120000);
  const chromium = useChromium();
  let town: EmbeddedTrace;
  before(async () => {
    town = await exampleRun('town', { rounds: 8 });
  });

  it("places' captions do not overlap, beside the editor as in VS Code", async () => {
    const { page, errors } = await openWebview(chromium.browser, town, { width: 520, height: 820 });
    await page.waitForSelector('.network[data-layout="settled"]', { timeout: 30000 });
    const boxes = await captionBoxes(page);
    assert.ok(boxes.length >= 5, `only ${boxes.length} captions`);
    assert.deepEqual(overlapping(boxes), [], JSON.stringify(boxes));
    await keepScreenshot(page, 'town-places.png');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the trace table: places by label, and a move says where it went', async () => {
    const { page, errors } = await openWebview(chromium.browser, town, { width: 1400, height: 900 });
    const labels = new Map((town.header.places ?? []).map((p) => [p.id, p.label]));
    await page.fill('.trace .search', 'go · where');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.trace .vrow.kind-action')];
      return rows.length > 0 && rows.every((r) => (r as HTMLElement).title.includes('go · where'));
    });
    // Each row's tooltip is the whole row: its heading, detail and text.
    const rows = await page.$$eval('.trace .vrow.kind-action', (rs) => rs.map((r) => (r as HTMLElement).title));
    const goes = rows.filter((r) => /\bgo · where\b/.test(r));
    assert.ok(goes.length > 0, `no go rows among ${rows.length}`);
    const named = [...labels.values()];
    for (const r of goes) {
      assert.doesNotMatch(r, /nothing changed/, r);
      // `go · where <label>`, and no place as the row's other party (`→ marchetti_house`).
      const where = /go · where (.*)$/m.exec(r)![1];
      assert.ok(named.includes(where), `${where} in ${r}`);
      assert.doesNotMatch(r.split('\n')[0], /→/, r);
    }
    assert.ok(
      goes.some((r) => /went to /.test(r)),
      goes.slice(0, 3).join('\n'),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
