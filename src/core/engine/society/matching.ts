// Who plays with whom this round (`matching:`, issue 62): agents shuffled and cut into groups of
// `size` — once for the run (partner design: the draw's stream has no round in its key, so every
// round and a resumed run draw the same groups from the same agents), or afresh each round
// (stranger design) — among everyone, within one population group, or one of each of two groups.
// Partners are partners as long as both are there: when someone leaves or joins, the groups still
// whole are kept and only the rest are matched again (a fresh draw re-paired 8 of 9 surviving
// pairs, issue 70); the kept groups go into the checkpoint, so a resumed run keeps them too.
// The draw comes from its own seeded stream, so a world without matching draws nothing and every
// other random draw of a run stays where it was.
import type { Matching } from '../../format';
import { stream, type Rng } from '../../random/rng';
import type { MatchEvent } from '../../trace/events';

/** An agent as the draw sees it. */
export interface Matchable {
  id: string;
  group?: string;
}

/** The groups of one round, and who was left out (with `within`, everyone outside the group). */
export interface Draw {
  groups: string[][];
  unmatched: string[];
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The groups of `round` for `agents` (in the run's order), from `seed`. */
export function drawMatches(m: Matching, seed: number, round: number, agents: readonly Matchable[]): Draw {
  const rng = m.design === 'stranger' ? stream(seed, 'matching', round) : stream(seed, 'matching');
  // Sorted by id: the draw depends on who is there, not on the order they joined in.
  const sorted = [...agents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups: string[][] = [];
  const matched = new Set<string>();
  if (m.between) {
    const [first, second] = m.between.map((g) =>
      shuffled(
        sorted.filter((a) => a.group === g).map((a) => a.id),
        rng,
      ),
    );
    for (let i = 0; i < Math.min(first.length, second.length); i++) groups.push([first[i], second[i]]);
  } else {
    const pool = shuffled(
      sorted.filter((a) => m.within === undefined || a.group === m.within).map((a) => a.id),
      rng,
    );
    for (let i = 0; i + m.size <= pool.length; i += m.size) groups.push(pool.slice(i, i + m.size));
  }
  for (const g of groups) for (const id of g) matched.add(id);
  return { groups, unmatched: sorted.map((a) => a.id).filter((id) => !matched.has(id)) };
}

/** Whether `group`, drawn earlier, still stands among `present`: everyone there and where the design puts them. */
function stillStands(m: Matching, group: readonly string[], present: ReadonlyMap<string, Matchable>): boolean {
  const members = group.map((id) => present.get(id));
  if (members.some((a) => a === undefined)) return false;
  if (m.between) return members.every((a, i) => a!.group === m.between![i]);
  return m.within === undefined || members.every((a) => a!.group === m.within);
}

/**
 * The partner design's groups of `round` after `previous` ones: those still standing kept in their
 * order, the agents of broken groups and newcomers drawn among themselves after them. With the same
 * agents as before nothing is left to draw, so the groups are the previous ones.
 */
export function keepMatches(
  m: Matching,
  seed: number,
  round: number,
  agents: readonly Matchable[],
  previous: readonly (readonly string[])[],
): Draw {
  const present = new Map(agents.map((a) => [a.id, a]));
  const kept = previous.filter((g) => stillStands(m, g, present)).map((g) => [...g]);
  const taken = new Set(kept.flat());
  const fresh = drawMatches(
    m,
    seed,
    round,
    agents.filter((a) => !taken.has(a.id)),
  );
  const groups = [...kept, ...fresh.groups];
  const matched = new Set(groups.flat());
  const ids = agents.map((a) => a.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { groups, unmatched: ids.filter((id) => !matched.has(id)) };
}

/** This round's groups, by member: what `partner` and `matched` read. */
export class MatchBook {
  private readonly groupOfAgent = new Map<string, readonly string[]>();
  /** Each matched agent's population group (what `a.group` reads in `matched`). */
  private readonly population = new Map<string, string | undefined>();
  /** The partner design's groups of the last draw: what the next one keeps (and a checkpoint holds). */
  private kept: string[][] | undefined;

  constructor(
    readonly matching: Matching,
    private readonly seed: number,
  ) {}

  /** Draws the groups of `round` and gives the event that records them. */
  draw(round: number, agents: readonly Matchable[]): MatchEvent {
    const partners = this.matching.design === 'partner';
    const d =
      partners && this.kept
        ? keepMatches(this.matching, this.seed, round, agents, this.kept)
        : drawMatches(this.matching, this.seed, round, agents);
    if (partners) this.kept = d.groups.map((g) => [...g]);
    this.groupOfAgent.clear();
    this.population.clear();
    for (const g of d.groups) for (const id of g) this.groupOfAgent.set(id, g);
    for (const a of agents) if (this.groupOfAgent.has(a.id)) this.population.set(a.id, a.group);
    return {
      type: 'match',
      round,
      design: this.matching.design,
      groups: d.groups,
      ...(d.unmatched.length ? { unmatched: d.unmatched } : {}),
    };
  }

  /** The partner groups the next draw keeps (undefined: strangers, or none drawn yet), as a checkpoint holds them. */
  keptGroups(): string[][] | undefined {
    return this.kept?.map((g) => [...g]);
  }

  /** A restored run's partner groups, from its checkpoint: the next draw keeps those still standing. */
  restoreKept(groups: readonly (readonly string[])[]): void {
    if (this.matching.design === 'partner') this.kept = groups.map((g) => [...g]);
  }

  /** Everyone in `agent`'s group, itself included (in the draw's order); undefined when unmatched. */
  groupOf(agent: string): readonly string[] | undefined {
    return this.groupOfAgent.get(agent);
  }

  /** A matched agent's population group. */
  groupNameOf(agent: string): string | undefined {
    return this.population.get(agent);
  }

  /** The other member of `agent`'s pair; undefined when unmatched or in larger groups. */
  partnerOf(agent: string): string | undefined {
    const g = this.groupOfAgent.get(agent);
    return g && g.length === 2 ? (g[0] === agent ? g[1] : g[0]) : undefined;
  }
}
