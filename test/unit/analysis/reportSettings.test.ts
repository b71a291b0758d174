// The report's run table when timed events change settings mid-run: each setting is shown where
// it started and where it ended up, never the start of one beside the end of another.
import * as assert from 'node:assert/strict';
import { buildRunReport } from '../../../src/core/analysis/reportModel';
import { renderReportHtml } from '../../../src/core/analysis/reportHtml';
import { makeScenario } from '../engine/scenarioFixture';
import { runTrace } from './runTrace';

describe('report run table', function () {
  this.timeout(30_000);

  it('shows settings changed by a timed event from start to end', async () => {
    const base = makeScenario(6);
    const scenario = makeScenario(6, { world: { ...base.world, rounds: 4 }, events: [{ at: 2, set: { 'coaching.enabled': true, 'ties.threshold': 0.4 } }] });
    const { header, events } = await runTrace(scenario);
    const html = renderReportHtml(buildRunReport(header, events));
    assert.match(html, /<dt>Coach<\/dt><dd>off at the start, on \(every 1 round\) by round 4 \(changed by a timed event\)<\/dd>/);
    assert.match(html, /<dt>Tie threshold<\/dt><dd>0\.6 at the start, 0\.4 by round 4 \(changed by a timed event\)<\/dd>/);
  });

  it('shows a setting nobody changed once', async () => {
    const base = makeScenario(6);
    const { header, events } = await runTrace(makeScenario(6, { world: { ...base.world, rounds: 2 } }));
    const html = renderReportHtml(buildRunReport(header, events));
    assert.match(html, /<dt>Coach<\/dt><dd>off<\/dd>/);
    assert.match(html, /<dt>Tie threshold<\/dt><dd>0\.6<\/dd>/);
  });
});
