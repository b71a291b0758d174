// Sizing the network's nodes by an agent quantity (the legend's "size:" picker) instead of their
// ties: area grows with the value, from the least to the most the agents on screen hold (the
// legend names both). Fitted to the data, not to 0 or the declared bounds: coins at 206.9–220.9
// on a scale from 0 (or over a run that began at 10) drew every node the same size (issue 73).
import { extent } from 'd3-array';
import type { QuantityInfo } from '../../src/core/protocol/viewMessages';
import type { NetworkNode } from './networkData';

/** Radius of the least and the most value (layout units; nodeRadius by ties spans about 4…16). */
export const QUANTITY_RADIUS: readonly [number, number] = [3, 16];

/** Radius of `value` on a scale from `lo` to `hi`: by area, clamped; the middle size when the range is empty. */
export function quantityRadius(value: number, lo: number, hi: number): number {
  const [r0, r1] = QUANTITY_RADIUS;
  if (!(hi - lo > 1e-12)) return (r0 + r1) / 2;
  const t = Math.max(0, Math.min(1, (value - lo) / (hi - lo)));
  return r0 + (r1 - r0) * Math.sqrt(t);
}

/**
 * The range a quantity is scaled over: the least and the most of `values` (the agents on screen);
 * with no value at all, its declared bounds (nothing is sized by them then). Equal values give an
 * empty range: every node the middle size (quantityRadius).
 */
export function quantityRange(q: Pick<QuantityInfo, 'min' | 'max'>, values: Iterable<number>): [number, number] {
  const [least, most] = extent(values, (v) => (Number.isFinite(v) ? v : undefined));
  if (least !== undefined && most !== undefined) return [least, most];
  const lo = q.min ?? q.max ?? 0;
  return [lo, q.max ?? lo];
}

/**
 * Gives each node its radius and its value (for the tooltip and the circle's label); a node
 * with no value keeps the size of its ties.
 */
export function sizeNodes(
  nodes: NetworkNode[],
  values: ReadonlyMap<string, number>,
  name: string,
  range: [number, number],
  format: (v: number) => string,
): void {
  for (const n of nodes) {
    const v = values.get(n.id);
    if (v === undefined) continue;
    n.size = quantityRadius(v, range[0], range[1]);
    n.quantity = { name, value: format(v) };
  }
}
