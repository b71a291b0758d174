// The report's survey psychometrics from trace events (issue 48): reverse-keyed items reversed
// before α, scale scores per agent, persona adherence against declared traits, test–retest from
// the first administration to the last, and the HTML section.
import * as assert from 'node:assert/strict';
import { SurveyTally } from '../../../src/core/analysis/report/surveyPsychometrics';
import { surveySection } from '../../../src/core/analysis/report/surveySection';
import { cronbachAlpha } from '../../../src/core/stats/cronbachAlpha';
import { pearson } from '../../../src/core/stats/correlation';
import type { TraceEvent } from '../../../src/core/trace/events';

const scales = { out: { items: ['a', 'b'], reverse: ['b'], measures: 'extraversion', min: 1, max: 5 } };
const AGENTS: [string, number, number, number][] = [
  // id, extraversion, a, b (b reverse-keyed)
  ['p1', 0.9, 5, 1],
  ['p2', 0.2, 2, 4],
  ['p3', 0.6, 4, 3],
  ['p4', 0.4, 3, 3],
  ['p5', 0.8, 4, 1],
];

function events(): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (const [id, e] of AGENTS) {
    out.push({
      type: 'agent_added',
      round: 0,
      agent: { id, traits: { extraversion: e } },
      model: 'default',
      reason: 'initial',
    } as never);
  }
  for (const round of [0, 6]) {
    for (const [id, , a, b] of AGENTS) {
      const shift = round && id === 'p4' ? 1 : 0;
      out.push({
        type: 'survey',
        round,
        agent: id,
        instrument: 'x',
        answers: { a: a + shift, b },
        scales,
      } as TraceEvent);
    }
  }
  return out;
}

describe('survey psychometrics in the report', () => {
  it('α of keyed items, adherence with the declared trait, test–retest', () => {
    const t = new SurveyTally();
    for (const e of events()) t.add(e);
    const [s] = t.finish()!;
    assert.equal(s.scale, 'out');
    const keyed = AGENTS.map(([, , a, b]) => [a, 6 - b]);
    assert.equal(s.administrations[0].alpha, cronbachAlpha(keyed));
    const scores = keyed.map(([a, b]) => (a + b) / 2);
    assert.deepEqual(
      s.administrations[0].adherence,
      pearson(
        scores,
        AGENTS.map((x) => x[1]),
      ),
    );
    assert.equal(s.administrations[0].n, 5);
    assert.deepEqual([s.retest!.from, s.retest!.to, s.retest!.n], [0, 6, 5]);
    assert.ok(s.retest!.r > 0.9);
    const html = surveySection([s]);
    assert.match(html, /<td>start<\/td><td>5<\/td>/);
    assert.match(html, /Test–retest/);
  });

  it('a missing item leaves the agent out of that scale; no survey, no section', () => {
    const t = new SurveyTally();
    t.add({ type: 'survey', round: 0, agent: 'p1', instrument: 'x', answers: { a: null, b: 2 }, scales } as TraceEvent);
    assert.equal(t.finish()![0].administrations[0].n, 0);
    assert.equal(new SurveyTally().finish(), undefined);
  });

  it('flags a score beside it: answers in a straight line, an α below 0 (issue 86)', () => {
    // Four respondents gave both items one answer (b is reverse-keyed, so the keyed items disagree): α below 0.
    const t = new SurveyTally();
    const rows: [string, number, number][] = [
      ['p1', 1, 1],
      ['p2', 1, 1],
      ['p3', 1, 1],
      ['p4', 5, 5],
      ['p5', 4, 3],
    ];
    for (const [agent, a, b] of rows) {
      t.add({ type: 'survey', round: 0, agent, instrument: 'x', answers: { a, b }, scales } as TraceEvent);
    }
    const [s] = t.finish()!;
    const at = s.administrations[0];
    assert.equal(at.straight_lined, 4);
    assert.ok(at.alpha !== null && at.alpha < 0, `alpha ${at.alpha}`);
    assert.deepEqual(at.flags, [
      '4 of 5 answered every item the same',
      'α below 0: the items do not measure one thing here',
    ]);
    assert.match(surveySection([s]), /⚠ 4 of 5 answered every item the same; α below 0/);
    // Varied answers with a positive α: only p4's 3, 3 is flagged.
    const clean = new SurveyTally();
    for (const e of events()) clean.add(e);
    const ok = clean.finish()![0].administrations[0];
    assert.equal(ok.straight_lined, 1);
    assert.deepEqual(ok.flags, ['1 of 5 answered every item the same']);
    assert.doesNotMatch(surveySection(clean.finish()!), /class="flag">[^<]*α below 0/);
    const unflagged = new SurveyTally();
    for (const e of events()) if (e.type !== 'survey' || e.agent !== 'p4') unflagged.add(e);
    assert.equal(unflagged.finish()![0].administrations[0].flags, undefined);
    assert.doesNotMatch(surveySection(unflagged.finish()!), /class="flag"/);
  });
});
