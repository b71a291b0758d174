// Survey answers in the society view's trace table (issue 48): one row per agent and
// administration, the instrument as detail, each item's answer (– when missing).
import * as assert from 'node:assert/strict';
import { rowOf } from '../../../webview/model/traceRows';
import { TRACE_ROW_KINDS } from '../../../src/core/protocol/viewMessages';

describe('survey rows in the trace table', () => {
  it('lists an agent’s answers under its own kind', () => {
    const row = rowOf(
      { type: 'survey', round: 0, agent: 'maya', instrument: 'mini-ipip', answers: { q1: 4, q2: null } },
      7,
    );
    assert.deepEqual(row, {
      index: 7,
      round: 0,
      kind: 'survey',
      from: 'maya',
      detail: 'mini-ipip',
      text: 'q1: 4 · q2: –',
    });
    assert.ok(TRACE_ROW_KINDS.includes('survey'));
  });
});
