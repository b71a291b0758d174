// Homophily by a node attribute (`group` by default, `society metrics --attribute` another):
// `<attribute>_assortativity` and how it was measured (`_kind`); a categorical attribute adds the
// modularity of the split by it, unweighted and weighted by tie strength; a numeric one the nodes
// left out for lacking a value (`_missing`). See attributeHomophily.ts.
import { CORRELATION, COUNT, type Metric, type MetricBounds, type MetricFamily } from './metric';

const ASSORTATIVITY = /^(.+)_assortativity$/;
const KIND = /^(.+)_assortativity_kind$/;
const MISSING = /^(.+)_assortativity_missing$/;
const WEIGHTED = /^(.+)_modularity_weighted$/;
const MODULARITY = /^(.+)_modularity$/;

/** Any split's modularity lies in −½..1. */
const MODULARITY_BOUNDS: MetricBounds = [-0.5, 1];

function describeHomophily(key: string, metrics?: object): string {
  const assortativity = ASSORTATIVITY.exec(key);
  if (assortativity) {
    const attribute = assortativity[1];
    const kind = (metrics as Record<string, unknown> | undefined)?.[`${key}_kind`];
    return kind === 'numeric'
      ? `Homophily (numeric): do agents tie to others of similar ${attribute} (+1) or of distant ${attribute} (−1)? The correlation of ${attribute} at either end of a tie.`
      : `Homophily (categorical): do agents tie within their ${attribute} (+1) or across (−1)? Each distinct value is its own category.`;
  }
  const kind = KIND.exec(key);
  if (kind) {
    return `How ${kind[1]} homophily is measured: numeric (every value is a number: a correlation, and no modularity, which would make each distinct value a group) or categorical (each value a category).`;
  }
  const missing = MISSING.exec(key);
  if (missing) return `Agents without a numeric ${missing[1]}, left out of its assortativity along with their ties.`;
  const weighted = WEIGHTED.exec(key);
  if (weighted) {
    return `Modularity of the split by ${weighted[1]}, weighted by tie strength (a pair tied both ways weighs one direction's strength, as NetworkX's undirected projection keeps it).`;
  }
  const modularity = MODULARITY.exec(key);
  return modularity ? `Modularity of the split by ${modularity[1]} (undirected, unweighted).` : '';
}

export const HOMOPHILY = {
  names: [
    '<attribute>_assortativity',
    '<attribute>_assortativity_kind',
    '<attribute>_assortativity_missing',
    '<attribute>_modularity',
    '<attribute>_modularity_weighted',
  ],
  label: 'Homophily',
  needs: ['ties'],
  matches: (key) => [ASSORTATIVITY, KIND, MISSING, WEIGHTED, MODULARITY].some((p) => p.test(key)),
  bounds: (key) => {
    if (ASSORTATIVITY.test(key)) return CORRELATION;
    if (MISSING.test(key)) return COUNT;
    if (WEIGHTED.test(key) || MODULARITY.test(key)) return MODULARITY_BOUNDS;
    return null;
  },
  describe: describeHomophily,
  network: (n) => n.homophily,
} as const satisfies MetricFamily;

/** The family's member experiments compare: homophily by `group`, against random graphs. */
export const GROUP_ASSORTATIVITY = {
  name: 'group_assortativity',
  label: 'Group homophily',
  description: describeHomophily('group_assortativity'),
  describe: (metrics) => describeHomophily('group_assortativity', metrics),
  kind: 'real',
  bounds: CORRELATION,
  needs: ['ties'],
  // The outcome network's attribute is `group` (finalOutcomes.ts outcomeGraph).
  outcome: { order: 5, of: (r) => (r.network.homophily.group_assortativity as number | null | undefined) ?? null },
  baseline: true,
} as const satisfies Metric;
