// The status bar speaks for the newest run or debug session, and the one before comes back when it leaves.
import * as assert from 'node:assert/strict';
import { StatusOwners } from '../../../src/extension/run/statusOwners';

describe('status bar owners', () => {
  it('gives a running run its item back when a debug session started during it ends', () => {
    const s = new StatusOwners(),
      run = {},
      debug = {};
    s.set(run, 'round 1/300', 'friends');
    s.set(debug, 'debugging friends');
    s.update(run, 'round 60/300');
    assert.equal(s.shown()?.text, 'debugging friends', 'the newest speaks');
    s.clear(debug);
    assert.deepEqual(s.shown(), { text: 'round 60/300', tooltip: 'friends' });
    s.ended(run, 'stopped after round 67/300');
    assert.equal(s.shown()?.text, 'stopped after round 67/300');
  });

  it("lets an ended run's summary go for good once someone else comes", () => {
    const s = new StatusOwners(),
      run = {},
      debug = {};
    s.set(run, 'round 1/3');
    s.ended(run, 'round 3/3 · 16 agents');
    s.set(debug, 'debugging friends');
    s.clear(debug);
    assert.equal(s.shown(), undefined, 'not the old summary again');
  });
});
