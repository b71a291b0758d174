// The tie network over a run's rounds, for dynamic exports (GEXF spells): when each agent was
// present, and in which rounds each directed tie stood at or above the threshold, with its
// strength at the end of each of those rounds. One forward pass over the trace.
import type { TraceEvent, TraceHeader } from '../../trace/events';
import { Replayer } from '../../replay/replay';
import { tieNetworkOf } from '../metrics/traceNetwork';
import { nodeId } from '../metrics/nodeKeys';
import type { TieGraph } from '../metrics/tieGraph';

/** Inclusive round interval. */
export type Spell = [start: number, end: number];

export interface TimelineNode {
  id: string;
  attrs: Record<string, unknown>;
  spells: Spell[];
}

export interface TimelineTie {
  from: string;
  to: string;
  spells: Spell[];
  /** Strength at the end of each round the tie stood, in round order. */
  strengths: { round: number; value: number }[];
}

export interface TieTimeline {
  firstRound: number;
  lastRound: number;
  nodes: TimelineNode[];
  ties: TimelineTie[];
}

function extend(spells: Spell[], round: number): void {
  const last = spells[spells.length - 1];
  if (last && last[1] === round - 1) last[1] = round;
  else spells.push([round, round]);
}

/**
 * The timeline built round by round from each round's network (rounds in order from 0): a trace
 * streams past and only the output is held.
 */
export class TieTimelineBuilder {
  private readonly nodes = new Map<string, TimelineNode>();
  private readonly ties = new Map<string, TimelineTie>();

  /** The network at the end of `round`. */
  add(round: number, graph: TieGraph): void {
    const { nodes, ties } = this;
    graph.forEachNode((key, attrs) => {
      const id = nodeId(key);
      let node = nodes.get(id);
      if (!node) nodes.set(id, (node = { id, attrs, spells: [] }));
      node.attrs = attrs;
      extend(node.spells, round);
    });
    graph.forEachEdge((_edge, attrs, fromKey, toKey) => {
      const [from, to] = [nodeId(fromKey), nodeId(toKey)];
      const key = `${from}\u0000${to}`;
      let tie = ties.get(key);
      if (!tie) ties.set(key, (tie = { from, to, spells: [], strengths: [] }));
      extend(tie.spells, round);
      tie.strengths.push({ round, value: attrs.weight });
    });
  }

  finish(lastRound: number): TieTimeline {
    return { firstRound: 0, lastRound, nodes: [...this.nodes.values()], ties: [...this.ties.values()] };
  }
}

/** Rounds 0..`lastRound` (default: the trace's last round). */
export function tieTimeline(
  header: TraceHeader,
  events: readonly TraceEvent[],
  lastRound = events.reduce((max, e) => Math.max(max, e.round), 0),
): TieTimeline {
  const replayer = new Replayer(header, events);
  const builder = new TieTimelineBuilder();
  for (let round = 0; round <= lastRound; round++) builder.add(round, tieNetworkOf(replayer.stateAt(round)));
  return builder.finish(lastRound);
}
