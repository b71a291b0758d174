// The declared state as a run ends, for `society run`'s closing summary: the world's quantities
// and the mean of each agent quantity over the agents still there. A public goods game printed
// "ties 0, communities 9, reward … 0.000" and nothing of its pot or its players' wealth.
import type { Simulation } from '../../engine';
import { quantityText } from '../../text/quantityText';
import { nameRecord } from '../../text/nameRecord';

export interface ClosingState {
  world: Record<string, number>;
  /** Each agent quantity's mean over the agents at the end. */
  agent_means: Record<string, number>;
}

/** Undefined for a run without declared quantities. */
export function closingState(sim: Simulation): ClosingState | undefined {
  const state = sim.world.state;
  if (!state?.hasQuantities) return undefined;
  const agent_means: Record<string, number> = nameRecord();
  const ids = [...sim.world.agents.keys()];
  for (const name of state.agentQuantities.keys()) {
    if (!ids.length) break;
    let sum = 0;
    for (const id of ids) sum += state.of(id)[name];
    agent_means[name] = sum / ids.length;
  }
  return { world: { ...state.world }, agent_means };
}

/** Summary rows: `world.pot  12`, `mean wealth  9.5`, whole numbers for integer quantities. */
export function closingStateRows(sim: Simulation, s: ClosingState): [string, string][] {
  const state = sim.world.state!;
  return [
    ...Object.entries(s.world).map(([n, v]): [string, string] => [
      `world.${n}`,
      quantityText(v, state.worldQuantities.get(n)?.integer),
    ]),
    ...Object.entries(s.agent_means).map(([n, v]): [string, string] => [`mean ${n}`, quantityText(v)]),
  ];
}
