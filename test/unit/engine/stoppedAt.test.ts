// Where a stopped run stands, as the editor and the debugger say it (issue 73: "aborted after round 0"
// for a run stopped in round 1).
import * as assert from 'node:assert/strict';
import { stoppedAt } from '../../../src/core/run/stoppedAt';

describe('stoppedAt', () => {
  it('names the round the stop fell in and the rounds complete', () => {
    assert.equal(stoppedAt(0, 30), 'during round 1 (0 of 30 rounds complete)');
    assert.equal(stoppedAt(11, 300), 'during round 12 (11 of 300 rounds complete)');
    assert.equal(stoppedAt(0, 1), 'during round 1 (0 of 1 round complete)');
    assert.equal(stoppedAt(-1, 30), 'during setup, before round 1');
    assert.equal(stoppedAt(30, 30), 'after round 30, the last');
    assert.equal(stoppedAt(4), 'during round 5 (4 rounds complete)');
    assert.equal(stoppedAt(1), 'during round 2 (1 round complete)');
  });
});
