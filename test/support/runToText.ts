// Runs a scenario to completion with its trace written to a stream, as `society run` writes a
// file (flushed after every round), and gives the trace's text: for the tests that compare traces
// (determinism, fingerprints, runs through model endpoints).
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Scenario } from '../../src/core/format/model/model';
import { Simulation, type SimulationOptions } from '../../src/core/engine/kernel/simulation';
import { TraceWriter } from '../../src/core/trace/writer';

export async function runToText(
  sc: Scenario,
  options: SimulationOptions = {},
): Promise<{ trace: string; sim: Simulation }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = TraceWriter.toStream(out);
  const sim = Simulation.create(sc, options);
  writer.header(sim.header);
  sim.on(writer.listener);
  sim.afterRound = () => writer.flush();
  assert.equal((await sim.run()).status, 'completed');
  await writer.close();
  return { trace: Buffer.concat(chunks).toString('utf8'), sim };
}
