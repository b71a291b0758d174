// The report's run table: settings changed by timed events shown from start to end, never the start
// of one beside the end of another; scenario strings that cannot reorder the text around them; and
// a page that says what needs JavaScript.
import * as assert from 'node:assert/strict';
import { buildRunReport } from '../../../src/core/analysis/reportModel';
import { renderReportHtml } from '../../../src/core/analysis/reportHtml';
import { makeScenario } from '../engine/scenarioFixture';
import { runTrace } from './runTrace';
import { parseStrictXml } from './xml';
import { viewEmbed } from '../../../src/core/protocol/viewPage';
import { syntheticTrace } from '../../webview/fixtures';

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

  it('isolates a scenario name with a right-to-left override, so it cannot reverse the text after it', () => {
    const trace = syntheticTrace({ agents: 3, ties: 2 });
    trace.header.scenario.name = 'Club \u202eevil';
    trace.header.scenario.file = 'club.society';
    const html = renderReportHtml(buildRunReport(trace.header, trace.events));
    assert.match(html, /<h1>Society report: \u2068Club \u202eevil\u2069<\/h1>/);
    assert.match(html, /<dd>\u2068Club \u202eevil\u2069 \(club\.society\)<\/dd>/);
  });

  it('says in a noscript note that the interactive view needs JavaScript, and stays well-formed', () => {
    const trace = syntheticTrace({ agents: 3, ties: 2 });
    const report = buildRunReport(trace.header, trace.events);
    const html = renderReportHtml(report, { view: viewEmbed({ script: 'var a = 1;', style: 'a { color: red }' }, trace, { embedded: true }) });
    assert.match(html, /<section id="explore"><h2>Explore the run<\/h2><noscript><p class="note">The interactive view needs JavaScript\./);
    parseStrictXml(html);
    assert.doesNotMatch(renderReportHtml(report), /noscript/, 'a static report has nothing that needs it');
  });
});
