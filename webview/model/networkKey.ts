// What the network's legend says, for the society on screen: tie samples only where the society
// forms ties, what the node colours mean (communities, groups, or nothing: one neutral colour)
// and which values the smallest and largest circles stand for. A view made for the friend-making
// loop spoke of reciprocated ties and communities in a world of actions with no tie at all, and
// coloured its unconnected agents each as a "community" of one.
import { categoryKey, CATEGORY_COLORS } from '../../src/core/analysis/pure';
import { formsTies } from '../../src/core/format/pure';
import type { SocietyDesign } from '../../src/core/protocol/viewMessages';
import { nodeRadius } from '../network/geometry';
import type { NetworkNode } from './networkData';
import { quantityRadius } from './nodeSizing';
import { maxOf, minOf } from '../../src/core/stats/extremes';

/** Colour index of a node that no colour distinguishes (theme.ts `nodeColour`). */
export const NEUTRAL = -1;

/** What the node colours mean. */
export type ColourKey =
  /** `isolated`: some agents have no tie, drawn in the neutral colour (not each a community of one). */
  | { kind: 'community'; isolated: boolean }
  | { kind: 'group'; entries: { label: string; colour: number; title: string }[] }
  | { kind: 'neutral' };

/** One circle of the size scale: a value and the radius it is drawn with (layout units). */
export interface SizeStep {
  value: string;
  radius: number;
}

/** What node sizes mean: the quantity (or "ties") and the circles of its least and most values. */
export interface SizeScale {
  by: string;
  steps: SizeStep[];
}

/**
 * The society forms ties: its design says so (a module's ties count once the trace has some),
 * or, with no design known (a trace file), its trace has ties or rated conversations.
 */
export function showsTies(design: SocietyDesign | undefined, traceHasTies: boolean): boolean {
  return traceHasTies || (design !== undefined && formsTies(design.ties));
}

/**
 * How nodes are coloured: by community in a society that forms ties (an agent without a tie in
 * the neutral colour: `communityColours`); else by group where its agents belong to two or more;
 * else all in one neutral colour.
 */
export function colouring(ties: boolean, groups: ReadonlyMap<string, string>): ColourKey['kind'] {
  if (ties) return 'community';
  return new Set(groups.values()).size >= 2 ? 'group' : 'neutral';
}

/** Group colours (the report's category key: nine and a shared grey past ten) and their legend entries. */
export function groupColours(groups: ReadonlyMap<string, string>): {
  colours: Map<string, number>;
  key: Extract<ColourKey, { kind: 'group' }>;
} {
  const counts = new Map<string, number>();
  for (const g of groups.values()) counts.set(g, (counts.get(g) ?? 0) + 1);
  const key = categoryKey(counts, 'groups');
  const index = (colour: string) => (CATEGORY_COLORS as readonly string[]).indexOf(colour);
  const colours = new Map<string, number>();
  for (const [id, g] of groups) colours.set(id, index(key.colorOf(g)));
  return {
    colours,
    key: {
      kind: 'group',
      entries: key.entries.map((e) => ({
        label: e.label,
        colour: index(e.color),
        title: e.categories.map((c) => c || '(none)').join(', '),
      })),
    },
  };
}

/**
 * Community colours, with agents that have no tie in the neutral colour: Louvain puts each in a
 * community of its own, and a palette colour for it would mean nothing the picture shows.
 */
export function communityColours(
  nodes: readonly NetworkNode[],
  colours: ReadonlyMap<string, number>,
): { colours: Map<string, number>; key: Extract<ColourKey, { kind: 'community' }> } {
  const out = new Map(colours);
  let isolated = false;
  for (const n of nodes) {
    if (n.inDegree + n.outDegree > 0) continue;
    out.set(n.id, NEUTRAL);
    isolated = true;
  }
  return { colours: out, key: { kind: 'community', isolated } };
}

/** Every node the same colour. */
export const neutralColours = (nodes: readonly NetworkNode[]): Map<string, number> =>
  new Map(nodes.map((n) => [n.id, NEUTRAL]));

/** Steps from the least to the most value; one step when they are the same. */
function steps(least: SizeStep, most: SizeStep): SizeStep[] {
  return least.value === most.value ? [least] : [least, most];
}

/** Sized by their ties (in + out): the circles of the fewest and the most ties on screen; none without nodes. */
export function degreeScale(nodes: readonly NetworkNode[]): SizeScale | undefined {
  if (!nodes.length) return undefined;
  const degrees = nodes.map((n) => n.inDegree + n.outDegree);
  const lo = minOf(degrees),
    hi = maxOf(degrees);
  return {
    by: 'ties',
    steps: steps({ value: String(lo), radius: nodeRadius(lo) }, { value: String(hi), radius: nodeRadius(hi) }),
  };
}

/** Sized by an agent quantity over `range` (nodeSizing.ts): the circles of its two ends. */
export function quantityScale(name: string, range: [number, number], format: (v: number) => string): SizeScale {
  const [lo, hi] = range;
  return {
    by: name,
    steps: steps(
      { value: format(lo), radius: quantityRadius(lo, lo, hi) },
      { value: format(hi), radius: quantityRadius(hi, lo, hi) },
    ),
  };
}
