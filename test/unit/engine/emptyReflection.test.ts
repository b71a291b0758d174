// A reflection that finds nothing to write resets nothing: the importance since the last written
// reflection stays counted (so every `reflection` event's importance_sum is the sum of the agent's
// memory events since the previous one), and the agent tries again only after another
// `reflect_at` of importance, not every turn.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Scenario } from '../../../src/core/format/model/model';
import type { TraceEvent } from '../../../src/core/trace/events';
import type { DecisionRequest, DecisionResponse } from '../../../src/core/llm/types';
import { OfflineModel } from '../../../src/core/llm/offline';
import { readTrace } from '../../../src/core/trace/reader';
import { makeScenario } from './scenarioFixture';
import { traceOf } from './traceHelpers';
import { runInto } from './resumeHelper';

/**
 * One agent alone (no partners): round 1 it remembers its seed (6) and a reward observation (3),
 * which passes reflect_at 5, but one observation gives the offline model nothing to conclude.
 */
function lonely(rounds = 6): Scenario {
  const sc = makeScenario(1);
  return { ...sc, world: { ...sc.world, rounds }, memory: { ...sc.memory, reflect_at: 5 } };
}

/** Checks importance_sum of every reflection against the memory events since the previous one. */
function reconcile(events: TraceEvent[], agent: string): number {
  let running = 0,
    reflections = 0,
    lastRound = -1,
    lastSum = 0;
  for (const e of events) {
    if (e.type === 'memory' && e.agent === agent && e.memory.kind !== 'reflection') running += e.memory.importance;
    if (e.type === 'reflection' && e.agent === agent) {
      reflections++;
      if (e.round === lastRound) {
        assert.equal(e.importance_sum, lastSum);
        continue;
      }
      assert.equal(
        e.importance_sum,
        running,
        `round ${e.round}: importance_sum ${e.importance_sum}, memory events since the last reflection ${running}`,
      );
      lastRound = e.round;
      lastSum = running;
      running = 0;
    }
  }
  return reflections;
}

describe('a reflection with no insight', () => {
  it('keeps the importance counted, so importance_sum reconciles with the trace', async () => {
    const { events, errors } = readTrace(await traceOf(lonely()));
    assert.deepEqual(errors, []);
    assert.ok(reconcile(events, 'p0') > 0, 'the agent reflects once it has something to say');
  });

  it('reconciles in a busy society too', async () => {
    const sc = makeScenario(8, { coaching: { enabled: true, every: 1 } });
    const { events } = readTrace(
      await traceOf({ ...sc, world: { ...sc.world, rounds: 8 }, memory: { ...sc.memory, reflect_at: 20 } }),
    );
    for (const id of ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']) reconcile(events, id);
  });

  it('is tried again after another reflect_at of importance, not every turn', async () => {
    const attempts: number[] = [];
    class NothingToSay extends OfflineModel {
      override decideNow<R extends DecisionRequest>(req: R): DecisionResponse<R> {
        if (req.kind !== 'reflect') return super.decideNow(req);
        attempts.push(req.round);
        return {
          insights: [],
          usage: { model: this.name, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
        } as unknown as DecisionResponse<R>;
      }
    }
    const trace = await traceOf(lonely(8), { modelFactory: (cfg, seed) => new NothingToSay(cfg.name, seed) });
    // Importance 9 after round 1, then 3 a round: attempts when 5 more have come in since the last.
    assert.deepEqual(attempts, [1, 3, 5, 7]);
    assert.doesNotMatch(trace, /"type":"reflection"/);
  });

  it('a run resumed while a reflection is deferred writes the uninterrupted trace', async () => {
    const expected = await traceOf(lonely());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-reflect-'));
    try {
      await runInto(dir, lonely(), { stopAfter: 1 });
      assert.equal(await runInto(dir, lonely(), { resume: true }), expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
