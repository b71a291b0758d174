// One agent at a glance, for the CodeLens above its persona and the Society tree: how many
// memories it was given, how many ties it holds, its latest reward. Ties are counted both ways at
// or above the threshold: its own (whom it considers a friend, like the round stats) and others' to it.
import type { WorldState } from '../replay/replay';
import type { MemoryLedger } from './ledger';

export interface TieSummary {
  /** The other agent. */
  agent: string;
  /** My tie to them (0 when none). */
  out: number;
  /** Their tie to me (0 when none). */
  in: number;
}

export interface AgentSummary {
  agent: string;
  name: string;
  round: number;
  /** Memories written in rounds ≤ round (= its `memory` events in the trace). */
  memories: number;
  /** Memories still in its stream (streams are capped; the rest was forgotten). */
  kept: number;
  /** Outgoing ties at or above the threshold. */
  ties: number;
  /** Incoming ties at or above the threshold. */
  tiesIn: number;
  /** Total of its latest reward phase, 0..1. */
  reward?: number;
  rewardRound?: number;
  /** What applies to the world it lives in: ties and rewards are left unsaid where none exist (issue 59). */
  shows: WorldShows;
}

/** Whether an agent's ties and rewards are worth a word: some tie reached the threshold, some reward was given. */
export interface WorldShows {
  ties: boolean;
  rewards: boolean;
}

/** What a state's agent summaries say: ties once some reached the threshold, rewards once one was given. */
export function worldShows(state: WorldState, incoming = incomingTies(state)): WorldShows {
  let rewards = false;
  for (const a of state.agents.values()) if (a.lastReward) rewards = true;
  return { ties: incoming.size > 0, rewards };
}

/**
 * `incoming` (from incomingTies) saves a pass over every tie when summarising many agents of the
 * same state, as the CodeLens of a file with many personas does.
 */
export function summarizeAgent(
  state: WorldState,
  ledger: MemoryLedger,
  agent: string,
  incoming = incomingTies(state),
  shows = worldShows(state, incoming),
): AgentSummary | undefined {
  const a = state.agents.get(agent);
  if (!a) return undefined;
  const threshold = state.settings.ties.threshold;
  let ties = 0;
  for (const t of a.active ? state.ties.outgoing(agent).values() : []) if (t.strength >= threshold) ties++;
  return {
    agent,
    name: a.persona.name ?? agent,
    round: state.round,
    memories: ledger.written(agent, state.round),
    kept: a.memories.length,
    ties,
    tiesIn: incoming.get(agent) ?? 0,
    ...(a.lastReward ? { reward: a.lastReward.total, rewardRound: a.lastReward.round } : {}),
    shows,
  };
}

/** How many ties at or above the threshold point at each agent. */
export function incomingTies(state: WorldState): Map<string, number> {
  const threshold = state.settings.ties.threshold;
  const out = new Map<string, number>();
  for (const [from, to, s] of state.ties.entries()) {
    if (from !== to && s >= threshold) out.set(to, (out.get(to) ?? 0) + 1);
  }
  return out;
}

/**
 * "34 memories · 5 ties out · 2 in · reward 0.62", the CodeLens title and the tree's description:
 * ties both ways at or above the threshold, as the society view's agent card counts them; ties and
 * reward only where the world has them.
 */
export function summaryTitle(s: AgentSummary): string {
  return [
    memoriesPhrase(s.memories),
    ...(s.shows.ties ? [tiesPhrase(s)] : []),
    ...(s.shows.rewards ? [rewardPhrase(s)] : []),
  ].join(' · ');
}

/**
 * The CodeLens above a persona: the summary and the run it is read from ("… · run
 * friends-20261128-014012"), since the lens follows whichever run was shown last (issue 73: 3).
 */
export function lensTitle(s: AgentSummary, run: string): string {
  return `${summaryTitle(s)} · ${runPhrase(run)}`;
}

/**
 * "run friends-20261128-014012": a run by its folder's name, a long one cut in the middle so the
 * end that tells runs of a scenario apart (their time) is kept and the lens stays one short line.
 */
export function runPhrase(run: string): string {
  const MAX = 30;
  const name = [...run];
  if (name.length <= MAX) return `run ${run}`;
  // The editor's run folders end in their time (run/runFolder.ts), "-2" for a second in the same
  // second; a debug session's source in "(debug)".
  const tail = [...(/(?:\d{8}-\d{6}(?:-\d+)?| \([^()]*\))$/.exec(run)?.[0] ?? name.slice(-15).join(''))];
  return `run ${name.slice(0, Math.max(MAX - tail.length - 1, 8)).join('')}…${tail.join('')}`;
}

/** "reward 0.62", "reward –" before its first reward. */
export const rewardPhrase = (s: Pick<AgentSummary, 'reward'>): string =>
  `reward ${s.reward === undefined ? '–' : s.reward.toFixed(2)}`;

/** "1 memory", "34 memories". */
export const memoriesPhrase = (n: number): string => `${n} ${n === 1 ? 'memory' : 'memories'}`;

/** "1 tie out · 2 in": the same words wherever an agent's ties are counted (CodeLens, tree, hover). */
export const tiesPhrase = (s: Pick<AgentSummary, 'ties' | 'tiesIn'>): string =>
  `${s.ties} ${s.ties === 1 ? 'tie' : 'ties'} out · ${s.tiesIn} in`;

/** Its ties both ways, strongest (by the larger direction) first. */
export function tiesOf(state: WorldState, agent: string): TieSummary[] {
  const byOther = new Map<string, TieSummary>();
  const get = (other: string) => {
    let t = byOther.get(other);
    if (!t) {
      t = { agent: other, out: 0, in: 0 };
      byOther.set(other, t);
    }
    return t;
  };
  for (const [other, t] of state.ties.outgoing(agent)) if (other !== agent) get(other).out = t.strength;
  for (const [from, to, s] of state.ties.entries()) if (to === agent && from !== agent) get(from).in = s;
  return [...byOther.values()].sort(
    (a, b) => Math.max(b.out, b.in) - Math.max(a.out, a.in) || b.out - a.out || a.agent.localeCompare(b.agent),
  );
}
