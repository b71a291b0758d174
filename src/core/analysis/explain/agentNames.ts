// Naming an agent as a researcher types it: its id, its persona's name, its first name or the start
// of its id ("maya" for maya_chen). An unknown or ambiguous name is said in one sentence, with the
// nearest agent as a suggestion.
import { didYouMean } from '../../format';
import type { TraceEvent } from '../../trace/events';

export type Found = { id: string } | { problem: string };

/** Agent ids with their persona names, from the trace's `agent_added` events. */
export function agentRoster(events: readonly TraceEvent[]): Map<string, string> {
  const roster = new Map<string, string>();
  for (const e of events) if (e.type === 'agent_added') roster.set(e.agent.id, e.agent.name);
  return roster;
}

/** The words an agent answers to, lower-cased: its id, the starts of its id, its name, its first name. */
function wordsFor(id: string, name: string): string[] {
  const low = id.toLowerCase(),
    full = name.toLowerCase();
  const starts: string[] = [];
  for (let i = low.indexOf('_'); i > 0; i = low.indexOf('_', i + 1)) starts.push(low.slice(0, i));
  return [low, ...starts, full, full.split(/\s+/)[0]];
}

export function findAgent(roster: ReadonlyMap<string, string>, typed: string): Found {
  if (roster.has(typed)) return { id: typed };
  const byWord = new Map<string, Set<string>>();
  for (const [id, name] of roster) {
    for (const w of wordsFor(id, name)) byWord.set(w, (byWord.get(w) ?? new Set()).add(id));
  }
  const matches = [...(byWord.get(typed.toLowerCase()) ?? [])];
  if (matches.length === 1) return { id: matches[0] };
  if (matches.length > 1) {
    return { problem: `'${typed}' could be ${matches.join(' or ')}: name one of them by its id.` };
  }
  const near = didYouMean(typed.toLowerCase(), byWord.keys());
  const ids = near === undefined ? [] : [...byWord.get(near)!];
  const some = [...roster.keys()].slice(0, 5).join(', ');
  return {
    problem:
      ids.length === 1
        ? `No agent '${typed}' in this run; did you mean ${ids[0]} (${roster.get(ids[0])})?`
        : `No agent '${typed}' in this run; its agents include ${some || 'none'}.`,
  };
}

/** The quantities a trace records (its `state` events), world's and agents'. */
export function recordedQuantities(events: readonly TraceEvent[]): { world: Set<string>; agents: Set<string> } {
  const world = new Set<string>(),
    agents = new Set<string>();
  for (const e of events) {
    if (e.type !== 'state') continue;
    for (const k of Object.keys(e.world)) world.add(k);
    for (const v of Object.values(e.agents)) for (const k of Object.keys(v)) agents.add(k);
  }
  return { world, agents };
}
