// The pre-run estimate against real runs: reflections at most once per agent and round, and
// rooms of two counted by the room rule (as engine/phases/meet/conversation.ts runs them).
import * as assert from 'node:assert/strict';
import type { ModelConfig, Scenario } from '../../../src/core/format/model/model';
import type { AgentModel, DecisionKind, DecisionRequest } from '../../../src/core/llm/types';
import { OfflineModel } from '../../../src/core/llm/offline';
import { estimateRun, reflections } from '../../../src/core/llm/estimate';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { withOverrides } from '../../../src/core/experiment/overrides';
import { makeScenario } from '../engine/scenarioFixture';

/** Run the scenario on the offline model and count its decisions by kind. */
async function countedRun(s: Scenario): Promise<Partial<Record<DecisionKind, number>> & { total: number }> {
  const counts: Partial<Record<DecisionKind, number>> & { total: number } = { total: 0 };
  const factory = (cfg: ModelConfig, seed: number): AgentModel => {
    const inner = new OfflineModel(cfg.name, seed);
    return {
      name: cfg.name,
      provider: 'offline',
      label: inner.label,
      decide: <R extends DecisionRequest>(req: R, signal?: AbortSignal) => {
        counts[req.kind] = (counts[req.kind] ?? 0) + 1;
        counts.total++;
        return inner.decide(req, signal);
      },
    };
  };
  const sim = Simulation.create(s, { modelFactory: factory });
  assert.equal((await sim.run()).status, 'completed');
  return counts;
}

const calls = (s: Scenario, kind: DecisionKind): number =>
  estimateRun(s).models.reduce((n, m) => n + (m.by_kind[kind]?.calls ?? 0), 0);

describe('estimate against real runs', () => {
  it('reflects at most once per agent and round', () => {
    assert.equal(reflections(6, 40, 1), 6);
    assert.equal(reflections(6, 40, 0), 6);
    assert.equal(reflections(30, 20, 150), 3, 'every ceil(150 / 20) = 8 rounds');
    assert.equal(reflections(30, 15, 150), 3, 'every 10 rounds');
    assert.equal(reflections(0, 20, 150), 0);
  });

  it('6 agents × 6 rounds with reflect_at 1: the estimate matches the run (uncapped it said 1,278 calls for 324)', async () => {
    const base = makeScenario(6);
    const s = makeScenario(6, {
      world: { ...base.world, rounds: 6 },
      coaching: { enabled: true, every: 1 },
      memory: { ...base.memory, reflect_at: 1 },
    });
    const real = await countedRun(s);
    const estimate = estimateRun(s);
    assert.equal(calls(s, 'reflect'), 6 * 6);
    assert.equal(real.reflect, 6 * 6, 'the engine reflects every agent-round here');
    assert.ok(
      Math.abs(estimate.total.calls - real.total) / real.total < 0.1,
      `estimated ${estimate.total.calls} calls, the run made ${real.total}`,
    );
  });

  it("reflections with the default reflect_at are near the run's", async () => {
    const base = makeScenario(8);
    const s = makeScenario(8, { world: { ...base.world, rounds: 30 }, coaching: { enabled: true, every: 1 } });
    const real = await countedRun(s);
    const est = calls(s, 'reflect');
    assert.ok(est <= 8 * 30);
    assert.ok(
      Math.abs(est - real.reflect!) <= Math.max(4, 0.35 * real.reflect!),
      `estimated ${est} reflections, the run made ${real.reflect}`,
    );
  });

  it('a pair conversation is rated by each side that spoke: once at one turn, twice at more (issue 86)', async () => {
    for (const turns of [1, 2, 3]) {
      const base = makeScenario(6);
      const s = makeScenario(6, {
        world: {
          ...base.world,
          rounds: 3,
          encounters: { mode: 'random', per_round: 1, exploration: 0 },
          conversation: { turns },
        },
      });
      const real = await countedRun(s);
      assert.equal(calls(s, 'evaluate'), real.evaluate, `turns ${turns}`);
      assert.equal(real.evaluate, 6 * 3 * Math.min(turns, 2), `turns ${turns}`);
    }
  });

  it('a room of two follows the room rule: both members speak, with turns 1 too', async () => {
    const base = makeScenario(4);
    const s = makeScenario(4, {
      world: {
        ...base.world,
        rounds: 3,
        encounters: { mode: 'random', per_round: 0, exploration: 0 },
        conversation: { turns: 1 },
        rooms: [{ name: 'duo', members: ['p0', 'p1'], size: 4 }],
      },
    });
    const real = await countedRun(s);
    assert.equal(real.speak, 3 * 2);
    assert.equal(calls(s, 'speak'), 3 * 2);
    assert.equal(calls(s, 'evaluate'), real.evaluate);
  });
});

describe("estimate of an experiment condition's rooms", () => {
  it("fills in the rooms' defaults as the run does (members [], size 4), instead of failing", async () => {
    const base = makeScenario(6);
    const s = withOverrides(makeScenario(6, { world: { ...base.world, rounds: 2 } }), {
      'world.rooms': [{ name: 'r', size: 3 }, { name: 'q' }],
    });
    const e = estimateRun(s);
    const real = await countedRun(s);
    const speak = e.models[0].by_kind.speak!.calls;
    assert.equal(speak, real.speak, `estimated ${speak} messages, the run said ${real.speak}`);
    assert.equal(e.models[0].by_kind.evaluate!.calls, real.evaluate);
  });
});
