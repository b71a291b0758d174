// The trace table's rows for knowledge (issue 44: 5): a message says what it told and doubted, and
// a `learned` event is a row of its own — the teller as the speaker, the learner as the other
// party, so filtering on either finds it — that says who learned what from whom.
import assert from 'node:assert/strict';
import type { TraceEvent } from '../../../src/core/trace/events';
import { filterRows, rowOf } from '../../../webview/model/traceRows';
import { DEFAULT_FILTER } from '../../../src/core/protocol/viewMessages';

const names: Record<string, string> = { isa: 'Isabella Rodriguez', bo: 'Bo Lee' };
const nameOf = (id: string) => names[id];

describe('trace table: knowledge rows', () => {
  it('a message that tells and doubts says so in its detail', () => {
    const row = rowOf(
      {
        type: 'message',
        round: 2,
        encounter: '2:isa:0',
        turn: 1,
        from: 'isa',
        to: 'bo',
        act: 'share',
        text: 'Bo, have you heard? …',
        topic: 'parties',
        tells: ['party'],
        doubts: ['rumour'],
      } as TraceEvent,
      0,
    )!;
    assert.equal(row.detail, 'share · parties · tells party · doubts rumour');
  });

  it('learned: the teller speaks, the learner is the other party; from the start, the learner alone', () => {
    const told = rowOf(
      { type: 'learned', round: 2, agent: 'bo', item: 'party', from: 'isa', encounter: '2:isa:0', believed: false },
      5,
      nameOf,
    )!;
    assert.deepEqual(
      { kind: told.kind, from: told.from, to: told.to, detail: told.detail, text: told.text },
      {
        kind: 'learned',
        from: 'isa',
        to: 'bo',
        detail: 'party · doubted',
        text: 'Bo Lee learned party from Isabella Rodriguez, and doubts it',
      },
    );
    const start = rowOf({ type: 'learned', round: 0, agent: 'isa', item: 'party', believed: true }, 1, nameOf)!;
    assert.equal(start.from, 'isa');
    assert.equal(start.to, undefined);
    assert.equal(start.text, 'Isabella Rodriguez knows party from the start');
    const rows = [told, start];
    assert.equal(
      filterRows(rows, { ...DEFAULT_FILTER, agent: 'bo' }, 2, (id) => names[id] ?? id).length,
      1,
      'the learner finds it',
    );
    assert.equal(
      filterRows(rows, { ...DEFAULT_FILTER, kinds: ['message'] }, 2, (id) => names[id] ?? id).length,
      0,
      'a kind of its own',
    );
  });
});
