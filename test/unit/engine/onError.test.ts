// The models' `on_error` policy: a decision that fails is recorded as an `error` event and either
// skipped (the turn goes on without it) or answered by the offline model; no turn is lost.
import * as assert from 'node:assert/strict';
import { makeScenario } from './scenarioFixture';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { OfflineModel } from '../../../src/core/llm/offline';
import { ModelCallError } from '../../../src/core/llm/errors';
import { hashKey } from '../../../src/core/random/rng';
import type { AgentModel, DecisionRequest, DecisionResponse } from '../../../src/core/llm/types';
import type { FailurePolicy, Scenario } from '../../../src/core/format/model/model';
import type { TraceEvent } from '../../../src/core/trace/events';

/** Answers like the offline model and bills tokens, but fails a deterministic quarter of its decisions. */
class FlakyModel implements AgentModel {
  readonly provider = 'openai' as const;
  readonly label = 'flaky test model';
  failures = 0;
  successes = 0;
  constructor(
    readonly name: string,
    private readonly inner: OfflineModel,
  ) {}
  async decide<R extends DecisionRequest>(req: R): Promise<DecisionResponse<R>> {
    await Promise.resolve();
    const usage = { model: this.name, input_tokens: 100, output_tokens: 10, cost_usd: 0.001 };
    if (hashKey(req.key, 'flaky') % 4 === 0) {
      this.failures++;
      throw new ModelCallError(this.name, req.kind, req.key, 'server_error', 3, [], 'HTTP 503 three times', usage);
    }
    this.successes++;
    return { ...this.inner.decideNow(req), usage };
  }
}

async function flakyRun(
  onError: FailurePolicy,
): Promise<{ events: TraceEvent[]; model: FlakyModel; sim: Simulation; sc: Scenario }> {
  const base = makeScenario(8);
  const sc = makeScenario(8, {
    world: { ...base.world, rounds: 6 },
    coaching: { enabled: true, every: 1 },
    memory: { ...base.memory, reflect_at: 40 },
    models: { default: { ...base.models.default, on_error: onError } },
  });
  let model!: FlakyModel;
  const sim = Simulation.create(sc, {
    modelFactory: (cfg, seed) => (model = new FlakyModel(cfg.name, new OfflineModel(cfg.name, seed))),
  });
  const events: TraceEvent[] = [];
  sim.on((e) => events.push(e));
  assert.equal((await sim.run()).status, 'completed');
  return { events, model, sim, sc };
}

const of = <T extends TraceEvent['type']>(events: TraceEvent[], type: T) =>
  events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);

describe('model failures (on_error)', function () {
  it("'skip': every failure is an error event and every agent turn still has its phases", async () => {
    const { events, model, sc } = await flakyRun('skip');
    const errors = of(events, 'error').filter((e) => e.handling !== 'unasked');
    assert.ok(model.failures > 20, `failures ${model.failures}`);
    assert.equal(errors.length, model.failures);
    // A rating never asked (its partner lost every line) is said too, beside the lines that failed.
    for (const u of of(events, 'error').filter((e) => e.handling === 'unasked')) {
      assert.equal(u.kind, 'evaluate');
      assert.ok(errors.some((e) => e.kind === 'speak' && e.encounter === u.encounter && e.agent !== u.agent));
    }
    assert.ok(
      errors.every(
        (e) =>
          e.handling === 'skipped' &&
          e.agent &&
          e.phase &&
          e.kind &&
          e.reason === 'server_error' &&
          e.usage?.input_tokens === 100,
      ),
    );
    const phasesFailed = new Set(errors.map((e) => e.phase));
    for (const ph of ['decide', 'act', 'evaluate', 'coach']) {
      assert.ok(phasesFailed.has(ph as never), `a ${ph} decision failed`);
    }

    const turns = sc.world.conversation.turns;
    for (let round = 1; round <= sc.world.rounds; round++) {
      const inRound = events.filter((e) => e.round === round);
      for (const p of sc.personas) {
        const mine = (t: TraceEvent) => ('agent' in t && t.agent === p.id) || ('from' in t && t.from === p.id);
        const at = (phase: string) => of(inRound, 'error').filter((e) => e.agent === p.id && e.phase === phase);
        // decide → act: an encounter, or the failed choice.
        assert.ok(of(inRound, 'encounter').some(mine) || at('decide').length, `round ${round} ${p.id}: decide`);
        // reward never calls a model; coach: advice or its error.
        assert.ok(of(inRound, 'reward').some(mine), `round ${round} ${p.id}: reward`);
        assert.ok(of(inRound, 'advice').some(mine) || at('coach').length, `round ${round} ${p.id}: coach`);
      }
      for (const enc of of(inRound, 'encounter')) {
        const said = of(inRound, 'message').filter((m) => m.encounter === enc.id);
        const lost = of(inRound, 'error').filter((e) => e.encounter === enc.id && e.phase === 'act');
        assert.equal(said.length + lost.length, turns, `encounter ${enc.id}: every message said or recorded as failed`);
        const speakers = new Set(said.map((m) => m.from));
        const raters = [enc.from, enc.to].filter((r) => speakers.has(r === enc.from ? enc.to : enc.from));
        const rated = of(inRound, 'evaluation').filter((e) => e.encounter === enc.id);
        const evaluateErrors = of(inRound, 'error').filter((e) => e.encounter === enc.id && e.phase === 'evaluate');
        const failed = evaluateErrors.filter((e) => e.handling !== 'unasked');
        assert.equal(
          rated.length + failed.length,
          raters.length,
          `encounter ${enc.id}: every evaluation made or recorded as failed`,
        );
        // Each side had a turn (turns >= 2): a rating of a side that said nothing is never asked, and said so.
        assert.equal(evaluateErrors.length - failed.length, 2 - raters.length, `encounter ${enc.id}: never asked`);
      }
    }
  });

  it("'offline': failed decisions are answered by the offline model, so every conversation is complete", async () => {
    const { events, model, sc } = await flakyRun('offline');
    const errors = of(events, 'error');
    assert.equal(errors.length, model.failures);
    assert.ok(errors.every((e) => e.handling === 'fallback'));
    for (const enc of of(events, 'encounter')) {
      assert.equal(of(events, 'message').filter((m) => m.encounter === enc.id).length, sc.world.conversation.turns);
      assert.equal(of(events, 'evaluation').filter((e) => e.encounter === enc.id).length, 2);
    }
  });

  it('books tokens and cost per agent, phase and model, failed decisions included', async () => {
    const { model, sim, events } = await flakyRun('skip');
    const u = sim.world.usage;
    assert.equal(u.total.calls, model.successes + model.failures);
    assert.equal(u.total.input_tokens, 100 * (model.successes + model.failures));
    assert.equal(u.failed.get('default'), model.failures);
    assert.deepEqual([...u.byPhase.keys()].sort(), ['act', 'coach', 'decide', 'evaluate', 'reflect']);
    assert.equal(
      [...u.byAgent.values()].reduce((s, t) => s + t.calls, 0),
      u.total.calls,
    );
    const runEnd = of(events, 'run_end')[0];
    assert.equal(runEnd.usage.calls, u.total.calls);
    assert.ok(of(events, 'message').every((m) => m.usage?.output_tokens === 10));
    assert.ok(of(events, 'encounter').every((m) => m.usage?.input_tokens === 100));
  });
});
