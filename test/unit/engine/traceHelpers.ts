// Running a simulation into an in-memory JSONL trace, for determinism, resume and replay tests.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { loadScenarioFile } from '../../../src/core/format/language/load';
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

/** An example scenario (`examples/<file>`), loaded as the CLI loads it; it must check clean. */
export async function example(file: string): Promise<Scenario> {
  const { scenario, diagnostics } = await loadScenarioFile(path.join(__dirname, '../../../examples', file));
  assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
  return scenario;
}
