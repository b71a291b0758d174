// Foreign agents → persona documents: unique ids, and links resolved to ties between imported
// agents (OASIS by agent id within the same file, TinyTroupe by name). A link that names nobody
// imported is kept as a seed memory or reported, never silently lost.
import type { ForeignAgent, PersonaDraft, RelationshipDraft } from './foreignAgent';
import { IMPORTANCE } from './agentBuilder';
import { PersonaIdAllocator } from './personaIds';
import type { WarningBook } from './warningBook';

const firstName = (name: string): string => name.trim().split(/\s+/)[0].toLowerCase();

/** Index of imported agents by full name, by first name (only where it is unique) and by id. */
function nameIndex(agents: ForeignAgent[], ids: string[]): (name: string) => number | undefined {
  const full = new Map<string, number>();
  const first = new Map<string, number | null>();
  const byId = new Map(ids.map((id, i) => [id, i]));
  agents.forEach((a, i) => {
    full.set(a.persona.name.trim().toLowerCase(), i);
    const f = firstName(a.persona.name);
    first.set(f, first.has(f) ? null : i);
  });
  return (name) => {
    const key = name.trim().toLowerCase();
    return full.get(key) ?? first.get(key) ?? byId.get(key);
  };
}

export function assemblePersonas(agents: ForeignAgent[], warnings: WarningBook): PersonaDraft[] {
  const allocator = new PersonaIdAllocator();
  const ids = agents.map((a) => allocator.allocate(...a.idHints));
  const byKey = new Map<string, number>();
  agents.forEach((a, i) => { if (a.key !== undefined) byKey.set(`${a.file}\u0000${a.key}`, i); });
  const byName = nameIndex(agents, ids);

  return agents.map((agent, i) => {
    const ties = new Map<string, RelationshipDraft>();
    const strangers: string[] = [];
    const missingKeys: string[] = [];
    const memories = [...(agent.persona.memories ?? [])];
    for (const link of agent.links) {
      const target = 'key' in link.to ? byKey.get(`${agent.file}\u0000${link.to.key}`) : byName(link.to.name);
      if (target === undefined) {
        if ('key' in link.to) missingKeys.push(link.to.key);
        else {
          strangers.push(link.to.name);
          memories.push({ text: link.note ? `${link.to.name}: ${link.note}` : `I know ${link.to.name}.`, importance: IMPORTANCE.relationship });
        }
        continue;
      }
      if (target === i) { warnings.add(agent.file, 'a relationship with oneself: not imported', agent.persona.name); continue; }
      const existing = ties.get(ids[target]);
      if (existing) {
        existing.tie = Math.max(existing.tie, link.tie);
        if (link.note && link.note !== existing.note) existing.note = existing.note ? `${existing.note}; ${link.note}` : link.note;
      } else ties.set(ids[target], { with: ids[target], tie: link.tie, ...(link.note ? { note: link.note } : {}) });
    }
    if (strangers.length) warnings.add(agent.file, 'relationships with people who are not among the imported agents were kept as seed memories', agent.persona.name);
    if (missingKeys.length) warnings.add(agent.file, `follows agent ids that are not in the file (${missingKeys.slice(0, 5).join(', ')}${missingKeys.length > 5 ? ', …' : ''}): no tie`, agent.persona.name);
    const { memories: _seed, ...fields } = agent.persona;
    return {
      kind: 'persona',
      id: ids[i],
      ...fields,
      ...(memories.length ? { memories } : {}),
      ...(ties.size ? { relationships: [...ties.values()] } : {}),
    } satisfies PersonaDraft;
  });
}
