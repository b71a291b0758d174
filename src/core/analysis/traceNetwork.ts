// The tie network of a run, from its trace: agents (with their persona's scalar fields as node
// attributes) and the ties at or above the threshold, at the end of any round (via replay).
import { DRIVERS, TRAIT_NAMES, type Persona } from '../format/model';
import type { TraceEvent, TraceHeader } from '../trace/events';
import { forEachLineSync } from '../trace/lines';
import { TraceLineReader } from '../trace/reader';
import { replay, type WorldState } from '../trace/replay';
import { graphFromTies } from './graphFromTies';
import type { TieGraph } from './tieGraph';

/**
 * A persona as flat node attributes (for homophily, colouring and GraphML): name, group and the
 * other scalar fields, each trait by name, each motivation as `motivation_<driver>`, interests
 * joined by "; ".
 */
export function personaAttributes(persona: Persona): Record<string, string | number> {
  const attrs: Record<string, string | number> = { name: persona.name };
  for (const key of ['group', 'age', 'gender', 'occupation', 'location'] as const) {
    const value = persona[key];
    if (value !== undefined) attrs[key] = value;
  }
  for (const trait of TRAIT_NAMES) if (typeof persona.traits?.[trait] === 'number') attrs[trait] = persona.traits[trait];
  for (const driver of DRIVERS) {
    if (typeof persona.motivations?.[driver] === 'number') attrs[`motivation_${driver}`] = persona.motivations[driver];
  }
  if (persona.interests?.length) attrs.interests = persona.interests.join('; ');
  return attrs;
}

/** The tie network of a replayed world: active agents, ties at or above its current threshold. */
export function tieNetworkOf(state: WorldState): TieGraph {
  const agents = [...state.agents.values()].filter((a) => a.active);
  const present = new Set(agents.map((a) => a.id));
  const ties = [...state.ties.entries()]
    .filter(([from, to]) => present.has(from) && present.has(to))
    .map(([from, to, strength]) => ({ from, to, strength }));
  return graphFromTies(agents.map((a) => ({ id: a.id, attrs: personaAttributes(a.persona) })), ties, state.settings.ties.threshold);
}

export interface LoadedTrace {
  header: TraceHeader;
  /** The events `loadTrace` was asked to keep (by default those that shape the tie network). */
  events: TraceEvent[];
  /** The last round present in the trace. */
  lastRound: number;
  complete: boolean;
}

const NETWORK_EVENTS: ReadonlySet<TraceEvent['type']> = new Set(['round_start', 'agent_added', 'agent_removed', 'tie', 'tie_decay', 'event_fired', 'round_end', 'run_end']);

/** Events that change the tie network or its agents (replay reads nothing else for `tieNetworkOf`). */
export function shapesNetwork(e: TraceEvent): boolean {
  return NETWORK_EVENTS.has(e.type);
}

/**
 * Reads a trace file line by line, keeping the events `keep` selects (default: those that shape
 * the tie network, a small part of a trace: messages and memories are most of it). Any unreadable
 * line is an error naming file and line.
 */
export function loadTrace(file: string, keep: (e: TraceEvent) => boolean = shapesNetwork): LoadedTrace {
  const events: TraceEvent[] = [];
  let lastRound = 0;
  const reader = new TraceLineReader(false, (e) => {
    if (e.round > lastRound) lastRound = e.round;
    if (keep(e)) events.push(e);
  });
  try {
    forEachLineSync(file, (line) => reader.line(line));
  } catch (err) {
    throw new Error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const read = reader.result();
  if (read.errors.length > 0 || !read.header) {
    const shown = read.errors.slice(0, 5).map((e) => `${file}:${e.line}: ${e.message}`);
    const more = read.errors.length > 5 ? [`... and ${read.errors.length - 5} more problems`] : [];
    throw new Error([...shown, ...more].join('\n') || `${file}: not a society trace`);
  }
  return { header: read.header, events, lastRound, complete: read.complete };
}

/** The tie network at the end of `round` (default: the last round in the trace). */
export function traceTieNetwork(trace: LoadedTrace, round = trace.lastRound): TieGraph {
  return tieNetworkOf(replay(trace.header, trace.events, round));
}
