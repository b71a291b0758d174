// A run into files as `society run` makes it: the trace and a checkpoint after every round, begun
// fresh or resumed from that checkpoint (memories read back from the trace), and stopped before
// the step `stop` names. Shared by the resume and the round-index tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scenario } from '../../src/core/format/model/model';
import type { Phase } from '../../src/core/trace/events';
import { Simulation, type RunResult } from '../../src/core/engine/kernel/simulation';
import { parseCheckpoint, writeCheckpoint, type Checkpoint } from '../../src/core/engine/persist/checkpoint';
import { TraceWriter } from '../../src/core/trace/writer';
import { memoriesFromTrace } from '../../src/core/replay/traceMemories';

export interface FileRun {
  /** Stop the run before this step (a phase names its phase; a round step passes none). */
  stop?: (round: number, phase?: Phase) => boolean;
  /** Continue from `checkpoint.json` and the trace in the folder. */
  resume?: boolean;
  /** The trace writer's spill size (TraceWriter.toFile). */
  spill?: number;
  /** Called after each checkpoint is written, with it and its file. */
  checkpointed?: (cp: Checkpoint, file: string) => void;
}

export async function runToFiles(
  dir: string,
  sc: Scenario,
  o: FileRun = {},
): Promise<{ trace: string; status: RunResult['status'] }> {
  const trace = path.join(dir, 'trace.jsonl'),
    cpFile = path.join(dir, 'checkpoint.json');
  let sim: Simulation, writer: TraceWriter;
  if (o.resume) {
    const cp = parseCheckpoint(fs.readFileSync(cpFile, 'utf8'));
    sim = Simulation.restore(sc, cp, { memories: memoriesFromTrace(trace, cp.trace!.bytes) });
    writer = TraceWriter.appendToFile(trace, cp.trace!, o.spill);
  } else {
    sim = Simulation.create(sc);
    writer = TraceWriter.toFile(trace, o.spill);
    writer.header(sim.header);
  }
  sim.on(writer.listener);
  sim.afterRound = async () => {
    await writer.flush();
    const cp = sim.snapshot();
    cp.trace = { bytes: writer.bytes, lines: writer.lines };
    writeCheckpoint(cpFile, cp);
    o.checkpointed?.(cp, cpFile);
  };
  const controller = new AbortController();
  const stop = o.stop;
  if (stop) {
    sim.gate = (p) => {
      if (stop(p.round, p.kind === 'phase' ? p.phase : undefined)) controller.abort();
    };
  }
  const r = await sim.run(controller.signal);
  if (r.status === 'aborted') writer.discard();
  await writer.close();
  return { trace, status: r.status };
}
