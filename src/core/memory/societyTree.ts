// The Society tree's content, editor-neutral: a run's agents, and under each its memories (newest
// first, forgotten ones marked), ties and rewards. The extension turns these into TreeItems.
import { DRIVERS, DRIVER_LABELS } from '../format';
import type { MemoryKind, RewardEvent } from '../trace/events';
import { incomingTies, summarizeAgent, summaryTitle, tiesOf, worldShows } from './agentSummary';
import type { MemorySource } from './memorySource';
import { clip, nameOf } from './memoryHover';

/** Codicon per memory kind. */
export const MEMORY_ICONS: Record<MemoryKind, string> = {
  seed: 'pinned',
  observation: 'eye',
  conversation: 'comment-discussion',
  evaluation: 'star-half',
  advice: 'lightbulb',
  reflection: 'sparkle',
};

export type AgentGroup = 'memories' | 'ties' | 'rewards';

export type SocietyNode =
  | { type: 'agent'; agent: string; label: string; description: string }
  | { type: 'group'; agent: string; group: AgentGroup; label: string; description: string }
  | {
      type: 'memory';
      agent: string;
      id: number;
      label: string;
      description: string;
      tooltip: string;
      icon: string;
      line?: number;
      kept: boolean;
    }
  | { type: 'tie'; agent: string; other: string; label: string; description: string }
  | { type: 'reward'; agent: string; round: number; label: string; description: string };

/** Whether a run that has no run_end in its trace may still be going (see runProgress). */
export type Liveness = 'running' | 'ended';

/**
 * How far a run got, for the tree: "round 30/30" (complete), "round 12/300 · running",
 * "stopped after round 133/300" (stopped or cancelled: its trace ends at a round end), "stopped
 * in round 2/10" (a debug session ended mid-round). A trace without run_end is running only while
 * it is being written (`liveness`).
 */
export function runProgress(
  source: Pick<MemorySource, 'header' | 'complete' | 'events' | 'lastRound'>,
  liveness: Liveness,
): string {
  if (!source.header) return '';
  const of = `${source.lastRound}/${source.header.rounds}`;
  if (source.complete) return `round ${of}`;
  if (liveness === 'running') return `round ${of} · running`;
  const last = source.events[source.events.length - 1];
  return !last || last.type === 'round_end' ? `stopped after round ${of}` : `stopped in round ${of}`;
}

export function agentNodes(source: MemorySource): SocietyNode[] {
  const state = source.stateAt();
  if (!state) return [];
  const out: SocietyNode[] = [];
  const incoming = incomingTies(state);
  const shows = worldShows(state, incoming);
  for (const a of state.agents.values()) {
    const s = summarizeAgent(state, source.ledger, a.id, incoming, shows);
    if (s) {
      out.push({
        type: 'agent',
        agent: a.id,
        label: s.name,
        description: `${a.active ? '' : 'left · '}${summaryTitle(s)}`,
      });
    }
  }
  return out.sort((x, y) => x.label.localeCompare(y.label));
}

export function groupNodes(source: MemorySource, agent: string): SocietyNode[] {
  const state = source.stateAt();
  const s = state && summarizeAgent(state, source.ledger, agent);
  if (!s) return [];
  return [
    {
      type: 'group',
      agent,
      group: 'memories',
      label: 'Memories',
      description: `${s.memories}${s.kept < s.memories ? ` (${s.kept} kept)` : ''}`,
    },
    // Ties and rewards only where the world has them (issue 59), as the agent's description says.
    ...(s.shows.ties
      ? [
          {
            type: 'group' as const,
            agent,
            group: 'ties' as const,
            label: 'Ties',
            description: `${s.ties} out · ${s.tiesIn} in`,
          },
        ]
      : []),
    ...(s.shows.rewards
      ? [
          {
            type: 'group' as const,
            agent,
            group: 'rewards' as const,
            label: 'Rewards',
            description: s.reward === undefined ? 'none yet' : `latest ${s.reward.toFixed(2)}`,
          },
        ]
      : []),
  ];
}

export function memoryNodes(source: MemorySource, agent: string): SocietyNode[] {
  const state = source.stateAt();
  const a = state?.agents.get(agent);
  if (!a) return [];
  const kept = new Set(a.memories.map((m) => m.id));
  const entries = source.ledger.entries(agent, source.round);
  const out: SocietyNode[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const { memory: m, line, evidence } = entries[i];
    const isKept = kept.has(m.id);
    out.push({
      type: 'memory',
      agent,
      id: m.id,
      label: clip(m.text, 90),
      icon: MEMORY_ICONS[m.kind] ?? 'note',
      kept: isKept,
      description: `r${m.round} · ${m.kind} · ★${m.importance}${isKept ? '' : ' · forgotten'}`,
      tooltip: `#${m.id} · round ${m.round} · ${m.kind} · importance ${m.importance}${evidence ? ` · from #${evidence.join(', #')}` : ''}${isKept ? '' : ' · forgotten'}\n\n${m.text}`,
      ...(line !== undefined ? { line } : {}),
    });
  }
  return out;
}

export function tieNodes(source: MemorySource, agent: string): SocietyNode[] {
  const state = source.stateAt();
  if (!state) return [];
  const threshold = state.settings.ties.threshold;
  return tiesOf(state, agent).map((t) => ({
    type: 'tie',
    agent,
    other: t.agent,
    label: nameOf(state, t.agent),
    description: `→ ${t.out.toFixed(2)} · ← ${t.in.toFixed(2)}${t.out >= threshold && t.in >= threshold ? ' · mutual' : ''}`,
  }));
}

export function rewardNodes(source: MemorySource, agent: string): SocietyNode[] {
  const round = source.round;
  const rewards = source.events.filter(
    (e): e is RewardEvent => e.type === 'reward' && e.agent === agent && e.round <= round,
  );
  return rewards.reverse().map((e) => ({
    type: 'reward',
    agent,
    round: e.round,
    label: `round ${e.round} · ${e.total.toFixed(2)}`,
    description: DRIVERS.map((d) => `${DRIVER_LABELS[d]} ${e.raw[d].toFixed(2)}`).join(' · '),
  }));
}
