// The encounter policy: the platform's side of meeting people. It proposes a few candidates
// (random, from the agent's network, or recommended by interest similarity, tie strength and
// popularity, with an exploration share of random picks); the agent's model chooses among them.
// Candidate sampling keeps each turn O(1) in the population size.
import type { EncounterPolicy } from '../format/model';
import type { Candidate } from '../llm/types';
import type { Agent } from './agent';
import type { Rng } from './rng';
import type { TieTable } from './ties';

/** Candidates offered per choice. */
export const CANDIDATES = 6;

/** Per-round lookup structures over active agents. */
export class EncounterIndex {
  readonly ids: string[];
  readonly byInterest = new Map<string, string[]>();
  readonly indegree = new Map<string, number>();

  constructor(agents: ReadonlyMap<string, Agent>, ties: TieTable, readonly threshold: number) {
    this.ids = [...agents.keys()];
    for (const a of agents.values()) for (const i of a.persona.interests) {
      const l = this.byInterest.get(i);
      if (l) l.push(a.id); else this.byInterest.set(i, [a.id]);
    }
    for (const [, to, s] of ties.entries()) if (s >= threshold && agents.has(to)) this.indegree.set(to, (this.indegree.get(to) ?? 0) + 1);
  }

  randomOther(self: string, exclude: ReadonlySet<string>, rng: Rng): string | undefined {
    if (this.ids.length <= 1 + exclude.size) return undefined;
    for (let tries = 0; tries < 20; tries++) {
      const id = this.ids[rng.int(this.ids.length)];
      if (id !== self && !exclude.has(id)) return id;
    }
    return this.ids.find((id) => id !== self && !exclude.has(id));
  }
}

type Seed = { id: string; via: Candidate['via'] };

/** People the agent has a tie to, or who rated it, weighted by strength / rating. */
interface Contacts { ids: string[]; weights: number[] }
function contactsOf(self: Agent, ties: TieTable, agents: ReadonlyMap<string, Agent>): Contacts {
  const ids: string[] = [], weights: number[] = [];
  for (const [to, t] of ties.outgoing(self.id)) if (agents.has(to)) { ids.push(to); weights.push(t.strength); }
  for (const [from, r] of self.ratedBy) if (agents.has(from)) { ids.push(from); weights.push(r); }
  return { ids, weights };
}

/** One contact drawn proportionally to its weight, skipping excluded ones. */
function contact(c: Contacts, exclude: ReadonlySet<string>, rng: Rng): string | undefined {
  const i = rng.weighted(c.weights.map((w, k) => (exclude.has(c.ids[k]) ? 0 : w)));
  return i < 0 ? undefined : c.ids[i];
}

/** A friend of a friend: someone one of my contacts has a tie to ("people you may know"). */
function friendOfFriend(self: Agent, c: Contacts, ties: TieTable, agents: ReadonlyMap<string, Agent>, exclude: ReadonlySet<string>, rng: Rng): string | undefined {
  const via = contact(c, exclude, rng) ?? (c.ids.length ? c.ids[rng.int(c.ids.length)] : undefined);
  if (!via) return undefined;
  const ids: string[] = [], w: number[] = [];
  for (const [to, t] of ties.outgoing(via)) if (to !== self.id && agents.has(to) && !exclude.has(to)) { ids.push(to); w.push(t.strength); }
  const i = rng.weighted(w);
  return i < 0 ? undefined : ids[i];
}

function similar(self: Agent, index: EncounterIndex, exclude: ReadonlySet<string>, rng: Rng): string | undefined {
  const interests = self.persona.interests;
  if (!interests.length) return undefined;
  const pool = index.byInterest.get(rng.pick(interests));
  if (!pool || pool.length <= 1) return undefined;
  const id = pool[rng.int(pool.length)];
  return id === self.id || exclude.has(id) ? undefined : id;
}

/** Candidate ids with how they came up. `exclude` holds partners already chosen this turn. */
export function proposeCandidates(
  self: Agent, policy: EncounterPolicy, index: EncounterIndex, ties: TieTable, agents: ReadonlyMap<string, Agent>,
  exclude: ReadonlySet<string>, rng: Rng, count = CANDIDATES,
): Seed[] {
  const taken = new Set(exclude);
  taken.add(self.id);
  const out: Seed[] = [];
  const add = (id: string | undefined, via: Candidate['via']): void => {
    if (id && !taken.has(id)) { taken.add(id); out.push({ id, via }); }
  };
  if (policy.mode === 'random') {
    for (let k = 0; k < count; k++) add(index.randomOther(self.id, taken, rng), 'random');
    return out;
  }
  const contacts = contactsOf(self, ties, agents);
  if (policy.mode === 'network') {
    for (let slot = 0; slot < count * 2 && out.length < count; slot++) {
      if (rng.chance(policy.exploration)) add(index.randomOther(self.id, taken, rng), 'explore');
      else add((rng.chance(0.25) ? friendOfFriend(self, contacts, ties, agents, taken, rng) : undefined) ?? contact(contacts, taken, rng) ?? index.randomOther(self.id, taken, rng), 'network');
    }
    return out;
  }
  // recommend: score a sampled pool, keep the best, then add the exploration share at random.
  const explore = Math.round(policy.exploration * count);
  const pool: Seed[] = [];
  const seen = new Set(taken);
  for (let k = 0; k < count * 3; k++) {
    // Pool sources in rotation: shared interests, my contacts, friends of friends.
    const id = k % 3 === 0 ? similar(self, index, seen, rng) : k % 3 === 1 ? contact(contacts, seen, rng) : friendOfFriend(self, contacts, ties, agents, seen, rng);
    if (id && !seen.has(id)) { seen.add(id); pool.push({ id, via: 'recommend' }); }
  }
  const scored = pool.map((s, i) => ({ s, i, score: recommendScore(self, agents.get(s.id)!, ties, index, contacts) }));
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  for (const { s } of scored.slice(0, count - explore)) add(s.id, 'recommend');
  while (out.length < count) {
    const before = out.length;
    add(index.randomOther(self.id, taken, rng), 'explore');
    if (out.length === before) break;
  }
  return out;
}

/**
 * Recommender score: 0.5·interest Jaccard + 0.3·max(my tie, their rating of me)
 * + 0.2·min(1, in-degree / 10) + 0.3·min(1, mutual contacts / 2).
 */
export function recommendScore(self: Agent, other: Agent, ties: TieTable, index: EncounterIndex, contacts?: Contacts): number {
  const sim = jaccardSets(self.interests, other.interests);
  const bond = Math.max(ties.get(self.id, other.id), self.ratedBy.get(other.id) ?? 0);
  let mutual = 0;
  if (contacts) for (const c of contacts.ids) if (ties.get(c, other.id) > 0) mutual++;
  return 0.5 * sim + 0.3 * bond + 0.2 * Math.min(1, (index.indegree.get(other.id) ?? 0) / 10) + 0.3 * Math.min(1, mutual / 2);
}

/** My ties (≥ threshold) whose holder also has a tie (≥ threshold) to `other`. */
export function mutualTies(self: string, other: string, ties: TieTable, threshold: number): number {
  let n = 0;
  for (const [via, t] of ties.outgoing(self)) if (t.strength >= threshold && via !== other && ties.get(via, other) >= threshold) n++;
  return n;
}

export function jaccardSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** The full candidate description handed to the agent's model. */
export function describeCandidate(self: Agent, other: Agent, via: Candidate['via'], ties: TieTable, index: EncounterIndex): Candidate {
  const shared = other.persona.interests.filter((i) => self.interests.has(i));
  const c: Candidate = {
    id: other.id, name: other.persona.name, interests: other.persona.interests, shared_interests: shared,
    similarity: jaccardSets(self.interests, other.interests), tie: ties.get(self.id, other.id),
    met: self.met.get(other.id) ?? 0, popularity: index.indegree.get(other.id) ?? 0, mutual: mutualTies(self.id, other.id, ties, index.threshold), via,
  };
  if (other.persona.occupation) c.occupation = other.persona.occupation;
  const r = self.ratedBy.get(other.id);
  if (r !== undefined) c.rating_from = r;
  return c;
}
