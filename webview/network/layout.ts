// The force-directed layout, kept alive across updates: nodes are matched by agent id and keep
// their positions and velocities, newcomers start next to a neighbour, and each update only
// nudges the simulation (a small reheat), so the picture grows instead of jumping.
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import type { NetworkData, NetworkEdge, NetworkNode } from '../model/networkData';
import { nodeRadius } from './geometry';
import { placeAnchors } from '../model/placeGroups';

export interface LayoutNode extends SimulationNodeDatum, NetworkNode {
  x: number;
  y: number;
  radius: number;
  /** Colour index of its community. */
  colour: number;
}

export interface LayoutLink extends SimulationLinkDatum<LayoutNode>, Omit<NetworkEdge, 'from' | 'to'> {
  source: LayoutNode;
  target: LayoutNode;
}

/** Reheat on structural change: enough to settle newcomers, not enough to scramble the rest. */
const REHEAT = 0.25;

export class ForceLayout {
  nodes: LayoutNode[] = [];
  links: LayoutLink[] = [];
  readonly simulation: Simulation<LayoutNode, LayoutLink>;
  private readonly byId = new Map<string, LayoutNode>();
  /** Nodes are sized by a quantity: a collision force keeps the larger circles apart. */
  private collide = false;
  /** The last graph had places: agents are pulled toward their place (pullToPlaces). */
  private byPlace = false;

  constructor(onTick: () => void) {
    this.simulation = forceSimulation<LayoutNode, LayoutLink>()
      .force('charge', forceManyBody<LayoutNode>().strength(-40).theta(0.9).distanceMax(500))
      .force(
        'link',
        forceLink<LayoutNode, LayoutLink>()
          .distance(45)
          .strength((l) => 0.05 + 0.25 * l.strength),
      )
      .force('x', forceX<LayoutNode>(0).strength(0.04))
      .force('y', forceY<LayoutNode>(0).strength(0.04))
      .alphaDecay(0.03)
      .on('tick', onTick)
      .stop();
  }

  /**
   * Replaces the graph. `colours` gives each node's community colour; `positions` seeds nodes
   * never seen (a restored view). Returns true if nodes or ties were added or removed.
   */
  update(data: NetworkData, colours: Map<string, number>, positions?: Record<string, [number, number]>): boolean {
    const seen = new Set<string>();
    const adjacency = new Map<string, string[]>();
    for (const e of data.edges) {
      (adjacency.get(e.from) ?? adjacency.set(e.from, []).get(e.from)!).push(e.to);
      (adjacency.get(e.to) ?? adjacency.set(e.to, []).get(e.to)!).push(e.from);
    }
    let changed = data.nodes.length !== this.nodes.length || data.edges.length !== this.links.length;
    const nodes: LayoutNode[] = [];
    const fresh: LayoutNode[] = [];
    for (const n of data.nodes) {
      seen.add(n.id);
      let node = this.byId.get(n.id);
      if (!node) {
        const at = positions?.[n.id];
        node = { ...n, x: at ? at[0] : NaN, y: at ? at[1] : NaN, radius: 0, colour: 0 };
        this.byId.set(n.id, node);
        if (!at) fresh.push(node);
        changed = true;
      }
      Object.assign(node, n);
      node.size = n.size;
      node.quantity = n.quantity;
      node.radius = n.size ?? nodeRadius(n.inDegree + n.outDegree);
      node.colour = colours.get(n.id) ?? 0;
      nodes.push(node);
    }
    for (const id of [...this.byId.keys()]) if (!seen.has(id)) this.byId.delete(id);
    this.place(fresh, adjacency);
    const before = new Set(this.links.map((l) => `${l.source.id}\u0000${l.target.id}`));
    this.links = data.edges.map((e) => {
      if (!before.has(`${e.from}\u0000${e.to}`)) changed = true;
      return {
        source: this.byId.get(e.from)!,
        target: this.byId.get(e.to)!,
        strength: e.strength,
        reciprocal: e.reciprocal,
      };
    });
    this.nodes = nodes;
    // Sized by a quantity, circles grow apart from their ties: keep them from covering each other
    // (only then, so a network sized by its ties is laid out as it always was).
    const sized = data.nodes.some((n) => n.size !== undefined);
    if (sized !== this.collide) {
      this.collide = sized;
      this.simulation.force('collide', sized ? forceCollide<LayoutNode>((n) => n.radius + 2).iterations(2) : null);
      changed = true;
    }
    this.pullToPlaces(data);
    this.simulation.nodes(nodes);
    this.simulation.force<ReturnType<typeof forceLink<LayoutNode, LayoutLink>>>('link')!.links(this.links);
    return changed;
  }

  /**
   * With places, each agent is pulled toward its place's anchor (the away toward the centre), so
   * people cluster where they are; without, every agent toward the centre, as always.
   */
  private pullToPlaces(data: NetworkData): void {
    const places = data.places;
    if (!places && !this.byPlace) return;
    this.byPlace = !!places;
    // Anchors for the places someone is at now: a town of eighteen places with eleven occupied
    // gets eleven well-spaced clusters, not eighteen slots with the people crowded between them.
    const anchors = placeAnchors(places?.places.filter((p) => p.count > 0).map((p) => p.id) ?? []);
    const at = (n: LayoutNode, k: 0 | 1): number => (n.place !== undefined ? (anchors.get(n.place)?.[k] ?? 0) : 0);
    const strength = places ? 0.3 : 0.04;
    this.simulation.force('x', forceX<LayoutNode>((n) => at(n, 0)).strength(strength));
    this.simulation.force('y', forceY<LayoutNode>((n) => at(n, 1)).strength(strength));
    // Ties still draw friends together, but gently: where people are is what the picture shows.
    this.simulation
      .force<ReturnType<typeof forceLink<LayoutNode, LayoutLink>>>('link')!
      .strength((l) => (places ? 0.3 : 1) * (0.05 + 0.25 * l.strength));
  }

  /** Newcomers start beside an already placed neighbour, or on a spiral around the centre. */
  private place(fresh: LayoutNode[], adjacency: Map<string, string[]>): void {
    let i = this.nodes.length;
    for (const node of fresh) {
      const anchor = (adjacency.get(node.id) ?? [])
        .map((id) => this.byId.get(id))
        .find((n) => n && Number.isFinite(n.x));
      if (anchor) {
        const angle = (i * 2.39996) % (2 * Math.PI);
        node.x = anchor.x + 20 * Math.cos(angle);
        node.y = anchor.y + 20 * Math.sin(angle);
      } else {
        const r = 10 * Math.sqrt(0.5 + i),
          angle = i * 2.39996;
        node.x = r * Math.cos(angle);
        node.y = r * Math.sin(angle);
      }
      i++;
    }
  }

  /** Nudge after a change (or a first heat for a new graph) and let it animate. */
  reheat(alpha = REHEAT): void {
    this.simulation.alpha(Math.max(this.simulation.alpha(), alpha)).restart();
  }

  /** Advance without drawing (initial settle of a freshly loaded graph). */
  settle(ticks: number): void {
    this.simulation.tick(ticks);
  }

  find(x: number, y: number, radius: number): LayoutNode | undefined {
    let best: LayoutNode | undefined,
      bestD = Infinity;
    for (const n of this.nodes) {
      const d = Math.hypot(n.x - x, n.y - y) - n.radius;
      if (d < bestD && d <= radius) {
        best = n;
        bestD = d;
      }
    }
    return best;
  }

  get(id: string): LayoutNode | undefined {
    return this.byId.get(id);
  }

  positions(): Record<string, [number, number]> {
    const out: Record<string, [number, number]> = {};
    for (const n of this.nodes) out[n.id] = [Math.round(n.x * 10) / 10, Math.round(n.y * 10) / 10];
    return out;
  }

  /** Freezes the layout where it is (it counts as settled). */
  stop(): void {
    this.simulation.stop().alpha(0);
  }
}
