// A turn lets go of what it holds (retrieved memories, rewards, choices) once no phase of its round
// can read it (engine/phases/turn.ts letGo): right after `learn` when learn ends the round, else at the
// round's end. An action phase after learn must still see the memories its agent retrieved.
import * as assert from 'node:assert/strict';
import type { DecisionRequest, RetrievedMemory } from '../../../src/core/llm/types';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { recordingFactory } from './recordingModels';
import { example } from './traceHelpers';

/** The memories each kind of request was given, by round and agent. */
async function memoriesByTurn(file: string, rounds: number): Promise<Map<string, Map<string, RetrievedMemory[]>>> {
  const seen = new Map<string, Map<string, RetrievedMemory[]>>();
  const factory = recordingFactory((req: DecisionRequest) => {
    if (!('memories' in req)) return;
    const turn = `${req.round}:${req.persona.id}`;
    if (!seen.has(turn)) seen.set(turn, new Map());
    seen.get(turn)!.set(req.kind, structuredClone(req.memories));
  });
  const s = await example(file);
  s.world = { ...s.world, rounds };
  // Coached every round, so the advice (in learn) and the action (after it) both read the turn's memories.
  s.coaching = { ...s.coaching, enabled: true, every: 1 };
  const sim = Simulation.create(s, { modelFactory: factory });
  assert.equal((await sim.run()).status, 'completed');
  return seen;
}

describe('turns let go after their last phase', () => {
  it('an action phase after learn gets the memories its agent retrieved that round', async function () {
    const turns = await memoriesByTurn('commons/commons.society', 3);
    let compared = 0;
    for (const [turn, byKind] of turns) {
      const act = byKind.get('act'),
        advised = byKind.get('advise');
      if (!act || !advised) continue;
      assert.deepEqual(act, advised, turn);
      if (act.length) compared++;
    }
    assert.ok(compared > 0, 'no turn both took advice and acted with memories');
  });
});
