// The homophily metrics for one node attribute, numeric or categorical by what its values are.
// A numeric attribute (age, a trait, a motivation) gets a correlation; grouping agents by each
// distinct value would make every age its own "group", which is not what homophily by age means.
import { attributeAssortativity, categoryOf } from './assortativity';
import { partitionModularity } from './communities';
import { numericAssortativity, numericValueOf } from './numericAssortativity';
import type { AnyGraph } from './tieGraph';

export type AttributeKind = 'numeric' | 'categorical';

/**
 * Numeric when at least one node has the attribute and every value present is a finite number;
 * categorical otherwise (text values, a mix of numbers and text, or no node having it).
 */
export function attributeKind(graph: AnyGraph, attribute: string): AttributeKind {
  let present = 0;
  const allNumbers = graph.everyNode((node, attrs) => {
    const value: unknown = attrs[attribute];
    if (value === undefined || value === null) return true;
    present++;
    return numericValueOf(graph, node, attribute) !== undefined;
  });
  return present > 0 && allNumbers ? 'numeric' : 'categorical';
}

/**
 * The homophily metrics of `attribute` on the undirected projection, in display order:
 * `<attribute>_assortativity`, `<attribute>_assortativity_kind` and then
 * - categorical: `<attribute>_modularity`, the (unweighted) modularity of the split by value, and
 *   `<attribute>_modularity_weighted`, the same with tie strength as edge weight. Nodes without
 *   the attribute form one category; the figures are null when no node has it.
 * - numeric: `<attribute>_assortativity_missing`, the nodes left out (no numeric value; their
 *   edges go too). No modularity: a split by value has one group per distinct number.
 */
export function attributeHomophily(projection: AnyGraph, attribute: string): Record<string, number | string | null> {
  const kind = attributeKind(projection, attribute);
  const assortativity = `${attribute}_assortativity`;
  if (kind === 'numeric') {
    const missing = projection.filterNodes((node) => numericValueOf(projection, node, attribute) === undefined).length;
    return {
      [assortativity]: numericAssortativity(projection, attribute),
      [`${assortativity}_kind`]: kind,
      [`${assortativity}_missing`]: missing,
    };
  }
  const byValue = (node: string): string | number => categoryOf(projection, node, attribute);
  const attributed = projection.someNode((_node, attrs) => attrs[attribute] !== undefined && attrs[attribute] !== null);
  return {
    [assortativity]: attributed ? attributeAssortativity(projection, attribute) : null,
    [`${assortativity}_kind`]: kind,
    [`${attribute}_modularity`]: attributed ? partitionModularity(projection, byValue) : null,
    [`${attribute}_modularity_weighted`]: attributed
      ? partitionModularity(projection, byValue, { weighted: true })
      : null,
  };
}
