// The tie network of a run, from its trace: agents (with their persona's scalar fields as node
// attributes) and the ties at or above the threshold, at the end of any round (via replay).
import { readFileSync } from 'node:fs';
import { DRIVERS, TRAIT_NAMES, type Persona } from '../format/model';
import type { TraceEvent, TraceHeader } from '../trace/events';
import { readTrace } from '../trace/reader';
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
  events: TraceEvent[];
  /** The last round present in the trace. */
  lastRound: number;
  complete: boolean;
}

/** Reads a trace file; any unreadable line is an error naming file and line. */
export function loadTrace(file: string): LoadedTrace {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const read = readTrace(text);
  if (read.errors.length > 0 || !read.header) {
    const shown = read.errors.slice(0, 5).map((e) => `${file}:${e.line}: ${e.message}`);
    const more = read.errors.length > 5 ? [`... and ${read.errors.length - 5} more problems`] : [];
    throw new Error([...shown, ...more].join('\n') || `${file}: not a society trace`);
  }
  const lastRound = read.events.reduce((max, e) => Math.max(max, e.round), 0);
  return { header: read.header, events: read.events, lastRound, complete: read.complete };
}

/** The tie network at the end of `round` (default: the last round in the trace). */
export function traceTieNetwork(trace: LoadedTrace, round = trace.lastRound): TieGraph {
  return tieNetworkOf(replay(trace.header, trace.events, round));
}
