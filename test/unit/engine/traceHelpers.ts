// Running a simulation into an in-memory JSONL trace, for determinism, resume and replay tests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import type { SimulationOptions } from '../../../src/core/engine/kernel/simulation';
import { runToText } from '../../support/runToText';
import { scratchDir } from '../../support/scratch';

/** The trace of a run to its end (runToText: the trace of a stream, flushed at every round's end). */
export async function traceOf(scenario: Scenario, opts: SimulationOptions = {}): Promise<string> {
  return (await runToText(scenario, opts)).trace;
}

/** An example scenario (`examples/<file>`), loaded as the CLI loads it; it must check clean. */
export async function example(file: string): Promise<Scenario> {
  const { scenario, diagnostics } = await loadScenarioFile(path.join(__dirname, '../../../examples', file));
  assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
  return scenario;
}

/** A scenario from its text, through a file as a user writes it; it must load (warnings allowed). */
export async function scenarioFromText(text: string): Promise<Scenario> {
  const file = path.join(scratchDir('society-scenario-text-'), 'scenario.society');
  fs.writeFileSync(file, text);
  const { scenario, diagnostics } = await loadScenarioFile(file, { root: path.dirname(file) });
  assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
  return scenario;
}

/** A trace's lines (JSONL text), header first, each parsed loosely for assertions. */
export type Line = Record<string, any>;
export const traceLines = (text: string): Line[] =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
