// Agents joining and leaving: at setup, and through timed `add` / `remove` events.
import { modelNamed, type Persona, type Scenario } from '../../format';
import { createAgent } from '../society/agent';
import { withoutSources } from '../society/personaSources';
import type { World } from './world';
import { knowFromStart } from '../phases/meet/hearsay';

/**
 * Importance of the seed memory a relationship note becomes ("<other's name>: <note>"): the same
 * as the relationship memories written by persona imports (interop/agentBuilder IMPORTANCE.relationship).
 */
export const RELATIONSHIP_IMPORTANCE = 5;

/**
 * Add an agent with its seed memories: the persona's `memories`, then one per relationship with a
 * note ("<other's name>: <note>", docs/format.md "becomes a seed memory"), unless the persona
 * already remembers that very text (an imported persona may). Relationships' ties are applied
 * separately (see linkRelationships). `names` resolves persona ids to names (setup passes every
 * persona of the run); otherwise the agents present and the scenario's personas are asked.
 */
export function addAgent(
  world: World,
  persona: Persona,
  reason: 'initial' | 'event' | 'generation',
  modelOverride?: string,
  names?: ReadonlyMap<string, string>,
  parent?: string,
): void {
  if (world.agents.has(persona.id)) throw new Error(`duplicate agent id '${persona.id}'`);
  const model = modelOverride ?? persona.model ?? 'default';
  if (!modelNamed(world.scenario.models, model)) throw new Error(`agent '${persona.id}' uses unknown model '${model}'`);
  const agent = createAgent(persona, model);
  world.agents.set(persona.id, agent);
  // Numbered as it joins, so the pair tables size their per-agent columns for everyone at once.
  world.agentIndex.of(persona.id);
  // Its values start now, not when a stage first reads them: a stage's units must not change what
  // the others see, nor the order the next state event lists agents in (engine/flow/stateChange.ts).
  world.state?.of(persona.id, persona.state);
  world.membership++;
  world.emit({
    type: 'agent_added',
    round: world.round,
    agent: withoutSources(persona),
    model,
    reason,
    ...(parent ? { parent } : {}),
  });
  for (const m of persona.memories) world.remember(agent, 'seed', m.text, m.importance);
  for (const m of relationshipMemories(world, persona, names)) {
    world.remember(agent, 'seed', m, RELATIONSHIP_IMPORTANCE);
  }
  knowFromStart(world, agent);
}

/** The seed memory texts of a persona's relationship notes, in file order, without repeats. */
export function relationshipMemories(world: World, persona: Persona, names?: ReadonlyMap<string, string>): string[] {
  const seen = new Set(persona.memories.map((m) => m.text));
  const out: string[] = [];
  for (const r of persona.relationships) {
    const note = r.note?.trim();
    if (!note || r.with === persona.id) continue;
    const text = `${names?.get(r.with) ?? nameOf(world, r.with)}: ${note}`;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}

/** A persona's name: an agent present, else a persona of the scenario (listed or added by an event), else the id. */
function nameOf(world: World, id: string): string {
  return world.agents.get(id)?.persona.name ?? scenarioNames(world.scenario).get(id) ?? id;
}

const namesByScenario = new WeakMap<Scenario, Map<string, string>>();
function scenarioNames(s: Scenario): Map<string, string> {
  let names = namesByScenario.get(s);
  if (!names) {
    names = new Map();
    for (const e of s.events) if ('add' in e) for (const p of e.add) if (!names.has(p.id)) names.set(p.id, p.name);
    for (const p of s.personas) names.set(p.id, p.name);
    namesByScenario.set(s, names);
  }
  return names;
}

/** Initial directed ties from persona relationships (targets that are not present are ignored). */
export function linkRelationships(world: World, personas: readonly Persona[]): void {
  const threshold = world.settings.ties.threshold;
  for (const p of personas) {
    for (const r of p.relationships) {
      if (!world.agents.has(r.with) || r.with === p.id) continue;
      const previous = world.ties.set(p.id, r.with, r.tie, world.round);
      world.emit({
        type: 'tie',
        round: world.round,
        from: p.id,
        to: r.with,
        previous,
        strength: r.tie,
        exists: r.tie >= threshold,
        cause: 'initial',
      });
    }
  }
}

export function removeAgent(world: World, id: string, reason?: 'generation'): boolean {
  if (!world.agents.delete(id)) return false;
  world.membership++;
  world.ties.removeAgent(id);
  world.state?.remove(id);
  // Whom it met and who rated it go with it; others keep having met it but forget its ratings.
  world.meetings.forget(id);
  world.ratings.removeAgentId(id);
  world.emit({ type: 'agent_removed', round: world.round, agent: id, ...(reason ? { reason } : {}) });
  return true;
}
