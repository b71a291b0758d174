// Outcomes of a scenario's knowledge (`knowledge:`, issue 44), for experiments: per item the share
// of the agents present who know it at the end (`knowledge.<id>.share`), how many (`.known`), the
// share who believe it (`.believed`), and with a day of several rounds (`day:`), the share at the
// end of each day (`.share.day<d>`): "how far did the party spread in two days" over seeds. And
// who knows of whom: `acquaintance_density`, the share of pairs present who have talked (a pair
// conversation or a room together) or started with a relationship — the Generative Agents town's
// "network density" (agents who know of each other), which ties (friendship) are not.
import type { KnowledgeItem } from '../../format';
import type { TraceEvent } from '../../trace/events';
import { Knowers } from '../../trace/knowers';

export class KnowledgeTally {
  private readonly knowers: Knowers;
  /** Each item's share at the end of each round, by round. */
  private readonly byRound = new Map<number, Map<string, number>>();
  /** Pairs who know of each other, as "a b" with a < b. */
  private readonly acquainted = new Set<string>();

  constructor(private readonly items: readonly KnowledgeItem[]) {
    this.knowers = new Knowers(items.map((k) => k.id));
  }

  add(e: TraceEvent): void {
    this.knowers.add(e);
    if (e.type === 'agent_added') {
      for (const r of e.agent.relationships ?? []) this.meet(e.agent.id, r.with);
    } else if (e.type === 'encounter') this.meet(e.from, e.to);
    else if (e.type === 'room') this.meetAll(e.members);
    else if (e.type === 'round_end') {
      this.byRound.set(e.round, new Map(this.items.map((k) => [k.id, this.knowers.share(k.id)])));
    }
  }

  private meetAll(members: readonly string[]): void {
    members.forEach((a, i) => {
      for (const b of members.slice(i + 1)) this.meet(a, b);
    });
  }

  private meet(a: string, b: string): void {
    if (a !== b) this.acquainted.add(a < b ? `${a} ${b}` : `${b} ${a}`);
  }

  private acquaintanceDensity(): number | null {
    const present = this.knowers.present;
    const n = present.size;
    if (n < 2) return null;
    let pairs = 0;
    for (const p of this.acquainted) {
      const [a, b] = p.split(' ');
      if (present.has(a) && present.has(b)) pairs++;
    }
    return pairs / ((n * (n - 1)) / 2);
  }

  /** `roundsPerDay`: the rounds of a day, when the scenario has days (each day's share is reported). */
  metrics(rounds: number, roundsPerDay?: number): Record<string, number | null> {
    const out: Record<string, number | null> = { acquaintance_density: this.acquaintanceDensity() };
    const n = this.knowers.present.size;
    for (const k of this.items) {
      out[`knowledge.${k.id}.share`] = this.knowers.share(k.id);
      out[`knowledge.${k.id}.known`] = this.knowers.known(k.id);
      out[`knowledge.${k.id}.believed`] = n ? this.knowers.believed(k.id) / n : 0;
      if (!roundsPerDay) continue;
      for (let d = 1; d * roundsPerDay <= rounds; d++) {
        out[`knowledge.${k.id}.share.day${d}`] = this.byRound.get(d * roundsPerDay)?.get(k.id) ?? null;
      }
    }
    return out;
  }
}
