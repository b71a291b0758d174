// The scopes a frame of a stop shows in Variables: the event an exception filter stopped after,
// the agent concerned or acting, and the world. Values only; session.ts gives them references.
import { agentState, worldState } from '../core/debug/inspect';
import type { StepPoint } from '../core/engine';
import type { DebugRun } from './debugRun';
import { FRAME, type StoppedOn } from './stopFrames';
import { modelCallScope, type ScopeValue } from './modelCallScope';

export type { ScopeValue } from './modelCallScope';

export function scopesAt(run: DebugRun, p: StepPoint | undefined, frameId: number, on?: StoppedOn): ScopeValue[] {
  // By name, as the call stack names people (issue 88), not by id.
  const agent = (id: string): ScopeValue => ({
    name: `Agent ${run.sim.agent(id)?.persona.name ?? id}`,
    value: agentState(run.sim, id, run.decisions, run.surveys),
  });
  const world: ScopeValue = { name: 'World', value: worldState(run.sim) };
  if (on && frameId === FRAME.event) {
    const about = on.filter.agentsOf(on.detail.event)[0];
    const call = modelCallScope(run, { event: on.detail.event });
    return [
      { name: `Event: ${on.filter.label}`, value: on.detail.event },
      ...(call ? [call] : []),
      ...(about && run.sim.agent(about) ? [agent(about)] : []),
      world,
    ];
  }
  if (!p) return [];
  if ((p.kind === 'phase' || p.kind === 'action') && frameId !== FRAME.round) {
    // The agent's latest decision, when a model made it: what it was sent and answered.
    const call = modelCallScope(run, { agent: p.agent });
    return [agent(p.agent), ...(call ? [call] : []), world];
  }
  return [world];
}
