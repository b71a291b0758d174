// Survey answers in the society view's trace table (issue 48): one row per agent and
// administration, the instrument as detail, each item's answer (– when missing).
import * as assert from 'node:assert/strict';
import { rowOf } from '../../../webview/model/traceRows';
import { TRACE_ROW_KINDS } from '../../../src/core/protocol/viewMessages';
import { itemTexts } from '../../../src/core/trace/itemTexts';

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

  it('names each item by its question where the header gives it, cut at a word when long', () => {
    const header = {
      instruments: [
        {
          id: 'mini-ipip',
          title: 'Mini-IPIP',
          items: [
            { id: 'q1', text: 'Am the life of the party.' },
            { id: 'q2', text: 'Sympathize with others’ feelings, even when they are strangers to me.' },
          ],
        },
      ],
    };
    const row = rowOf(
      { type: 'survey', round: 0, agent: 'maya', instrument: 'mini-ipip', answers: { q1: 4, q2: 2, q9: 1 } },
      7,
      undefined,
      undefined,
      undefined,
      itemTexts(header),
    );
    assert.equal(row?.text, 'Am the life of the party.: 4 · Sympathize with others’ feelings, even when…: 2 · q9: 1');
  });

  it('reads a hostile header’s instruments without trusting their shape or keys', () => {
    const of = itemTexts({
      instruments: [
        null,
        {
          id: '__proto__',
          items: [
            { id: 'constructor', text: 'Really?' },
            { id: 3, text: 'x' },
          ],
        },
        { id: 'a', items: 'not a list' },
      ] as never,
    });
    assert.equal(of('__proto__', 'constructor'), 'Really?');
    assert.equal(of('a', 'q1'), undefined);
    assert.equal(of('mini-ipip', 'toString'), undefined);
    assert.equal(itemTexts({ instruments: 'nope' as never })('x', 'y'), undefined);
  });
});
