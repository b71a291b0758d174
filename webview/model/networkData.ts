// The tie network on screen at one round, from a replayed world: active agents as nodes, ties at
// or above the threshold in force as directed edges, with degrees and reciprocity marked.
import type { WorldState } from '../../src/core/replay/replay';
import { isolated } from '../../src/core/text/isolated';
import { placesShown, type PlacesShown } from './placeGroups';
import { matchGroupsShown } from './matchGroups';

export interface NetworkNode {
  id: string;
  name: string;
  /** The name as drawn beside its circle: cut to LABEL_CHARS (the full name is the circle's tooltip and the agent panel's). */
  label: string;
  inDegree: number;
  outDegree: number;
  /** Radius when nodes are sized by an agent quantity (model/nodeSizing.ts); by ties otherwise. */
  size?: number;
  /** That quantity's value, as written in the tooltip. */
  quantity?: { name: string; value: string };
  /** Where it is this round (traces with places; absent: away, or no places); else its match group. */
  place?: string;
}

export interface NetworkEdge {
  from: string;
  to: string;
  strength: number;
  /** The tie is returned (to → from exists too). */
  reciprocal: boolean;
}

export interface NetworkData {
  round: number;
  threshold: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Traces with places: where people are this round (model/placeGroups.ts); else the match groups (matchGroups.ts). */
  places?: PlacesShown;
}

/** Longest label drawn: a 400-character name would otherwise run across the whole picture. */
export const LABEL_CHARS = 40;

export function nodeLabel(name: string): string {
  return isolated(
    [...name].length > LABEL_CHARS
      ? `${[...name]
          .slice(0, LABEL_CHARS - 1)
          .join('')
          .trimEnd()}…`
      : name,
  );
}

export function networkAt(state: WorldState): NetworkData {
  const threshold = state.settings.ties.threshold;
  const nodes = new Map<string, NetworkNode>();
  // Places say where people are; without them, match groups say who plays with whom.
  const groups = state.places ? undefined : matchGroupsShown(state);
  for (const a of state.agents.values()) {
    if (a.active) {
      const place = state.places ? state.places.at.get(a.id) : groups?.groupOf.get(a.id);
      nodes.set(a.id, {
        id: a.id,
        name: a.persona.name,
        label: nodeLabel(a.persona.name),
        inDegree: 0,
        outDegree: 0,
        ...(place !== undefined ? { place } : {}),
      });
    }
  }
  const edges: NetworkEdge[] = [];
  const present = new Set<string>();
  for (const [from, to, strength] of state.ties.entries()) {
    if (from === to || !(strength >= threshold)) continue;
    const a = nodes.get(from),
      b = nodes.get(to);
    if (!a || !b) continue;
    a.outDegree++;
    b.inDegree++;
    edges.push({ from, to, strength, reciprocal: false });
    present.add(`${from}\u0000${to}`);
  }
  for (const e of edges) e.reciprocal = present.has(`${e.to}\u0000${e.from}`);
  const places = placesShown(state) ?? groups?.shown;
  return { round: state.round, threshold, nodes: [...nodes.values()], edges, ...(places ? { places } : {}) };
}
