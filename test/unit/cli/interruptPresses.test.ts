// Ctrl-C in `society run`: the first press finishes the round, a second stops at once, and one press
// delivered twice within milliseconds is still one (QA: under `timeout -s INT`, 2 stops in 25 skipped
// the promised checkpoint, stopping at once).
import * as assert from 'node:assert/strict';
import { InterruptPresses, SIGINT_REPEAT_MS } from '../../../src/cli/interruptPresses';

describe('Ctrl-C presses', () => {
  it('finishes the round on the first press and stops at once on a second', () => {
    const p = new InterruptPresses();
    assert.equal(p.press(1000), 'finish-round');
    assert.equal(p.press(1000 + SIGINT_REPEAT_MS + 200), 'stop-now');
    assert.equal(p.press(5000), 'stop-now');
  });

  it('takes a press delivered twice within milliseconds as one', () => {
    const p = new InterruptPresses();
    assert.equal(p.press(1000), 'finish-round');
    assert.equal(p.press(1000), 'same-press');
    assert.equal(p.press(1000 + SIGINT_REPEAT_MS - 1), 'same-press');
    assert.equal(p.press(1000 + SIGINT_REPEAT_MS), 'stop-now');
  });
});
