// What a stop sends the editor's views besides DAP: the agents and round the society view
// highlights, and the declared state at the stop (the trace has it only at the round's end).
import type { PausedState } from '../core/protocol/viewMessages';
import type { StepPoint } from '../core/engine';
import type { Scenario } from '../core/format';
import type { DebugRun } from './debugRun';

export function highlightOf(p: StepPoint): { agents: string[]; round: number; phase?: string } {
  if (p.kind === 'phase') return { agents: [p.agent], round: p.round, phase: p.phase };
  if (p.kind === 'action') return { agents: [p.agent], round: p.round, phase: 'world' };
  return { agents: [], round: p.round };
}

/**
 * The declared state at the stop, as Variables shows it: the trace has it only at the round's end,
 * so the society view is sent it with the stop (PausedState).
 */
export function pausedState(run: DebugRun, p: StepPoint): { state?: PausedState } {
  const s = run.sim.world.state;
  if (!s?.hasQuantities) return {};
  const { world, agents } = s.peek(p.round);
  return { state: { round: p.round, world, agents, ...(p.kind === 'round_end' ? { ended: true } : {}) } };
}

/** The .society files the scenario was parsed from (their lines as the run saw them are kept). */
export function scenarioFiles(scenario: Scenario): string[] {
  const files = new Set<string>();
  if (scenario.source) files.add(scenario.source.file);
  for (const p of scenario.personas) if (p.source) files.add(p.source.file);
  for (const e of scenario.events) {
    if (e.source) files.add(e.source.file);
    if ('add' in e) for (const p of e.add) if (p.source) files.add(p.source.file);
  }
  return [...files];
}
