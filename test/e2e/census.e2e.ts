// Issue 48, populations from census tables, in a real VS Code (code-server + Chromium): the census
// example opens clean; hovering its group's `census:` shows the coverage (target vs synthesised
// share per category, the largest marginal error); hovering a generated id in a room's members
// shows that agent's provenance (its cell, IPF weight, the microsample rows behind it).
// Screenshots are saved in test-results/e2e.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './codeServer';
import { useWorkbench } from './session';

const fill = (ws: string): void => fs.cpSync(path.join(REPO, 'examples/census'), ws, { recursive: true });

/** The 1-based line holding `needle` in `file`, and the 1-based column of `needle` in it. */
function positionOf(file: string, needle: string): { line: number; column: number } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `no line with ${needle}`);
  return { line: i + 1, column: lines[i].indexOf(needle) + 1 };
}

describe('census populations (code-server + Chromium)', function () {
  const s = useWorkbench('census', fill);

  it('hovering census: shows the coverage; hovering an agent id, where it came from', async () => {
    const wb = s.wb;
    const file = s.ws('census.society');
    await wb.open('census.society');
    const at = positionOf(file, 'census:');
    await wb.goTo(at.line, at.column + 2);
    const coverage = await wb.editorHover('census coverage');
    const text = (await coverage.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /residents: 1000 agents from marginals\.csv, region\.csv, microsample\.csv/);
    assert.match(text, /largest marginal error/);
    assert.match(text, /age_band 65\+ 23\.6% 23\.6%/);
    await wb.page.waitForTimeout(300);
    await wb.screenshot('census-coverage-hover');
    await wb.page.keyboard.press('Escape');

    const r1 = positionOf(file, 'r1,');
    await wb.goTo(r1.line, r1.column + 1);
    const origin = await wb.editorHover('census provenance');
    const said = (await origin.innerText()).replace(/\s+/g, ' ');
    assert.match(said, /census provenance \(seed 48\): age_band \S+ · sex (female|male) · occupation .+ · region \S+/);
    assert.match(said, /IPF weight \d+\.\d{3} .* joint rows [\d, ]+ of microsample\.csv/);
    await wb.page.waitForTimeout(300);
    await wb.screenshot('census-agent-provenance-hover');
  });
});
