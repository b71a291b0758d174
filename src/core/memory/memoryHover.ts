// The memory section of a persona hover: what the agent remembered lately, what mattered most to
// it, and whom it is tied to, at the round the source shows. Markdown; every persona or memory
// string is escaped, since the text comes from model output.
import type { MemoryRecord } from '../trace/events';
import type { WorldState } from '../replay/replay';
import { memoriesPhrase, summarizeAgent, tiesOf, tiesPhrase } from './agentSummary';
import type { MemorySource } from './memorySource';
import { latestMemories, mostImportant } from './queries';

export interface MemoryHoverOptions {
  /** Memories and ties per list (default 3). */
  count?: number;
  /** A markdown link appended at the end, e.g. to open the inspector. */
  link?: string;
}

export function memoryHover(source: MemorySource, agent: string, opts: MemoryHoverOptions = {}): string | undefined {
  const state = source.stateAt();
  const summary = state && summarizeAgent(state, source.ledger, agent);
  if (!state || !summary) return undefined;
  const n = opts.count ?? 3;
  const a = state.agents.get(agent)!;
  const out = [
    `**Memories of ${escapeMarkdown(summary.name)}** · ${escapeMarkdown(source.label)} · round ${summary.round}${source.complete || !source.header ? '' : ` of ${source.header.rounds}`}`,
    [
      `${memoriesPhrase(summary.memories)}${summary.kept < summary.memories ? ` (${summary.kept} kept, ${summary.memories - summary.kept} forgotten)` : ''}`,
      ...(summary.shows.ties ? [tiesPhrase(summary)] : []),
      ...(summary.shows.rewards
        ? [
            `reward ${summary.reward === undefined ? '–' : `${summary.reward.toFixed(2)} (round ${summary.rewardRound})`}`,
          ]
        : []),
    ].join(' · '),
  ];
  if (a.memories.length) {
    out.push(`**Latest**\n\n${latestMemories(a.memories, n).map(memoryLine).join('\n')}`);
    out.push(`**Most important**\n\n${mostImportant(a.memories, n).map(memoryLine).join('\n')}`);
  }
  const ties = summary.shows.ties ? tiesOf(state, agent).slice(0, n) : [];
  if (ties.length) {
    out.push(
      `**Strongest ties**\n\n${ties.map((t) => `- ${escapeMarkdown(nameOf(state, t.agent))}: → ${t.out.toFixed(2)} · ← ${t.in.toFixed(2)}`).join('\n')}`,
    );
  }
  if (opts.link) out.push(opts.link);
  return out.join('\n\n');
}

export function memoryLine(m: MemoryRecord): string {
  return `- r${m.round} · ${m.kind} · ★${m.importance} — ${escapeMarkdown(clip(m.text, 140))}`;
}

export function nameOf(state: WorldState, agent: string): string {
  return state.agents.get(agent)?.persona.name ?? agent;
}

export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** Markdown-inert text: no emphasis, links, code, headings, tables or HTML. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#|!~+\-.&]/g, (c) => `\\${c}`);
}
