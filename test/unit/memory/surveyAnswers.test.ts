// The memory inspector's survey section (issue 48): an agent's answers up to the round shown,
// newest first, with scale scores (reverse-keyed items reversed); nothing for a run without surveys.
import * as assert from 'node:assert/strict';
import { scenarioFromText, traceOf } from '../engine/traceHelpers';
import { readTrace } from '../../../src/core/trace/reader';
import { TraceMemorySource } from '../../../src/core/memory/traceMemorySource';
import { answerQuery } from '../../../src/core/memory/inspector';
import { surveyAnswers } from '../../../src/core/memory/surveyAnswers';
import { surveyedScenario } from '../../support/surveyedScenario';

const SCENARIO = surveyedScenario('{ instrument: mood, at: [start, 2], to: [ana] }');

describe('memory inspector: survey answers', function () {
  let source: TraceMemorySource;
  before(async () => {
    const read = readTrace(await traceOf(await scenarioFromText(SCENARIO)));
    source = TraceMemorySource.of('trace', 'fixture', read.header!, read.events);
  });

  it('lists the agent’s answers up to the round shown, newest first, with scale scores', () => {
    const all = answerQuery(source, { agent: 'ana', text: '' }).surveys!;
    assert.deepEqual(
      all.map((s) => `${s.round} ${s.instrument}`),
      ['2 mood', '0 mood'],
    );
    for (const s of all) {
      const { m1, m2 } = s.answers as { m1: number; m2: number };
      assert.deepEqual(s.scores, { outgoing: (m1 + 6 - m2) / 2 }, 'm2 is reverse-keyed on 1–5');
    }
    source.pin(1);
    try {
      assert.deepEqual(
        answerQuery(source, { agent: 'ana', text: '' }).surveys!.map((s) => s.round),
        [0],
      );
    } finally {
      source.pin(undefined);
    }
    assert.equal(answerQuery(source, { agent: 'bo', text: '' }).surveys, undefined, 'bo was not surveyed');
    // The trace's header carries each item's question, so the inspector shows it rather than `m1`.
    const asked = new Map(all[0].questions);
    assert.deepEqual([...asked.keys()].sort(), ['m1', 'm2']);
    for (const text of asked.values()) assert.ok(text.length > 3 && !/^m\d$/.test(text));
  });

  it('scores null when an item of a scale is missing, and keeps the error', () => {
    const scales = { s: { items: ['a', 'b'], reverse: [], min: 1, max: 5 } };
    const rows = surveyAnswers(
      [{ type: 'survey', round: 0, agent: 'x', instrument: 'i', answers: { a: 2, b: null }, scales, error: 'timeout' }],
      'x',
      0,
    );
    assert.deepEqual(rows, [
      { round: 0, instrument: 'i', answers: { a: 2, b: null }, scores: { s: null }, error: 'timeout' },
    ]);
  });
});
