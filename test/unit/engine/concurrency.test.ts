// Phase-synchronous rounds: the independent decisions of a stage are in flight together, bounded
// by the model's concurrency, and the trace does not depend on how they interleave.
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { makeScenario } from './scenarioFixture';
import { Simulation, type SimulationOptions } from '../../../src/core/engine/kernel/simulation';
import { TraceWriter } from '../../../src/core/trace/writer';
import { OfflineModel } from '../../../src/core/llm/offline';
import { hashKey } from '../../../src/core/random/rng';
import type { AgentModel, DecisionRequest, DecisionResponse } from '../../../src/core/llm/types';
import type { Scenario } from '../../../src/core/format/model/model';

/** The offline model answering after a delay that depends on the request (so calls finish out of order). */
class SlowModel implements AgentModel {
  readonly provider = 'offline' as const;
  readonly label = 'slow offline';
  inFlight = 0;
  maxInFlight = 0;
  calls = 0;
  constructor(private readonly inner: OfflineModel) {}
  get name(): string {
    return this.inner.name;
  }
  async decide<R extends DecisionRequest>(req: R): Promise<DecisionResponse<R>> {
    this.calls++;
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    await new Promise((r) => setTimeout(r, hashKey(req.key) % 3));
    this.inFlight--;
    return this.inner.decideNow(req);
  }
}

async function run(
  sc: Scenario,
  opts: SimulationOptions & { gate?: boolean } = {},
): Promise<{ trace: string; models: SlowModel[] }> {
  const models: SlowModel[] = [];
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = TraceWriter.toStream(out);
  const sim = Simulation.create(sc, {
    ...opts,
    modelFactory: (cfg, seed) => {
      const m = new SlowModel(new OfflineModel(cfg.name, seed));
      models.push(m);
      return m;
    },
  });
  if (opts.gate) sim.gate = () => Promise.resolve();
  writer.header(sim.header);
  sim.on(writer.listener);
  sim.afterRound = () => writer.flush();
  await sim.run();
  await writer.close();
  return { trace: Buffer.concat(chunks).toString('utf8'), models };
}

describe('concurrent stages', function () {
  const base = makeScenario(10);
  const sc = makeScenario(10, {
    world: {
      ...base.world,
      rounds: 4,
      encounters: { mode: 'recommend', per_round: 2, exploration: 0.2 },
      rooms: [{ name: 'lounge', topic: 'music', members: [], size: 4 }],
    },
    coaching: { enabled: true, every: 1 },
    models: { default: { ...base.models.default, concurrency: 4 } },
  });

  it('issues independent decisions together, never more than the model allows', async () => {
    const { models } = await run(sc);
    const m = models[0];
    assert.ok(m.calls > 100);
    assert.ok(m.maxInFlight > 1, `max in flight ${m.maxInFlight}`);
    assert.ok(m.maxInFlight <= 4, `max in flight ${m.maxInFlight}`);
  });

  it('writes the same trace concurrently, one by one, and under a debugger gate', async () => {
    const concurrent = (await run(sc)).trace;
    const wide = (await run(sc, { concurrency: 16 })).trace;
    const serial = await run(sc, { concurrency: 1 });
    const gated = (await run(sc, { gate: true })).trace;
    assert.equal(wide, concurrent);
    assert.equal(serial.trace, concurrent);
    assert.equal(gated, concurrent);
  });
});
