// Issue 88: a run's report a colleague can read — its design (the question, the round, matching,
// the experiment's conditions and claims), what moved round by round (a quantity that never moved
// named, not drawn flat), each agent with its quantities and actions, and what made the run.
import * as assert from 'node:assert/strict';
import { buildRunReport } from '../../../src/core/analysis/report/reportModel';
import { renderReportHtml } from '../../../src/core/analysis/report/reportHtml';
import { runDesign } from '../../../src/core/analysis/report/runDesign';
import { declaredOutcomes } from '../../../src/core/analysis/metrics/runTally';
import { withOverrides } from '../../../src/core/experiment/overrides';
import type { TraceEvent, TraceHeader } from '../../../src/core/trace/events';
import { example, traceLines, traceOf } from '../engine/traceHelpers';

describe('the run report a colleague can read (issue 88)', function () {
  let html: string;
  let events: TraceEvent[];
  before(async () => {
    const scenario = withOverrides(await example('public-goods/public-goods.society'), { 'world.rounds': 6 });
    const [header, ...rest] = traceLines(await traceOf(scenario));
    events = rest as TraceEvent[];
    const report = buildRunReport(header as TraceHeader, events, {
      declared: declaredOutcomes(scenario),
      design: runDesign(scenario),
    });
    html = renderReportHtml(report);
  });

  it('says the design: the question, the round, the actions, the conditions and claims as written', () => {
    const design = html.slice(
      html.indexOf('<section id="design">'),
      html.indexOf('</section>', html.indexOf('<section id="design">')),
    );
    assert.match(design, /<strong>Question\.<\/strong> <bdi>Eight players, a common pot, a multiplier/);
    assert.match(design, /<dt>Round<\/dt><dd><bdi>give<\/bdi> → <bdi>sanction<\/bdi><\/dd>/);
    for (const c of ['multiplier 1.6', 'multiplier 16', 'multiplier 4, punishment']) {
      assert.ok(design.includes(`<bdi>${c}</bdi>`), c);
    }
    assert.match(design, /<li><bdi>Players give more when the pot pays more \(4 against 1\.6\)<\/bdi><\/li>/);
    assert.match(html, /<dt>Made by<\/dt><dd>society-studio [^;]+; scenario sha256:[0-9a-f]{64}<\/dd>/);
  });

  it('draws what moved, names what never did, and tables the means round by round', () => {
    const world = html.slice(html.indexOf('<section id="world-state">'), html.indexOf('<section id="agents">'));
    // The multiplier is 1.6 in every round: named with its value, not a flat line in the chart.
    assert.match(world, /The same in every round, so not drawn: multiplier 1\.60; punishment 0\.00;/);
    const chart = world.slice(0, world.indexOf('</svg>'));
    assert.ok(!chart.includes('>multiplier<'), 'a flat line drawn');
    assert.ok(chart.includes('>contributed<'));
    const table = world.slice(world.indexOf('<table class="rounds">'));
    assert.match(table, /<th>round<\/th><th>contributed<\/th>/);
    assert.equal(
      (table.slice(0, table.indexOf('</table>')).match(/<tr>/g) ?? []).length,
      1 + 7,
      'a header and rounds 0 to 6',
    );
  });

  it('lists each agent by name with its quantities and the actions it took, as the trace has them', () => {
    const agents = html.slice(
      html.indexOf('<section id="agents">'),
      html.indexOf('</section>', html.indexOf('<section id="agents">')),
    );
    const taken = new Map<string, number>();
    const names = new Map<string, string>();
    for (const e of events) {
      if (e.type === 'agent_added') names.set(e.agent.id, e.agent.name);
      if (e.type === 'action' && e.action === 'contribute') taken.set(e.agent, (taken.get(e.agent) ?? 0) + 1);
    }
    assert.equal(names.size, 8);
    for (const [id, name] of names) {
      const row = new RegExp(`<tr><td><bdi>${name}</bdi></td>(<td class="num" data-v="[^"]*">[^<]*</td>)+</tr>`).exec(
        agents,
      );
      assert.ok(row, `${name}'s row`);
      const cells = [...row[0].matchAll(/<td class="num" data-v="[^"]*">([^<]*)<\/td>/g)].map((m) => m[1]);
      assert.ok(
        cells.includes(String(taken.get(id) ?? 0)),
        `${name} contributed ${taken.get(id)} times: ${cells.join(', ')}`,
      );
    }
  });
});
