// The trace table's rows for declared actions: a post shows its text (and what it replies to), a
// like or a follow names the agent it was about, a sanction its target, and each names its phase.
import assert from 'node:assert/strict';
import type { TraceEvent } from '../../../src/core/trace/events';
import { rowOf } from '../../../webview/model/traceRows';

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
});
