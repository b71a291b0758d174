// The debugger's Variables for an agent show its survey answers with scale scores (reverse-keyed
// items reversed, as the report scores them) and the judges' scores of it (issue 48), folded
// from the run's events as it goes: a scenario surveyed at start and judged in round 1, debugged
// with the offline model and stopped at round 2.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRun } from '../../../src/debug/debugRun';
import { offlineOnlyFactory } from '../../../src/core/engine/kernel/world';
import { agentState } from '../../../src/core/debug/inspect';
import { SurveyBook } from '../../../src/core/debug/surveyBook';
import { surveyedScenario } from '../../support/surveyedScenario';

const SCENARIO = surveyedScenario(
  '{ instrument: mood, at: [start] }',
  `judges:
  - name: presence
    rubric:
      dimensions:
        busy: { description: How much they did, min: 1, max: 5, offline: activity }
    rounds: [1]
`,
);

type Obj = Record<string, any>;

describe('debug variables: surveys and judgements of an agent', function () {
  it('lists the start survey with answers and scale scores, and the round-1 judgement', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'debug-survey-'));
    const file = path.join(dir, 'surveyed.society');
    fs.writeFileSync(file, SCENARIO);
    const run = await createRun({ scenario: file, root: dir }, () => offlineOnlyFactory);
    try {
      run.runtime.setBreakpoints([{ agent: 'ana', phase: 'perceive', round: 2 }]);
      const stopped = new Promise<void>((r) => run.runtime.onStop(() => r()));
      const done = run.runtime.start();
      await stopped;
      const state = agentState(run.sim, 'ana', run.decisions, run.surveys) as Obj;
      const survey = run.events.find((e) => e.type === 'survey' && e.agent === 'ana') as Obj;
      assert.equal(survey.round, 0);
      const admin = state.surveys['r0 mood'];
      assert.deepEqual(Object.keys(state.surveys), ['r0 mood']);
      assert.deepEqual(admin.answers, survey.answers);
      const { m1, m2 } = survey.answers as { m1: number; m2: number };
      // 1–5 Likert: m2 is reverse-keyed, so it counts as 6 − m2.
      assert.deepEqual(admin.scales.outgoing.keyed, { m1, m2: 6 - m2 });
      assert.equal(admin.scales.outgoing.score, (m1 + 6 - m2) / 2);
      assert.equal(admin.scales.outgoing.measures, 'extraversion');
      const judgement = run.events.find((e) => e.type === 'judgement' && e.agent === 'ana') as Obj;
      assert.deepEqual(Object.keys(state.judgements), ['r1 presence by offline']);
      const j = state.judgements['r1 presence by offline'];
      assert.deepEqual([j.judging, j.judge, j.round], ['presence', judgement.judge, 1]);
      assert.deepEqual(j.scores, judgement.scores);
      run.runtime.continue();
      assert.equal((await done).status, 'completed');
    } finally {
      await run.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows nothing for an agent never surveyed nor judged', () => {
    const book = new SurveyBook();
    book.add({ type: 'survey', round: 0, agent: 'ana', instrument: 'mood', answers: { m1: 3 } });
    assert.deepEqual(book.entries('bo'), {});
    assert.deepEqual(Object.keys(book.entries('ana')), ['surveys']);
    assert.deepEqual(book.entries('ana').surveys, {
      'r0 mood': { round: 0, instrument: 'mood', answers: { m1: 3 } },
    });
  });

  it('scores null when an item of the scale is missing, and newest administration first', () => {
    const book = new SurveyBook();
    const scales = { s: { items: ['a', 'b'], reverse: ['b'], min: 1, max: 7 } };
    book.add({ type: 'survey', round: 0, agent: 'x', instrument: 'i', answers: { a: 7, b: null }, scales });
    book.add({ type: 'survey', round: 3, agent: 'x', instrument: 'i', answers: { a: 7, b: 2 }, scales });
    const s = book.entries('x').surveys as Obj;
    assert.deepEqual(Object.keys(s), ['r3 i', 'r0 i']);
    assert.equal(s['r0 i'].scales.s.score, null);
    assert.equal(s['r3 i'].scales.s.score, (7 + (1 + 7 - 2)) / 2);
  });
});
