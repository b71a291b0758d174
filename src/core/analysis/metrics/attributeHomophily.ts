// The homophily metrics for one node attribute, numeric or categorical by what its values are.
// A numeric attribute (age, a trait, a motivation) gets a correlation; grouping agents by each
// distinct value would make every age its own "group", which is not what homophily by age means.
import { attributeAssortativity, categoryOf } from './assortativity';
import { partitionModularity } from './communities';
import { numericAssortativity, numericValueOf } from './numericAssortativity';
import type { AnyGraph } from './tieGraph';

export type AttributeKind = 'numeric' | 'categorical';

/**
 * Homophily by an attribute (`group` by default), under keys named after it: `<attribute>_assortativity`,
 * and `<attribute>_assortativity_kind` saying how it was measured. Categorical attributes add
 * `<attribute>_modularity` (modularity of the partition by that attribute; nodes without the
 * attribute form one category; both null when no node has it) and `<attribute>_modularity_weighted`
 * (the same with tie strength as edge weight). Numeric ones (every value present a number) are a
 * correlation instead, and add `<attribute>_assortativity_missing`, the nodes left out for lacking a value.
 */
// A type, not an interface: it is then a Record<string, unknown> as a family's values are.
export type AttributeHomophily = {
  [attributeMetric: `${string}_assortativity` | `${string}_modularity` | `${string}_modularity_weighted`]:
    number | null;
  [attributeKind: `${string}_assortativity_kind`]: AttributeKind;
  [attributeMissing: `${string}_assortativity_missing`]: number;
};

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
export function attributeHomophily(projection: AnyGraph, attribute: string): AttributeHomophily {
  const kind = attributeKind(projection, attribute);
  const assortativity = `${attribute}_assortativity` as const;
  // Set key by key (in display order): an object literal's computed keys would widen to any string.
  const metrics: AttributeHomophily = {};
  if (kind === 'numeric') {
    metrics[assortativity] = numericAssortativity(projection, attribute);
    metrics[`${assortativity}_kind`] = kind;
    metrics[`${assortativity}_missing`] = projection.filterNodes(
      (node) => numericValueOf(projection, node, attribute) === undefined,
    ).length;
    return metrics;
  }
  const byValue = (node: string): string | number => categoryOf(projection, node, attribute);
  const attributed = projection.someNode((_node, attrs) => attrs[attribute] !== undefined && attrs[attribute] !== null);
  metrics[assortativity] = attributed ? attributeAssortativity(projection, attribute) : null;
  metrics[`${assortativity}_kind`] = kind;
  metrics[`${attribute}_modularity`] = attributed ? partitionModularity(projection, byValue) : null;
  metrics[`${attribute}_modularity_weighted`] = attributed
    ? partitionModularity(projection, byValue, { weighted: true })
    : null;
  return metrics;
}
