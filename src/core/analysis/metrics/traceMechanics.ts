// The declared state as a trace alone shows it (issue 88): when the scenario is not at hand (an
// experiment's condition, whose scenario is nowhere on disk; a file changed since the run), the
// round-0 `state` event still names every world quantity and every agent's, with its initial
// value. Enough for the series over rounds (`world.<q>`, `agents.<q>.mean|sd|gini`); not for what
// needs the declaration itself (a floor's survival, which quantities something writes), so those
// outcomes stay the scenario's.
import type { Mechanics } from '../../format';
import type { StateEvent } from '../../trace/events';

export function traceMechanics(first: StateEvent): Mechanics {
  const agents = new Map<string, number>();
  for (const values of Object.values(first.agents)) {
    for (const [name, value] of Object.entries(values)) if (!agents.has(name)) agents.set(name, value);
  }
  return {
    world: Object.entries(first.world).map(([name, initial]) => ({ name, initial })),
    agents: [...agents].map(([name, initial]) => ({ name, initial })),
    actions: [],
  };
}
