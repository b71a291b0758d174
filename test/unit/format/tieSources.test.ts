// What can make ties in a scenario (issue 42, point 3), from what its author wrote: the examples
// that form ties say so, a round of action phases alone says none, and each other way a tie can
// come about (relationships, an action's `ties:`, a module) is named.
import assert from 'node:assert/strict';
import { formsTies, tieSources } from '../../../src/core/format/model/tieSources';
import { societyDesign } from '../../../src/core/protocol/viewMessages';
import { makeScenario } from '../engine/scenarioFixture';
import { example, scenarioFromText } from '../engine/traceHelpers';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';

const STATE_SOCIETY = path.join(__dirname, '../../fixtures/state-society/public-goods.society');

/** A world of one quantity and one action, with `round` and `ties` for the action as given. */
const actionWorld = (round: string, ties = '') => `kind: scenario
name: t
personas:
  - { id: a, name: A }
  - { id: b, name: B }
state:
  agents:
    coins: { initial: 3, min: 0 }
actions:
  help:
    description: Help someone.
    args:
      whom: { type: agent }
    effects:
      whom.coins: "whom.coins + 1.0"
${ties}
  rest:
    description: Rest.
round:
${round}
`;

describe('tie sources of a scenario', () => {
  it('the friend-making loop (the default round) forms ties by evaluating conversations', async () => {
    assert.deepEqual(tieSources(makeScenario(3)), ['evaluate']);
    assert.deepEqual(tieSources(await example('friends/friends.society')), ['relationships', 'evaluate']);
    assert.deepEqual(tieSources(await example('donor-game/donor-game.society')), ['evaluate']);
    assert.deepEqual(tieSources(await example('forum/forum.society')), ['relationships', 'evaluate', 'actions']);
  });

  it('a round of action phases alone forms none', async () => {
    const { scenario } = await loadScenarioFile(STATE_SOCIETY);
    assert.deepEqual(tieSources(scenario!), []);
    assert.equal(formsTies(tieSources(scenario!)), false);
    assert.deepEqual(societyDesign(scenario!), { ties: [] });
  });

  it('names an action that moves a tie, only when a phase offers it', async () => {
    const tying = '    ties: { whom: 0.2 }';
    const offered = await scenarioFromText(actionWorld('  - phase: work\n    actions: [help, rest]', tying));
    assert.deepEqual(tieSources(offered), ['actions']);
    const unoffered = await scenarioFromText(actionWorld('  - phase: work\n    actions: [rest]', tying));
    assert.deepEqual(tieSources(unoffered), []);
    const untied = await scenarioFromText(actionWorld('  - phase: work'));
    assert.deepEqual(tieSources(untied), []);
  });

  it('names relationships (of personas added later too) and a module, which alone may or may not form ties', () => {
    const s = makeScenario(2, { round: [] });
    assert.deepEqual(tieSources(s), []);
    s.events = [
      { at: 2, add: [{ ...makeScenario(1).personas[0], id: 'late', relationships: [{ with: 'p0', tie: 0.5 }] }] },
    ];
    assert.deepEqual(tieSources(s), ['relationships']);
    const m = makeScenario(2, { round: [], module: 'rules.mjs' });
    assert.deepEqual(tieSources(m), ['module']);
    assert.equal(formsTies(['module']), false, 'a module says only in its trace whether it made ties');
    assert.equal(formsTies(['module', 'evaluate']), true);
  });
});
