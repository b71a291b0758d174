// Agents joining and leaving: at setup, and through timed `add` / `remove` events.
import { modelNamed, type Persona } from '../format/model';
import { createAgent } from './agent';
import type { World } from './world';

/** Add an agent with its seed memories. Relationships are applied separately (see linkRelationships). */
export function addAgent(world: World, persona: Persona, reason: 'initial' | 'event', modelOverride?: string): void {
  if (world.agents.has(persona.id)) throw new Error(`duplicate agent id '${persona.id}'`);
  const model = modelOverride ?? persona.model ?? 'default';
  if (!modelNamed(world.scenario.models, model)) throw new Error(`agent '${persona.id}' uses unknown model '${model}'`);
  const agent = createAgent(persona, model);
  world.agents.set(persona.id, agent);
  world.membership++;
  world.emit({ type: 'agent_added', round: world.round, agent: persona, model, reason });
  for (const m of persona.memories) world.remember(agent, 'seed', m.text, m.importance);
}

/** Initial directed ties from persona relationships (targets that are not present are ignored). */
export function linkRelationships(world: World, personas: readonly Persona[]): void {
  const threshold = world.settings.ties.threshold;
  for (const p of personas) for (const r of p.relationships) {
    if (!world.agents.has(r.with) || r.with === p.id) continue;
    const previous = world.ties.set(p.id, r.with, r.tie, world.round);
    world.emit({ type: 'tie', round: world.round, from: p.id, to: r.with, previous, strength: r.tie, exists: r.tie >= threshold, cause: 'initial' });
  }
}

export function removeAgent(world: World, id: string): boolean {
  if (!world.agents.delete(id)) return false;
  world.membership++;
  world.ties.removeAgent(id);
  for (const a of world.agents.values()) { a.ratedBy.delete(id); }
  world.emit({ type: 'agent_removed', round: world.round, agent: id });
  return true;
}
