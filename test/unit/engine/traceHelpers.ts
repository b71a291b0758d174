// Running a simulation into an in-memory JSONL trace, for determinism, resume and replay tests.
import { PassThrough } from 'node:stream';
import type { Scenario } from '../../../src/core/format/language/model';
import { Simulation, type SimulationOptions } from '../../../src/core/engine/simulation';
import { TraceWriter } from '../../../src/core/trace/writer';

export async function traceOf(scenario: Scenario, opts: SimulationOptions = {}): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = TraceWriter.toStream(out);
  const sim = Simulation.create(scenario, opts);
  writer.header(sim.header);
  sim.on(writer.listener);
  sim.afterRound = () => writer.flush();
  await sim.run();
  await writer.close();
  return Buffer.concat(chunks).toString('utf8');
}
