// What a round brought each agent, at its close (issue 45): the experience book learns from it
// (engine/society/experience.ts, for the offline model's choices), and an agent whose valued
// quantities moved well away from its usual remembers what it chose and what followed, so an LLM
// agent can learn from consequences too: its memories are what its prompts recall.
import type { Outcome } from '../../society/experience';
import type { PhaseContext } from '../context';
import { choiceWords, shown } from './choiceWords';

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
  const specs = new Map(state.compiled.actions.map((c) => [c.spec.name, c.spec.args]));
  const nameOf = (id: string) => world.agents.get(id)?.persona.name;
  for (const o of state.experience.close(closing, MEMORABLE)) {
    // What it took this round, as the action events recorded it (the book keeps them, choiceWords.ts).
    const took = o.took.filter((t) => t.round === world.round);
    if (!took.length || !Object.keys(o.changes).length) continue;
    const agent = world.agents.get(o.agent)!;
    const importance = Math.min(8, 3 + Math.round(Math.abs(o.surprise)));
    const chose = took.map((t) => choiceWords(t.action, t.args, specs.get(t.action) ?? [], nameOf));
    world.remember(agent, 'observation', consequenceText(chose, o, world.round), importance);
  }
}

/** "After I chose contribute (amount 10) in round 3, my coins went from 40 to 52: better than usual." */
export function consequenceText(chose: readonly string[], o: Outcome, round: number): string {
  const moved = Object.entries(o.changes).map(([q, [a, b]]) => `my ${q} went from ${shown(a)} to ${shown(b)}`);
  const feel = o.surprise > 0 ? 'better than usual' : 'worse than usual';
  return `After I chose ${chose.join(' and ')} in round ${round}, ${moved.join(' and ')}: ${feel}.`;
}
