// The report's run table: settings changed by timed events shown from start to end, never the start
// of one beside the end of another; scenario strings that cannot reorder the text around them; and
// a page that says what needs JavaScript.
import * as assert from 'node:assert/strict';
import { buildRunReport } from '../../../src/core/analysis/report/reportModel';
import { renderReportHtml } from '../../../src/core/analysis/report/reportHtml';
import { encountersText } from '../../../src/core/analysis/report/runSettingsText';
import type { RunSettings } from '../../../src/core/trace/events';
import { makeScenario } from '../engine/scenarioFixture';
import { runTrace } from './runTrace';
import { parseStrictXml } from './xml';
import { viewEmbed } from '../../../src/core/protocol/viewPage';
import { syntheticTrace } from '../../webview/fixtures';

describe('report run table', function () {
  it('shows settings changed by a timed event from start to end, with the round it changed in', async () => {
    const base = makeScenario(6);
    const scenario = makeScenario(6, {
      world: { ...base.world, rounds: 4 },
      events: [{ at: 2, set: { 'coaching.enabled': true, 'ties.threshold': 0.4 } }],
    });
    const { header, events } = await runTrace(scenario);
    const html = renderReportHtml(buildRunReport(header, events));
    assert.match(html, /<dt>Coach<\/dt><dd>off; from round 2 \(a timed event\): on \(every 1 round\)<\/dd>/);
    assert.match(html, /<dt>Tie threshold<\/dt><dd>0\.6; from round 2 \(a timed event\): 0\.4<\/dd>/);
  });

  it('names every round a timed event changed a setting in', async () => {
    const base = makeScenario(6);
    const scenario = makeScenario(6, {
      world: { ...base.world, rounds: 5 },
      events: [
        { at: 2, set: { 'ties.threshold': 0.5 } },
        { at: 4, set: { 'ties.threshold': 0.4 } },
        { at: 3, set: { 'coaching.enabled': true } },
      ],
    });
    const { header, events } = await runTrace(scenario);
    const html = renderReportHtml(buildRunReport(header, events));
    assert.match(
      html,
      /<dt>Tie threshold<\/dt><dd>0\.6 at the start; 0\.4 at the end \(timed events in rounds 2, 4\)<\/dd>/,
    );
    assert.match(html, /<dt>Coach<\/dt><dd>off; from round 3 \(a timed event\): on \(every 1 round\)<\/dd>/);
  });

  it('shows a setting nobody changed once', async () => {
    const base = makeScenario(6);
    const { header, events } = await runTrace(makeScenario(6, { world: { ...base.world, rounds: 2 } }));
    const html = renderReportHtml(buildRunReport(header, events));
    assert.match(html, /<dt>Coach<\/dt><dd>off<\/dd>/);
    assert.match(html, /<dt>Tie threshold<\/dt><dd>0\.6<\/dd>/);
  });

  it('states the encounters, tie dynamics, reward weights and retrieval, and which a timed event changed', async () => {
    const base = makeScenario(6);
    const scenario = makeScenario(6, {
      world: {
        ...base.world,
        rounds: 3,
        encounters: { mode: 'recommend', per_round: 2, exploration: 0.25 },
        conversation: { turns: 3 },
      },
      events: [{ at: 2, set: { 'memory.normalize': 'minmax', 'world.encounters.mode': 'random' } }],
    });
    const { header, events } = await runTrace(scenario);
    const html = renderReportHtml(buildRunReport(header, events));
    const row = (name: string): string => new RegExp(`<dt>${name}</dt><dd>([^<]*)</dd>`).exec(html)?.[1] ?? '';
    assert.equal(
      row('Encounters'),
      'a recommender (interests, ties, popularity), 2 conversations started per agent and round, 0.25 explored at random; conversations of 3 turns; from round 2 (a timed event): ' +
        'random partners, 2 conversations started per agent and round; conversations of 3 turns',
    );
    const t = scenario.ties;
    assert.equal(
      row('Ties'),
      `learning rate ${t.learning_rate}, decay ${t.decay} per round without talking; target ${t.weights.reciprocity}·reciprocity + ${t.weights.novelty}·novelty + ${t.weights.affect}·affect`,
    );
    assert.equal(row('Reward weights'), 'SOC 1, INF 1, PRE 1, COORD 1, EMO 1');
    const m = scenario.memory;
    const memory = (scales: string): string =>
      `top ${m.top_k} by ${m.recency}·recency + ${m.importance}·importance + ${m.relevance}·relevance (${scales}), recency decay ${m.decay} per round; reflection at ${m.reflect_at} importance`;
    assert.equal(
      row('Memory'),
      `${memory('fixed 0..1 scales')}; from round 2 (a timed event): ${memory('each rescaled per query (min–max)')}`,
    );
  });

  it('says when agents meet only their match group', () => {
    const settings = (among?: 'everyone' | 'match') =>
      ({
        world: {
          encounters: { mode: 'random', per_round: 1, exploration: 0, ...(among ? { among } : {}) },
          conversation: { turns: 2 },
          rooms: [],
        },
      }) as unknown as RunSettings;
    assert.equal(
      encountersText(settings('match')),
      'random partners within each match group, 1 conversation started per agent and round; conversations of 2 turns',
    );
    assert.equal(
      encountersText(settings()),
      'random partners, 1 conversation started per agent and round; conversations of 2 turns',
    );
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
    const html = renderReportHtml(report, {
      view: viewEmbed({ script: 'var a = 1;', style: 'a { color: red }' }, trace, { embedded: true }),
    });
    assert.match(
      html,
      /<section id="explore"><h2>Explore the run<\/h2><noscript><p class="note">The interactive view needs JavaScript\./,
    );
    assert.match(
      html,
      /Open Society View<\/b> in this editor's title bar/,
      'points to where the view is in the editor',
    );
    parseStrictXml(html);
    assert.doesNotMatch(renderReportHtml(report), /noscript/, 'a static report has nothing that needs it');
  });
});
