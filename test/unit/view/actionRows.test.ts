// The trace table's rows for declared actions: a post shows its text (and what it replies to), a
// like or a follow names the agent it was about, a sanction its target, and each names its phase.
import assert from 'node:assert/strict';
import type { TraceEvent } from '../../../src/core/trace/events';
import { filterRows, rowAgents, rowOf } from '../../../webview/model/traceRows';
import { DEFAULT_FILTER, type TraceFilter } from '../../../src/core/protocol/viewMessages';

const action = (extra: Record<string, unknown>): TraceEvent =>
  ({ type: 'action', round: 3, agent: 'ana', action: 'x', args: {}, changes: {}, ...extra }) as TraceEvent;

describe('trace table: action rows', () => {
  it('a reply shows its text, the post it answers and its author as the other party', () => {
    const row = rowOf(
      action({
        action: 'reply',
        args: { to: 'p4' },
        phase: 'browse',
        post: { id: 'p9', feed: 'forum', text: 'Same here, Bo!', reply_to: 'p4' },
        toward: 'bo',
        reason: 'I have something to say',
      }),
      0,
    )!;
    assert.equal(row.to, 'bo', 'the author, not the post id');
    assert.equal(row.detail, 'browse: reply · to p4');
    assert.equal(row.text, 'p9 ↩ p4: Same here, Bo! — I have something to say');
  });

  it('a like or a follow names whom it was about and says nothing changed only when nothing did', () => {
    const like = rowOf(action({ action: 'like', args: { it: 'p2' }, liked: 'p2', toward: 'cy' }), 0)!;
    assert.equal(like.to, 'cy');
    assert.ok(!/nothing changed/.test(like.text));
    const idle = rowOf(action({ action: 'rest' }), 0)!;
    assert.equal(idle.text, 'nothing changed');
    assert.equal(idle.to, undefined);
  });

  it('a sanction names its target from the agent argument, as before', () => {
    const row = rowOf(
      action({ action: 'fine', args: { whom: 'bo' }, changes: { 'bo.catch': [4, 2] }, reason: 'took too much' }),
      0,
    )!;
    assert.equal(row.to, 'bo');
    assert.equal(row.detail, 'fine · whom bo');
    assert.equal(row.text, 'bo.catch 4 → 2 — took too much');
  });

  describe('by name', () => {
    const names: Record<string, string> = { t14: 'Abigail Chen', t3: 'Bea Lund', p4: 'Pia Four' };
    const nameOf = (id: string) => names[id];

    it("reads each changed quantity as its owner's, by name; the world's as written", () => {
      const row = rowOf(
        action({
          agent: 't14',
          action: 'give',
          args: { recipient: 't3', amount: 2 },
          changes: { 't14.wealth': [10, 8], 't3.wealth': [10, 12], 'world.pot': [0, 1] },
          reason: 'give: lowers my wealth by 2',
        }),
        0,
        nameOf,
      )!;
      assert.equal(row.detail, 'give · recipient Bea Lund, amount 2');
      assert.equal(
        row.text,
        "Abigail Chen's wealth 10 → 8; Bea Lund's wealth 10 → 12; world.pot 0 → 1 — give: lowers my wealth by 2",
      );
      assert.deepEqual([row.from, row.to, row.also], ['t14', 't3', undefined], 'the ids stay for the filter');
    });

    it('keeps the reason as the model wrote it, ids and all', () => {
      const row = rowOf(
        action({ agent: 't14', action: 'go_park', changes: { 't14.place': [0, 2] }, reason: 't3 is there' }),
        0,
        nameOf,
      )!;
      assert.equal(row.text, "Abigail Chen's place 0 → 2 — t3 is there");
    });

    it('names a post argument by its id even when an agent has the same id', () => {
      const row = rowOf(
        action({ agent: 't14', action: 'like', args: { it: 'p4' }, liked: 'p4', toward: 't3' }),
        0,
        nameOf,
      )!;
      assert.equal(row.detail, 'like · it p4');
      assert.equal(row.to, 't3');
    });

    it('lists a second agent the action names, so the filter and the search find the row by it', () => {
      const row = rowOf(
        action({ agent: 't14', action: 'swap', args: { a: 't3', b: 'p4' }, changes: { 'p4.wealth': [1, 2] } }),
        0,
        nameOf,
      )!;
      assert.deepEqual([row.to, row.also], ['t3', ['p4']]);
      assert.deepEqual(rowAgents(row), ['t14', 't3', 'p4']);
      assert.equal(row.detail, 'swap · a Bea Lund, b Pia Four');
      const find = (f: Partial<TraceFilter>) =>
        filterRows([row], { ...DEFAULT_FILTER, ...f }, 3, (id) => names[id] ?? id).length;
      for (const search of ['p4', 'pia', 'abigail', 't14', "pia four's wealth"]) {
        assert.equal(find({ search }), 1, search);
      }
      assert.equal(find({ agent: 'p4' }), 1, 'the agent filter too');
      assert.equal(find({ search: 'nobody' }), 0);
    });
  });
});
