// What a round brought each agent, at its close (issue 45): the experience book learns from it
// (engine/society/experience.ts, for the offline model's choices), and an agent whose valued
// quantities moved well away from its usual remembers what it chose and what followed, so an LLM
// agent can learn from consequences too: its memories are what its prompts recall.
import type { Outcome } from '../../society/experience';
import type { PhaseContext } from '../context';

/** A surprise at least this large (in units of how much agents' payoffs usually differ) is remembered. */
export const MEMORABLE = 1.5;

export function learnFromRound(world: PhaseContext): void {
  const state = world.state;
  if (!state || !state.agentQuantities.size || !world.learning) return;
  // With matching, each learns from its own group's choices (experience.ts, Closing.circle).
  const closing = [...world.agents.values()].map((a) => {
    const group = state.matches?.groupOf(a.id);
    return {
      id: a.id,
      traits: a.persona.traits,
      held: state.valuedOf(a.id),
      ...(group ? { circle: group.join('\u0000') } : {}),
    };
  });
  if (!closing.some((c) => Object.keys(c.held).length)) return;
  for (const o of state.experience.close(closing, MEMORABLE)) {
    if (!o.chose.length || !Object.keys(o.changes).length) continue;
    const agent = world.agents.get(o.agent)!;
    const importance = Math.min(8, 3 + Math.round(Math.abs(o.surprise)));
    world.remember(agent, 'observation', consequenceText(o, world.round), importance);
  }
}

/** "After I chose contribute (amount=10) in round 3, my coins went from 40 to 52." */
export function consequenceText(o: Outcome, round: number): string {
  const chose = o.chose.map((k) => k.replace(/\(([^)]*)\)$/, (_, args: string) => ` (${args.replace(/,/g, ', ')})`));
  const moved = Object.entries(o.changes).map(([q, [a, b]]) => `my ${q} went from ${num(a)} to ${num(b)}`);
  const feel = o.surprise > 0 ? 'better than usual' : 'worse than usual';
  return `After I chose ${chose.join(' and ')} in round ${round}, ${moved.join(' and ')}: ${feel}.`;
}

const num = (x: number): string => String(Math.round(x * 100) / 100);
