// The debugger's `play` launch option is checked with the others, before anything is loaded.
import * as assert from 'node:assert/strict';
import { launchArgsProblem } from '../../../src/debug/launchArgs';

describe('launch option "play"', () => {
  it('takes an agent id and refuses anything else with a sentence', () => {
    assert.equal(launchArgsProblem({ scenario: 'a.society', play: 'maya_chen' }), undefined);
    assert.match(
      launchArgsProblem({ scenario: 'a.society', play: 3 }) ?? '',
      /"play" must be the id of the agent you play \(got 3\)/,
    );
    assert.match(launchArgsProblem({ scenario: 'a.society', play: ' ' }) ?? '', /"play" must be the id/);
  });
});
