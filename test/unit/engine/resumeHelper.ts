// Run a scenario into files with a checkpoint after every round, stopping after a given round, and
// resume it from that checkpoint: for tests that compare a resumed trace with an uninterrupted one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scenario } from '../../../src/core/format/model/model';
import { Simulation, type SimulationOptions } from '../../../src/core/engine/kernel/simulation';
import { parseCheckpoint, writeCheckpoint } from '../../../src/core/engine/persist/checkpoint';
import { memoriesFromTrace } from '../../../src/core/replay/traceMemories';
import { TraceWriter } from '../../../src/core/trace/writer';

/** Runs to the end, or stops once round `stopAfter` is checkpointed; returns the trace file's text. */
export async function runInto(
  dir: string,
  sc: Scenario,
  opts: { stopAfter?: number; resume?: boolean; sim?: SimulationOptions } = {},
): Promise<string> {
  const trace = path.join(dir, 'trace.jsonl'),
    cpFile = path.join(dir, 'checkpoint.json');
  let sim: Simulation, writer: TraceWriter;
  if (opts.resume) {
    const cp = parseCheckpoint(fs.readFileSync(cpFile, 'utf8'));
    sim = Simulation.restore(sc, cp, { ...opts.sim, memories: memoriesFromTrace(trace, cp.trace!.bytes) });
    writer = TraceWriter.appendToFile(trace, cp.trace!);
  } else {
    sim = Simulation.create(sc, opts.sim);
    writer = TraceWriter.toFile(trace);
    writer.header(sim.header);
  }
  sim.on(writer.listener);
  const controller = new AbortController();
  sim.afterRound = async (round) => {
    await writer.flush();
    const cp = sim.snapshot();
    cp.trace = { bytes: writer.bytes, lines: writer.lines };
    writeCheckpoint(cpFile, cp);
    if (round === opts.stopAfter) controller.abort();
  };
  const r = await sim.run(controller.signal);
  if (r.status === 'aborted') writer.discard();
  await writer.close();
  return fs.readFileSync(trace, 'utf8');
}
