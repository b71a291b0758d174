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
  /** Each agent's existing ties (≥ threshold), for mutual-friend counts. */
  readonly strong = new Map<string, Set<string>>();
  /**
   * Each agent's outgoing ties as a weighted list, built when first asked for in the round: an
   * agent is the "friend" in many others' friend-of-friend draws, and ties only change after
   * stage 1 (the evaluation barrier), so one list serves the whole round.
   */
  private readonly friends = new Map<string, Weighted>();

  constructor(agents: ReadonlyMap<string, Agent>, ties: TieTable, readonly threshold: number) {
    this.ids = [...agents.keys()];
    for (const a of agents.values()) for (const i of a.persona.interests) {
      const l = this.byInterest.get(i);
      if (l) l.push(a.id); else this.byInterest.set(i, [a.id]);
    }
    ties.forEach((from, to, t) => {
      if (t.strength < threshold || !agents.has(to) || !agents.has(from)) return;
      this.indegree.set(to, (this.indegree.get(to) ?? 0) + 1);
      const s = this.strong.get(from);
      if (s) s.add(to); else this.strong.set(from, new Set([to]));
    });
  }

  /** My existing ties whose holder also has an existing tie to `other` (mutual friends). */
  mutual(self: string, other: string): number {
    const mine = this.strong.get(self);
    if (!mine) return 0;
    let n = 0;
    for (const via of mine) if (via !== other && this.strong.get(via)?.has(other)) n++;
    return n;
  }

  /** `via`'s outgoing ties to active agents, weighted by strength (shared for the round; do not mutate). */
  friendsOf(via: string, ties: TieTable, agents: ReadonlyMap<string, Agent>): Weighted {
    let f = this.friends.get(via);
    if (!f) {
      const list = (f = weightedList());
      ties.outgoing(via).forEach((t, to) => { if (agents.has(to)) push(list, to, t.strength); });
      this.friends.set(via, f);
    }
    return f;
  }

  randomOther(self: string, exclude: ReadonlySet<string>, rng: Rng): string | undefined {
    // Nobody left: everyone but me is excluded (`exclude` usually holds me already).
    if (this.ids.length - exclude.size - (exclude.has(self) ? 0 : 1) <= 0) return undefined;
    for (let tries = 0; tries < 20; tries++) {
      const id = this.ids[rng.int(this.ids.length)];
      if (id !== self && !exclude.has(id)) return id;
    }
    return this.ids.find((id) => id !== self && !exclude.has(id));
  }
}

type Seed = { id: string; via: Candidate['via'] };

/**
 * People to draw from, each with a weight: a cumulative table for drawing by bisection, with
 * excluded people rejected and redrawn (the same distribution as zeroing their weights, without
 * rescanning the list for every draw).
 */
interface Weighted { ids: string[]; cumulative: number[] }

function weightedList(): Weighted { return { ids: [], cumulative: [] }; }
function push(w: Weighted, id: string, weight: number): void {
  if (!(weight > 0)) return;
  w.ids.push(id);
  w.cumulative.push((w.cumulative.length ? w.cumulative[w.cumulative.length - 1] : 0) + weight);
}

/** One entry drawn proportionally to its weight, skipping excluded ones. */
function draw(w: Weighted, exclude: ReadonlySet<string>, rng: Rng): string | undefined {
  const n = w.ids.length;
  if (!n) return undefined;
  const total = w.cumulative[n - 1];
  for (let tries = 0; tries < 8; tries++) {
    const x = rng.next() * total;
    let lo = 0, hi = n - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (w.cumulative[mid] > x) hi = mid; else lo = mid + 1; }
    if (!exclude.has(w.ids[lo])) return w.ids[lo];
  }
  // Mostly excluded: draw exactly among the rest.
  const i = rng.weightedOf(n, (k) => (exclude.has(w.ids[k]) ? 0 : w.cumulative[k] - (k ? w.cumulative[k - 1] : 0)));
  return i < 0 ? undefined : w.ids[i];
}

/** People the agent has a tie to, or who rated it, weighted by strength / rating. */
function contactsOf(self: Agent, ties: TieTable, agents: ReadonlyMap<string, Agent>): Weighted {
  const c = weightedList();
  ties.outgoing(self.id).forEach((t, to) => { if (agents.has(to)) push(c, to, t.strength); });
  self.ratedBy.forEach((r, from) => { if (agents.has(from)) push(c, from, r); });
  return c;
}

/**
 * A friend of a friend: someone one of my contacts has a tie to ("people you may know"). The
 * friend's list is the round's shared one; I am in `exclude` (always), so drawing myself is
 * rejected and redrawn — the same distribution as leaving me out of the list.
 */
function friendOfFriend(c: Weighted, index: EncounterIndex, ties: TieTable, agents: ReadonlyMap<string, Agent>, exclude: ReadonlySet<string>, rng: Rng): string | undefined {
  const via = draw(c, exclude, rng) ?? (c.ids.length ? c.ids[rng.int(c.ids.length)] : undefined);
  if (!via) return undefined;
  return draw(index.friendsOf(via, ties, agents), exclude, rng);
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
      else add((rng.chance(0.25) ? friendOfFriend(contacts, index, ties, agents, taken, rng) : undefined) ?? draw(contacts, taken, rng) ?? index.randomOther(self.id, taken, rng), 'network');
    }
    return out;
  }
  // recommend: score a sampled pool, keep the best, then add the exploration share at random.
  const explore = Math.round(policy.exploration * count);
  const pool: Seed[] = [];
  const seen = new Set(taken);
  for (let k = 0; k < count * 3; k++) {
    // Pool sources in rotation: shared interests, my contacts, friends of friends.
    const id = k % 3 === 0 ? similar(self, index, seen, rng) : k % 3 === 1 ? draw(contacts, seen, rng) : friendOfFriend(contacts, index, ties, agents, seen, rng);
    if (id && !seen.has(id)) { seen.add(id); pool.push({ id, via: 'recommend' }); }
  }
  // The best `count − explore` of the pool (stable: earlier draws win ties).
  const keep = count - explore, best: string[] = [], scores: number[] = [];
  const mine = viewOf(self, ties, index);
  for (const s of pool) {
    const score = scoreFrom(mine, agents.get(s.id)!, index);
    let pos = best.length;
    if (pos === keep && !(score > scores[keep - 1])) continue;
    if (pos < keep) { best.push(s.id); scores.push(score); } else pos--;
    while (pos > 0 && score > scores[pos - 1]) { best[pos] = best[pos - 1]; scores[pos] = scores[pos - 1]; pos--; }
    best[pos] = s.id; scores[pos] = score;
  }
  for (const id of best) add(id, 'recommend');
  while (out.length < count) {
    const before = out.length;
    add(index.randomOther(self.id, taken, rng), 'explore');
    if (out.length === before) break;
  }
  return out;
}

/**
 * Recommender score: 0.5·interest Jaccard + 0.3·max(my tie, their rating of me)
 * + 0.2·min(1, in-degree / 10) + 0.6·min(1, mutual ties / 2), where mutual ties are my ties
 * (≥ threshold) whose holder has a tie (≥ threshold) to them: "people you may know", ranked
 * by friends in common as social platforms do.
 */
export function recommendScore(self: Agent, other: Agent, ties: TieTable, index: EncounterIndex): number {
  return scoreFrom(viewOf(self, ties, index), other, index);
}

/** What scoring needs of the agent being recommended to, looked up once per proposal rather than per candidate. */
interface SelfView { agent: Agent; ids: Int32Array; ties: ReadonlyMap<string, { strength: number }>; strong?: ReadonlySet<string> }

function viewOf(self: Agent, ties: TieTable, index: EncounterIndex): SelfView {
  return { agent: self, ids: interestIdsOf(self), ties: ties.outgoing(self.id), strong: index.strong.get(self.id) };
}

function scoreFrom(me: SelfView, other: Agent, index: EncounterIndex): number {
  const sim = jaccardIds(me.ids, interestIdsOf(other));
  const bond = Math.max(me.ties.get(other.id)?.strength ?? 0, me.agent.ratedBy.get(other.id) ?? 0);
  let mutual = 0;
  if (me.strong) for (const via of me.strong) if (via !== other.id && index.strong.get(via)?.has(other.id)) mutual++;
  return 0.5 * sim + 0.3 * bond + 0.2 * Math.min(1, (index.indegree.get(other.id) ?? 0) / 10) + 0.6 * Math.min(1, mutual / 2);
}

/** My ties (≥ threshold) whose holder also has a tie (≥ threshold) to `other`. */
export function mutualTies(self: string, other: string, ties: TieTable, threshold: number): number {
  let n = 0;
  ties.outgoing(self).forEach((t, via) => { if (t.strength >= threshold && via !== other && ties.get(via, other) >= threshold) n++; });
  return n;
}

/** Small integer ids for interests, interned once per process (ids only need to be stable within it). */
const interestIds = new Map<string, number>();
function internInterest(i: string): number {
  let id = interestIds.get(i);
  if (id === undefined) interestIds.set(i, (id = interestIds.size));
  return id;
}

/** The agent's interests as sorted distinct ids (cached on the agent: interests never change). */
export function interestIdsOf(a: Agent): Int32Array {
  let ids = a.interestIds;
  if (!ids) {
    const set = new Set<number>();
    for (const i of a.interests) set.add(internInterest(i));
    a.interestIds = ids = Int32Array.from(set).sort();
  }
  return ids;
}

/** Jaccard of two sorted distinct id lists: the same value as jaccardSets on the interest sets. */
export function jaccardIds(a: Int32Array, b: Int32Array): number {
  if (!a.length && !b.length) return 0;
  let inter = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) { inter++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return inter / (a.length + b.length - inter);
}

export function jaccardSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  let inter = 0;
  a.forEach((x) => { if (b.has(x)) inter++; });
  return inter / (a.size + b.size - inter);
}

/** The full candidate description handed to the agent's model. */
export function describeCandidate(self: Agent, other: Agent, via: Candidate['via'], ties: TieTable, index: EncounterIndex): Candidate {
  const shared = other.persona.interests.filter((i) => self.interests.has(i));
  const c: Candidate = {
    id: other.id, name: other.persona.name, interests: other.persona.interests, shared_interests: shared,
    similarity: jaccardIds(interestIdsOf(self), interestIdsOf(other)), tie: ties.get(self.id, other.id),
    met: self.met.get(other.id) ?? 0, popularity: index.indegree.get(other.id) ?? 0, mutual: index.mutual(self.id, other.id), via,
  };
  if (other.persona.occupation) c.occupation = other.persona.occupation;
  const r = self.ratedBy.get(other.id);
  if (r !== undefined) c.rating_from = r;
  return c;
}
