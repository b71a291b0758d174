// How the network looks at a round: node sizes (the agent quantity picked in the legend, else
// ties) and node colours (community, group, or one neutral colour). app.ts keeps the choice.
import type { NetworkData } from './model/networkData';
import { quantityRange, sizeNodes } from './model/nodeSizing';
import {
  colouring,
  communityColours,
  degreeScale,
  groupColours,
  neutralColours,
  quantityScale,
  type ColourKey,
  type SizeScale,
} from './model/networkKey';
import { anchoredColours } from './model/stableColours';
import type { TraceModel } from './model/traceModel';
import type { SizeControl } from './panels/sizeControl';
import { quantityValue } from './panels/worldStatePanel';

/**
 * Sizes the nodes by the chosen agent quantity (the legend's picker, shown when the trace has
 * agent quantities), over the range the agents on screen hold, else by their ties where the
 * society forms ties; returns the quantity chosen and the legend's scale (none: every circle one size).
 */
export function sizeNetwork(
  model: TraceModel,
  control: SizeControl,
  chosen: string | null,
  data: NetworkData,
  round: number,
  ties: boolean,
): { sizeBy: string | null; scale?: SizeScale } {
  const track = model.worldState;
  // A categorical quantity's values name labels, not amounts: nodes are not sized by them.
  const quantities = track.agentQuantities.filter((q) => !q.labels?.length);
  const sizeBy = control.sync(quantities, chosen, ties ? 'ties' : 'equal');
  const q = quantities.find((x) => x.name === sizeBy);
  if (!q) return { sizeBy, scale: ties ? degreeScale(data.nodes) : undefined };
  const values = track.agentValuesAt(q.name, round);
  // Fitted to the agents on screen: one who left keeps no say in how big the others are drawn.
  const range = quantityRange(
    q,
    data.nodes.flatMap((n) => (values.has(n.id) ? [values.get(n.id)!] : [])),
  );
  const format = (v: number) => quantityValue(v, q);
  sizeNodes(data.nodes, values, q.name, range, format);
  return { sizeBy, scale: quantityScale(q.name, range, format) };
}

/**
 * Colours the nodes by community in a society that forms ties, else by group where the run has
 * two or more, else all in one neutral colour (model/networkKey.ts); returns the legend's key.
 * A community's colour is its anchor's (model/stableColours.ts): the same in a parent and its branch.
 */
export function colourNetwork(
  model: TraceModel,
  net: NonNullable<ReturnType<TraceModel['networkAt']>>,
  ties: boolean,
): { colours: Map<string, number>; key: ColourKey } {
  switch (colouring(ties, model.groups)) {
    case 'community': {
      const untied = new Set(net.data.nodes.filter((n) => n.inDegree + n.outDegree === 0).map((n) => n.id));
      return communityColours(net.data.nodes, anchoredColours(net.metrics.communities, untied));
    }
    case 'group':
      return groupColours(model.groups);
    default:
      return { colours: neutralColours(net.data.nodes), key: { kind: 'neutral' } };
  }
}
