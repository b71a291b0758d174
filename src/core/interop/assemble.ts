// Foreign agents → persona documents: unique ids, and links resolved to ties between imported
// agents (OASIS by agent id within the same input file, TinyTroupe by name). A link that names nobody
// imported, several agents or oneself is kept as a seed memory or reported, never silently lost.
import type { ForeignAgent, ForeignLink, PersonaDraft, RelationshipDraft } from './foreignAgent';
import { IMPORTANCE } from './agentBuilder';
import { PersonaIdAllocator } from './personaIds';
import type { WarningBook } from './warningBook';

const normalName = (name: string): string => name.trim().toLowerCase();
const firstName = (name: string): string => normalName(name).split(/\s+/)[0];

/** Whom a link names: the positions of the agents it fits (several when they share the name or id). */
type Resolve = (link: ForeignLink, self: number) => number[] | undefined;

/** Positions by key; a key several agents have keeps all of them, so no lookup silently picks one. */
function positions(keys: (string | undefined)[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (key === undefined) return;
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  });
  return map;
}

/**
 * OASIS agent ids within the agent's input; TinyTroupe names: full name, else first name, else
 * persona id. Naming one's own name or id means oneself, even when a namesake has it too.
 */
function linkResolver(agents: ForeignAgent[], ids: string[]): Resolve {
  const inputKey = (a: ForeignAgent, key: string): string => `${a.input ?? a.file}\u0000${key}`;
  const byKey = positions(agents.map((a) => (a.key === undefined ? undefined : inputKey(a, a.key))));
  const full = positions(agents.map((a) => normalName(a.persona.name)));
  const first = positions(agents.map((a) => firstName(a.persona.name)));
  const byId = positions(ids);
  return (link, self) => {
    const agent = agents[self];
    if ('key' in link.to) return link.to.key === agent.key ? [self] : byKey.get(inputKey(agent, link.to.key));
    const name = normalName(link.to.name);
    if (name === normalName(agent.persona.name)) return [self];
    return full.get(name) ?? first.get(name) ?? byId.get(name);
  };
}

/** "a or b", "a, b or c", "a, b, c or 2 more". */
function alternatives(names: string[]): string {
  if (names.length > 3) return `${names.slice(0, 3).join(', ')} or ${names.length - 3} more`;
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

export function assemblePersonas(agents: ForeignAgent[], warnings: WarningBook): PersonaDraft[] {
  const allocator = new PersonaIdAllocator();
  const ids = agents.map((a) => allocator.allocate(...a.idHints));
  const resolve = linkResolver(agents, ids);

  return agents.map((agent, i) => {
    const ties = new Map<string, RelationshipDraft>();
    const strangers: string[] = [];
    const missingKeys: string[] = [];
    const memories = [...(agent.persona.memories ?? [])];
    const warn = (message: string): void => warnings.add(agent.file, message, agent.persona.name);
    // A named relationship that is no tie still says something about the person.
    const remember = (name: string, note?: string): void => {
      memories.push({ text: note ? `${name}: ${note}` : `I know ${name}.`, importance: IMPORTANCE.relationship });
    };
    for (const link of agent.links) {
      const targets = resolve(link, i);
      if (!targets) {
        if ('key' in link.to) missingKeys.push(link.to.key);
        else {
          strangers.push(link.to.name);
          remember(link.to.name, link.note);
        }
        continue;
      }
      if (targets.length > 1) {
        const them = alternatives(targets.map((t) => ids[t]));
        if ('key' in link.to) warn(`follows agent id ${link.to.key}, which could be ${them}: no tie`);
        else {
          remember(link.to.name, link.note);
          warn(`the relationship with '${link.to.name}' could be ${them}: kept as a seed memory, not a tie`);
        }
        continue;
      }
      const target = targets[0];
      if (target === i) {
        // OASIS's follow note is ours, not the source's; a TinyTroupe description is the source's text.
        if ('name' in link.to && link.note) {
          remember(link.to.name, link.note);
          warn('a relationship with oneself: kept as a seed memory, not a tie');
        } else warn('a relationship with oneself: not imported');
        continue;
      }
      const existing = ties.get(ids[target]);
      if (existing) {
        existing.tie = Math.max(existing.tie, link.tie);
        if (link.note && link.note !== existing.note) {
          existing.note = existing.note ? `${existing.note}; ${link.note}` : link.note;
        }
      } else ties.set(ids[target], { with: ids[target], tie: link.tie, ...(link.note ? { note: link.note } : {}) });
    }
    if (strangers.length) {
      warn('relationships with people who are not among the imported agents were kept as seed memories');
    }
    if (missingKeys.length) {
      warn(
        `follows agent ids that are not in the file (${missingKeys.slice(0, 5).join(', ')}${missingKeys.length > 5 ? ', …' : ''}): no tie`,
      );
    }
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
