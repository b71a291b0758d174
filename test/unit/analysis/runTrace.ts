// Runs a small offline simulation in memory for report tests: header and events of a real trace.
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import type { Scenario } from '../../../src/core/format/model/model';
import type { TraceEvent, TraceHeader } from '../../../src/core/trace/events';
import { makeScenario } from '../engine/scenarioFixture';

export const HOSTILE_NAME = '<script>alert(1)</script>';
export const GROUPS = ['climbers', 'coders', 'cooks'];

/** A scenario of `n` agents in three groups; agent p0 has a hostile name and p1 a hostile group. */
export function reportScenario(n = 18, rounds = 8): Scenario {
  const base = makeScenario(1);
  const scenario = makeScenario(n, {
    world: { ...base.world, rounds },
    coaching: { enabled: true, every: 1 },
    ties: { ...base.ties, threshold: 0.45 },
  });
  scenario.personas.forEach((p, i) => {
    p.group = GROUPS[i % GROUPS.length];
  });
  scenario.personas[0].name = HOSTILE_NAME;
  scenario.personas[1].group = '<img src=x onerror=alert(2)>';
  return scenario;
}

export async function runTrace(scenario: Scenario): Promise<{ header: TraceHeader; events: TraceEvent[] }> {
  const simulation = Simulation.create(scenario);
  const events: TraceEvent[] = [];
  simulation.on((event) => events.push(structuredClone(event)));
  await simulation.run();
  return { header: simulation.header, events };
}

/** The trace as JSONL text, as the trace writer lays it out. */
export function toJsonl(trace: { header: TraceHeader; events: TraceEvent[] }): string {
  return [trace.header, ...trace.events].map((line) => JSON.stringify(line)).join('\n') + '\n';
}
