// The encounter policy: the platform's side of meeting people. It proposes a few candidates
// (random, from the agent's network, or recommended by interest similarity, tie strength and
// popularity, with an exploration share of random picks); the agent's model chooses among them.
// Candidate sampling keeps each turn O(1) in the population size.
import type { EncounterPolicy } from '../../format';
import type { Candidate } from '../../llm/types';
import type { Agent, AgentPairs } from './agent';
import type { Rng } from '../../random/rng';
import type { TieTable } from './ties';
import { TieLayout, type Weighted } from './tieLayout';
import { interestIdsOf, jaccardIds, jaccardRange } from './interests';

/** Candidates offered per choice. */
export const CANDIDATES = 6;

/**
 * Per-round lookup structures over active agents. Agents are numbered by slot (their position in
 * `ids`), and what a proposal looks up per candidate lives in typed arrays indexed by slot
 * (tieLayout.ts); the sets a proposal keeps (people taken, people seen) are marks in arrays, not
 * Sets copied per proposal. Ties, ratings and the agents present only change after stage 1 (the
 * evaluation barrier), where the index is used, so one build serves the whole round.
 */
export class EncounterIndex {
  readonly ids: string[];
  /** The agents by slot (`ids`' order). */
  private readonly agents: Agent[];
  private readonly slots = new Map<string, number>();
  /** Slots of the agents listing each interest (an agent listing it twice is in it twice). */
  private readonly byInterest = new Map<string, number[]>();
  /** Each agent's distinct interest ids, sorted: interestIds[interestStart[s] … interestStart[s + 1]). */
  private readonly interestStart: Int32Array;
  private readonly interestIds: Int32Array;
  private readonly ties: TieLayout;

  // The proposal being made (proposals run one at a time: they never wait).
  /** Incremented per proposal: a slot is marked when its mark equals it, so nothing is cleared. */
  private stamp = 0;
  /** People not to propose (me, the caller's exclusions, those proposed). */
  private readonly taken: Int32Array;
  /** `taken` plus those already in the recommender's pool. */
  private readonly seen: Int32Array;
  /** The agent whose ties and ratings are marked below (with this proposal's stamp), and its slot. */
  private viewer: Agent | undefined;
  private viewerSlot = -1;
  /** My tie to each agent and its rating of me, where `tieMark` / `ratingMark` say I have one. */
  private readonly tieMark: Int32Array;
  private readonly tieTo: Float64Array;
  private readonly ratingMark: Int32Array;
  private readonly ratingFrom: Float64Array;
  /** My contacts (ties, then those who rated me), weighted by strength / rating. */
  private contacts: Weighted = { slots: new Int32Array(16), cumulative: new Float64Array(16), start: 0, end: 0 };
  /** A view of one agent's friend list (reused per draw). */
  private readonly friendView: Weighted;

  constructor(
    agents: ReadonlyMap<string, Agent>,
    ties: TieTable,
    readonly threshold: number,
    /** Who met and rated whom. */
    private readonly pairs: AgentPairs,
  ) {
    this.ids = [...agents.keys()];
    this.agents = [...agents.values()];
    const n = this.ids.length;
    for (let s = 0; s < n; s++) this.slots.set(this.ids[s], s);
    this.interestStart = new Int32Array(n + 1);
    const lists: Int32Array[] = [];
    for (const a of agents.values()) {
      const s = lists.length;
      for (const i of a.persona.interests) {
        const l = this.byInterest.get(i);
        if (l) l.push(s);
        else this.byInterest.set(i, [s]);
      }
      lists.push(interestIdsOf(a));
      this.interestStart[s + 1] = this.interestStart[s] + lists[s].length;
    }
    this.interestIds = new Int32Array(this.interestStart[n]);
    for (let s = 0; s < n; s++) this.interestIds.set(lists[s], this.interestStart[s]);
    this.ties = new TieLayout(ties, this.slots, threshold);
    this.friendView = { ...this.ties.friends };
    this.taken = new Int32Array(n);
    this.seen = new Int32Array(n);
    this.tieMark = new Int32Array(n);
    this.tieTo = new Float64Array(n);
    this.ratingMark = new Int32Array(n);
    this.ratingFrom = new Float64Array(n);
  }

  /** Candidate ids with how they came up (see proposeCandidates). */
  propose(self: Agent, policy: EncounterPolicy, exclude: ReadonlySet<string>, rng: Rng, count: number): Seed[] {
    const me = this.slots.get(self.id) ?? -1;
    // `taken` starts as {me} ∪ exclude, whose size counts ids not in the index too.
    const p: Proposal = { me, stamp: ++this.stamp, takenSize: exclude.size + (exclude.has(self.id) ? 0 : 1), out: [] };
    this.viewer = undefined;
    this.mark(me, p.stamp);
    for (const id of exclude) this.mark(this.slots.get(id) ?? -1, p.stamp);
    if (policy.mode === 'random') for (let k = 0; k < count; k++) this.add(p, this.randomOther(p, rng), 'random');
    else if (policy.mode === 'network') this.proposeFromNetwork(self, p, policy.exploration, rng, count);
    else this.recommend(self, p, policy.exploration, rng, count);
    return p.out;
  }

  /** Mostly my contacts (a quarter of the time a friend of one), with an exploration share at random. */
  private proposeFromNetwork(self: Agent, p: Proposal, exploration: number, rng: Rng, count: number): void {
    const contacts = this.gatherContacts(self, p.me, p.stamp);
    for (let slot = 0; slot < count * 2 && p.out.length < count; slot++) {
      if (rng.chance(exploration)) {
        this.add(p, this.randomOther(p, rng), 'explore');
        continue;
      }
      let s = rng.chance(0.25) ? this.friendOfFriend(contacts, this.taken, p.stamp, rng) : -1;
      if (s < 0) s = draw(contacts, this.taken, p.stamp, rng);
      if (s < 0) s = this.randomOther(p, rng);
      this.add(p, s, 'network');
    }
  }

  /** Score a sampled pool, keep the best, then add the exploration share at random. */
  private recommend(self: Agent, p: Proposal, exploration: number, rng: Rng, count: number): void {
    const contacts = this.gatherContacts(self, p.me, p.stamp);
    const explore = Math.round(exploration * count);
    const pool: number[] = [];
    for (let k = 0; k < count * 3; k++) {
      // Pool sources in rotation: shared interests, my contacts, friends of friends.
      const s =
        k % 3 === 0
          ? this.similar(self, p.stamp, rng)
          : k % 3 === 1
            ? draw(contacts, this.seen, p.stamp, rng)
            : this.friendOfFriend(contacts, this.seen, p.stamp, rng);
      if (s >= 0 && this.seen[s] !== p.stamp) {
        this.seen[s] = p.stamp;
        pool.push(s);
      }
    }
    for (const s of this.best(p.me, self, pool, count - explore, p.stamp)) this.add(p, s, 'recommend');
    while (p.out.length < count) {
      const before = p.out.length;
      this.add(p, this.randomOther(p, rng), 'explore');
      if (p.out.length === before) break;
    }
  }

  /** Marks a slot (−1: none) taken, and so seen, in this proposal. */
  private mark(s: number, stamp: number): void {
    if (s < 0) return;
    this.taken[s] = stamp;
    this.seen[s] = stamp;
  }

  /** Proposes `s` (−1: nobody) unless taken. */
  private add(p: Proposal, s: number, via: Candidate['via']): void {
    if (s < 0 || this.taken[s] === p.stamp) return;
    this.taken[s] = p.stamp;
    p.takenSize++;
    p.out.push({ id: this.ids[s], agent: this.agents[s], via });
  }

  /** Anyone not taken, uniformly; −1 if nobody is left. */
  private randomOther(p: Proposal, rng: Rng): number {
    const n = this.ids.length;
    if (n - p.takenSize <= 0) return -1;
    for (let tries = 0; tries < 20; tries++) {
      const s = rng.int(n);
      if (this.taken[s] !== p.stamp) return s;
    }
    for (let s = 0; s < n; s++) if (this.taken[s] !== p.stamp) return s;
    return -1;
  }

  /**
   * People I have a tie to, or who rated me, weighted by strength / rating (into the scratch
   * list); on the way, my tie to each active agent and its rating of me are marked, for the
   * recommender's bond and for describing candidates.
   */
  private gatherContacts(self: Agent, me: number, stamp: number): Weighted {
    const ties = this.ties;
    const from = me < 0 ? 0 : ties.start[me],
      friends = me < 0 ? 0 : ties.friendEnd[me] - from,
      size = friends + this.pairs.ratings.sizeOf(self.id);
    let c = this.contacts;
    if (c.slots.length < size) {
      c = this.contacts = { slots: new Int32Array(2 * size), cumulative: new Float64Array(2 * size), start: 0, end: 0 };
    }
    // My friend list is my ties' part of the contacts: the same entries and running sums.
    c.slots.set(ties.friends.slots.subarray(from, from + friends));
    c.cumulative.set(ties.friends.cumulative.subarray(from, from + friends));
    c.end = friends;
    if (me >= 0) {
      for (let k = from; k < ties.outEnd[me]; k++) {
        const s = ties.outTo[k];
        this.tieMark[s] = stamp;
        this.tieTo[s] = ties.outStrength[k];
      }
    }
    this.pairs.ratings.forEachOf(self.id, (r, rater) => {
      const s = this.slots.get(rater);
      if (s === undefined) return;
      this.ratingMark[s] = stamp;
      this.ratingFrom[s] = r;
      push(c, s, r);
    });
    this.viewer = self;
    this.viewerSlot = me;
    return c;
  }

  /**
   * A friend of a friend: someone one of my contacts has a tie to ("people you may know"). I am
   * excluded (always), so drawing myself is rejected and redrawn — the same distribution as
   * leaving me out of the list.
   */
  private friendOfFriend(c: Weighted, exclude: Int32Array, stamp: number, rng: Rng): number {
    let via = draw(c, exclude, stamp, rng);
    if (via < 0) {
      if (c.end === c.start) return -1;
      via = c.slots[c.start + rng.int(c.end - c.start)];
    }
    return draw(this.ties.friendsOf(via, this.friendView), exclude, stamp, rng);
  }

  /** Someone sharing one of my interests (drawn at random), unless already seen. */
  private similar(self: Agent, stamp: number, rng: Rng): number {
    const interests = self.persona.interests;
    if (!interests.length) return -1;
    const pool = this.byInterest.get(interests[rng.int(interests.length)]);
    if (!pool || pool.length <= 1) return -1;
    const s = pool[rng.int(pool.length)];
    return this.seen[s] === stamp ? -1 : s;
  }

  /** The best `keep` of the pool by recommender score (stable: earlier draws win ties). */
  private best(me: number, self: Agent, pool: readonly number[], keep: number, stamp: number): number[] {
    const best: number[] = [],
      scores: number[] = [];
    const mine = interestIdsOf(self);
    for (const s of pool) {
      const score = this.score(me, mine, s, stamp);
      let pos = best.length;
      if (pos === keep && !(score > scores[keep - 1])) continue;
      if (pos < keep) {
        best.push(s);
        scores.push(score);
      } else pos--;
      while (pos > 0 && score > scores[pos - 1]) {
        best[pos] = best[pos - 1];
        scores[pos] = scores[pos - 1];
        pos--;
      }
      best[pos] = s;
      scores[pos] = score;
    }
    return best;
  }

  /**
   * Recommender score: 0.5·interest Jaccard + 0.3·max(my tie, their rating of me)
   * + 0.2·min(1, in-degree / 10) + 0.6·min(1, mutual ties / 2), where mutual ties are my ties
   * (≥ threshold) whose holder has a tie (≥ threshold) to them: "people you may know", ranked
   * by friends in common as social platforms do. My ties and ratings are the ones marked with my
   * contacts in this proposal (`stamp`).
   */
  private score(me: number, mine: Int32Array, other: number, stamp: number): number {
    const sim = this.similarity(mine, other);
    const bond = Math.max(
      this.tieMark[other] === stamp ? this.tieTo[other] : 0,
      this.ratingMark[other] === stamp ? this.ratingFrom[other] : 0,
    );
    const mutual = me < 0 ? 0 : this.ties.mutual(me, other);
    return 0.5 * sim + 0.3 * bond + 0.2 * Math.min(1, this.ties.indegree[other] / 10) + 0.6 * Math.min(1, mutual / 2);
  }

  /** Interest Jaccard of `mine` (sorted distinct ids) and the agent in slot `other`. */
  private similarity(mine: Int32Array, other: number): number {
    return jaccardRange(mine, this.interestIds, this.interestStart[other], this.interestStart[other + 1]);
  }

  /**
   * The full candidate description (see describeCandidate). Right after my proposal my ties and
   * ratings are still marked: they are read there rather than looked up again.
   */
  describe(self: Agent, other: Agent, via: Candidate['via'], ties: TieTable): Candidate {
    const o = this.slots.get(other.id);
    const me = self === this.viewer ? this.viewerSlot : (this.slots.get(self.id) ?? -1);
    const marked = o !== undefined && self === this.viewer;
    const c: Candidate = {
      id: other.id,
      name: other.persona.name,
      interests: other.persona.interests,
      shared_interests: sharedInterests(self, other),
      similarity:
        o === undefined
          ? jaccardIds(interestIdsOf(self), interestIdsOf(other))
          : this.similarity(interestIdsOf(self), o),
      tie: marked ? (this.tieMark[o] === this.stamp ? this.tieTo[o] : 0) : ties.get(self.id, other.id),
      met: this.pairs.meetings.get(self.id, other.id) ?? 0,
      popularity: o === undefined ? 0 : this.ties.indegree[o],
      mutual: o === undefined || me < 0 ? 0 : this.ties.mutual(me, o),
      via,
    };
    if (other.persona.occupation) c.occupation = other.persona.occupation;
    const r = marked
      ? this.ratingMark[o] === this.stamp
        ? this.ratingFrom[o]
        : undefined
      : this.pairs.ratings.get(self.id, other.id);
    if (r !== undefined) c.rating_from = r;
    return c;
  }
}

/** A proposal under way: my slot, its stamp, how many people are taken and the candidates so far. */
interface Proposal {
  me: number;
  stamp: number;
  takenSize: number;
  out: Seed[];
}

export type Seed = { id: string; agent: Agent; via: Candidate['via'] };

function push(w: Weighted, slot: number, weight: number): void {
  if (!(weight > 0)) return;
  w.cumulative[w.end] = (w.end > w.start ? w.cumulative[w.end - 1] : 0) + weight;
  w.slots[w.end++] = slot;
}

/** One entry drawn proportionally to its weight, skipping excluded ones (marked `stamp`); −1 if none. */
function draw(w: Weighted, exclude: Int32Array, stamp: number, rng: Rng): number {
  const { slots, cumulative, start, end } = w;
  const n = end - start;
  if (!n) return -1;
  const total = cumulative[end - 1];
  for (let tries = 0; tries < 8; tries++) {
    const x = rng.next() * total;
    let lo = start,
      hi = end - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    if (exclude[slots[lo]] !== stamp) return slots[lo];
  }
  // Mostly excluded: draw exactly among the rest.
  const i = rng.weightedOf(n, (k) =>
    exclude[slots[start + k]] === stamp ? 0 : cumulative[start + k] - (k ? cumulative[start + k - 1] : 0),
  );
  return i < 0 ? -1 : slots[start + i];
}

/**
 * Candidate ids with how they came up. `exclude` holds partners already chosen this turn. The
 * agents and ties are those the index was built over (neither changes where it is used).
 */
export function proposeCandidates(
  self: Agent,
  policy: EncounterPolicy,
  index: EncounterIndex,
  exclude: ReadonlySet<string>,
  rng: Rng,
  count = CANDIDATES,
): Seed[] {
  return index.propose(self, policy, exclude, rng, count);
}

/** My ties (≥ threshold) whose holder also has a tie (≥ threshold) to `other`. */
export function mutualTies(self: string, other: string, ties: TieTable, threshold: number): number {
  let n = 0;
  ties.forEachOut(self, (via, strength) => {
    if (strength >= threshold && via !== other && ties.get(via, other) >= threshold) n++;
  });
  return n;
}

/** The full candidate description handed to the agent's model. */
export function describeCandidate(
  self: Agent,
  other: Agent,
  via: Candidate['via'],
  ties: TieTable,
  index: EncounterIndex,
): Candidate {
  return index.describe(self, other, via, ties);
}

/** `other`'s interests that I share, in its order. */
function sharedInterests(self: Agent, other: Agent): string[] {
  // Counted, then filled: a pushed array keeps room for 16 more in every candidate of the round.
  let n = 0;
  for (const i of other.persona.interests) if (self.interests.includes(i)) n++;
  const shared: string[] = new Array<string>(n);
  let k = 0;
  for (const i of other.persona.interests) if (self.interests.includes(i)) shared[k++] = i;
  return shared;
}
