// A report built from events whose rounds jump (QA D2: one line of round 3,000,000 kept `society
// report` measuring every round up to it): the builder measures the rounds it is given, no more.
import assert from 'node:assert/strict';
import { buildRunReport } from '../../../src/core/analysis/report/reportModel';
import type { TraceEvent } from '../../../src/core/trace/events';
import { reportScenario, runTrace } from './runTrace';

describe('a report over a gap in the rounds', function () {
  it('makes up no rows for rounds the events skip, and does not walk through them', async () => {
    const { header, events } = await runTrace(reportScenario(8, 3));
    const last = events.findIndex((e) => e.type === 'round_end' && e.round === 3);
    // (a round far enough to count the rows, near enough that the old loop ends)
    const wild: TraceEvent[] = [...events.slice(0, last + 1), { ...events[last], round: 3000 } as TraceEvent];
    assert.deepEqual(
      buildRunReport(header, wild).overRounds.map((r) => r.round),
      [0, 1, 2, 3, 3000],
    );
    // A round missing in the middle gets no row copied from the round before.
    const without2 = events.filter((e) => e.round !== 2);
    assert.deepEqual(
      buildRunReport(header, without2).overRounds.map((r) => r.round),
      [0, 1, 3],
    );
  });
});
