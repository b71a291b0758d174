// Who is in the society at each moment its membership changes: at the start, and after the timed
// events of each round that add or remove agents. A check about group sizes (a matching's groups,
// issue 62) reads these moments, not how many agents are ever in a group: an event that removes one
// responder and adds another leaves ten with ten, though eleven responders take part in all.
import { generatedAgent, populationGroups } from './generatedIds';
import { ownPersonas, type PersonaLike } from './roundSource';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The society from round `from` on (0: the start): agents in all, and in each group. */
export interface Moment {
  from: number;
  total: number;
  groups: Map<string, number>;
}

/**
 * The moments of a scenario value: the start, then each round whose events change who is there.
 * `brought`: every persona the scenario brings in (included ones too; `addedAt` for those an event
 * adds); without them, those written in the scenario. An id removed that nobody known has is ignored here (the reference checks report it).
 */
export function membershipMoments(v: unknown, brought?: readonly PersonaLike[]): Moment[] {
  if (!isObj(v)) return [];
  const personas = brought ?? ownPersonas(v);
  const groupOf = new Map<string, string | undefined>();
  const start: Moment = { from: 0, total: 0, groups: new Map() };
  const count = (m: Moment, group: string | undefined, by: number): void => {
    m.total += by;
    if (group) m.groups.set(group, (m.groups.get(group) ?? 0) + by);
  };
  const population = populationGroups(v.population);
  for (const g of population) if (g.count > 0) count(start, g.group, g.count);
  for (const p of personas) {
    if (!isObj(p.raw) || p.addedAt !== undefined) continue;
    const group = typeof p.raw.group === 'string' && p.raw.group ? p.raw.group : undefined;
    if (typeof p.raw.id === 'string') groupOf.set(p.raw.id, group);
    count(start, group, 1);
  }
  const present = new Set<string>(groupOf.keys());
  const events = (Array.isArray(v.events) ? v.events : [])
    .filter((e): e is Obj => isObj(e) && Number.isInteger(e.at) && (Array.isArray(e.add) || Array.isArray(e.remove)))
    .sort((a, b) => Number(a.at) - Number(b.at));
  const out: Moment[] = [start];
  let now = start;
  for (const e of events) {
    const at = Number(e.at);
    if (now.from !== at) {
      now = { from: at, total: now.total, groups: new Map(now.groups) };
      out.push(now);
    }
    for (const id of Array.isArray(e.remove) ? e.remove : []) {
      if (typeof id !== 'string') continue;
      if (present.delete(id)) count(now, groupOf.get(id), -1);
      else {
        const generated = generatedAgent(population, id);
        if (generated && !groupOf.has(id)) {
          // A generated agent leaves once; its id is then known, and absent.
          groupOf.set(id, generated.group.group);
          count(now, generated.group.group, -1);
        }
      }
    }
    for (const raw of Array.isArray(e.add) ? e.add : []) {
      if (!isObj(raw)) continue;
      const group = typeof raw.group === 'string' && raw.group ? raw.group : undefined;
      if (typeof raw.id === 'string') {
        groupOf.set(raw.id, group);
        present.add(raw.id);
      }
      count(now, group, 1);
    }
  }
  return out;
}
