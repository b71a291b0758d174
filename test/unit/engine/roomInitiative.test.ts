// Nobody starts a room's conversation: its first member listed must not be rated as the one who
// reached out (the offline evaluation gives the initiator full initiative from every rater).
import * as assert from 'node:assert/strict';
import type { EvaluateRequest } from '../../../src/core/llm/types';
import { recordingFactory } from './recordingModels';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { makeScenario } from './scenarioFixture';

describe('room conversations', () => {
  it('name no initiator in the evaluations, while a pair names who reached out', async () => {
    const evaluations: EvaluateRequest[] = [];
    const factory = recordingFactory((req) => {
      if (req.kind === 'evaluate') evaluations.push(req);
    });
    const base = makeScenario(5);
    const s = makeScenario(5, {
      world: {
        ...base.world,
        rounds: 2,
        encounters: { mode: 'random', per_round: 1, exploration: 0 },
        rooms: [{ name: 'lounge', members: base.personas.slice(0, 3).map((p) => p.id), size: 4 }],
      },
    });
    assert.equal((await Simulation.create(s, { modelFactory: factory }).run()).status, 'completed');
    const inRoom = evaluations.filter((e) => e.key.includes('lounge'));
    const inPairs = evaluations.filter((e) => !e.key.includes('lounge'));
    assert.ok(inRoom.length > 0 && inPairs.length > 0, `${inRoom.length} room and ${inPairs.length} pair evaluations`);
    assert.ok(
      inRoom.every((e) => e.initiated_by === ''),
      'a room has no initiator',
    );
    assert.ok(
      inPairs.every((e) => e.initiated_by !== ''),
      'a pair names who reached out',
    );
  });
});
