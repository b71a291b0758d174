// The trace on a thread of its own (trace/offThreadWriter.ts, `--engine-threads`): the same bytes,
// index and checkpoints as on the engine's thread, a resume that continues it byte for byte, and a
// failed write that still reaches the run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scenario } from '../../../src/core/format/model/model';
import { parseCheckpoint } from '../../../src/core/engine/persist/checkpoint';
import { RunHarness } from '../../../src/core/run/runHarness';
import { memoriesFromTrace } from '../../../src/core/replay/traceMemories';
import { OffThreadTraceWriter } from '../../../src/core/trace/offThreadWriter';
import { TraceWriter } from '../../../src/core/trace/writer';
import { indexPathOf } from '../../../src/core/trace/roundIndex';
import { roomsScenario } from '../engine/scenarioFixture';
import { example } from '../engine/traceHelpers';
import { scratchDir } from '../../support/scratch';

interface Ran {
  trace: Buffer;
  rounds: unknown;
  checkpointTrace: unknown;
  offThread: boolean;
}

/** A run into a fresh folder with `threads`, stopped after `stopAt` rounds (then resumed) when given. */
async function ran(s: Scenario, threads: number, stopAt?: number): Promise<Ran> {
  const dir = scratchDir('society-trace-thread-');
  const trace = path.join(dir, 'trace.jsonl'),
    cpPath = path.join(dir, 'checkpoint.json');
  let offThread = false;
  const open = (resume: boolean): RunHarness => {
    const cp = resume ? parseCheckpoint(fs.readFileSync(cpPath, 'utf8')) : undefined;
    const h = RunHarness.open(s, {
      ...(cp ? { resume: { checkpoint: cp, memories: memoriesFromTrace(trace, cp.trace!.bytes) } } : {}),
      trace: { path: trace, threads },
      checkpoints: { path: cpPath, every: 1 },
      ...(resume || stopAt === undefined ? {} : { stopAfterRound: () => (h?.checkpointed ?? -1) + 1 >= stopAt }),
    });
    offThread ||= h.writer instanceof OffThreadTraceWriter;
    return h;
  };
  let h: RunHarness | undefined;
  h = open(false);
  await h.run();
  if (stopAt !== undefined) {
    assert.ok(h.stoppedAtRoundEnd, 'the first run stopped at a round end');
    h = open(true);
    await h.run();
  }
  const index = JSON.parse(fs.readFileSync(indexPathOf(trace), 'utf8')) as { rounds: unknown };
  return {
    trace: fs.readFileSync(trace),
    rounds: index.rounds,
    checkpointTrace: parseCheckpoint(fs.readFileSync(cpPath, 'utf8')).trace,
    offThread,
  };
}

describe('the trace on a thread of its own', function () {
  for (const [name, scenario] of [
    ['examples/friends', () => example('friends/friends.society')],
    ['examples/commons', () => example('commons/commons.society')],
    ['rooms and coaching', async () => roomsScenario(16, 6)],
  ] as const) {
    it(`${name}: 1 and 2 threads write the same bytes, index and checkpoint`, async () => {
      const one = await ran(await scenario(), 1);
      const two = await ran(await scenario(), 2);
      assert.equal(one.offThread, false);
      assert.equal(two.offThread, true, 'with 2 threads the trace has its own');
      assert.ok(one.trace.length > 10_000);
      assert.ok(one.trace.equals(two.trace), 'the same trace');
      assert.deepEqual(two.rounds, one.rounds);
      assert.deepEqual(two.checkpointTrace, one.checkpointTrace);
    });
  }

  it('stopped after round 2 and resumed with 2 threads: the uninterrupted trace', async () => {
    const whole = await ran(await example('friends/friends.society'), 1);
    const resumed = await ran(await example('friends/friends.society'), 2, 2);
    assert.ok(resumed.offThread);
    assert.ok(whole.trace.equals(resumed.trace), 'the same trace');
    assert.deepEqual(resumed.rounds, whole.rounds);
  });

  it('a write that fails on its thread rejects the flush with the file system error', async () => {
    if (!fs.existsSync('/dev/full')) return; // Linux's always-full device
    const w = new OffThreadTraceWriter(TraceWriter.toFile('/dev/full', 1, { index: false }));
    for (let i = 0; i < 10; i++) w.listener({ type: 'round_start', round: 1 } as never);
    w.listener({ type: 'round_end', round: 1, stats: {} } as never);
    await assert.rejects(w.flush(), (err: NodeJS.ErrnoException) => err.code === 'ENOSPC');
    await assert.rejects(w.close(), (err: NodeJS.ErrnoException) => err.code === 'ENOSPC');
  });
});
