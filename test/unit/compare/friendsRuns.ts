// Runs of the friends example made in-process for the compare tests: offline, short, with a seed
// and settings of the test's choosing; their traces in memory or written where a CLI test wants them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { withOverrides } from '../../../src/core/experiment/overrides';
import { declaredOutcomes } from '../../../src/core/analysis/metrics/runTally';
import type { TraceInMemory } from '../../../src/core/analysis/compare/compareRuns';
import type { TraceEvent } from '../../../src/core/trace/events';

export const FRIENDS = path.resolve(__dirname, '../../../examples/friends/friends.society');

let friends: Promise<Scenario> | undefined;
export function friendsScenario(): Promise<Scenario> {
  friends ??= loadScenarioFile(FRIENDS).then((l) => l.scenario!);
  return friends;
}

/** A run of the friends example: `seed`, `rounds`, with `set` applied (`{'coaching.enabled': false}`). */
export async function friendsRun(
  seed: number,
  o: { rounds?: number; set?: Record<string, unknown>; label?: string } = {},
): Promise<TraceInMemory> {
  const scenario = withOverrides(await friendsScenario(), o.set ?? {});
  const sim = Simulation.create(scenario, { seed, rounds: o.rounds ?? 6 });
  const events: TraceEvent[] = [];
  sim.on((e) => events.push(structuredClone(e)));
  await sim.run();
  return {
    label: o.label ?? `seed ${seed}`,
    header: sim.header,
    events,
    ...(declaredOutcomes(scenario) ? { declared: declaredOutcomes(scenario) } : {}),
  };
}

/** Writes the run's trace as `dir/trace.jsonl` (as the trace writer lays it out); gives the file. */
export function writeRun(dir: string, run: TraceInMemory): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'trace.jsonl');
  fs.writeFileSync(file, [run.header, ...run.events].map((x) => JSON.stringify(x)).join('\n') + '\n');
  return file;
}
