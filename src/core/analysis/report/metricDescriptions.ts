// What each network metric means, in words, for the report's table and other displays.
import { describeTimeOutcome } from '../../format';

const DESCRIPTIONS: Record<string, string> = {
  nodes: 'Agents in the network.',
  edges: 'Directed ties (strength at or above the threshold).',
  density: 'Share of all possible directed ties that exist.',
  reciprocity: 'Share of ties that are returned (A→B with B→A).',
  mutual_pairs: 'Pairs of agents tied in both directions.',
  average_clustering: "Mean share of an agent's contacts who are tied to each other (undirected).",
  transitivity: 'Share of connected triples that close into triangles (undirected).',
  degree_assortativity: 'Do well-connected agents tie to each other (+) or to the less connected (−)?',
  louvain_communities: 'Communities found by Louvain (seeded).',
  louvain_modularity: 'Modularity of the Louvain communities (undirected, unweighted).',
  connected_components: 'Separate groups in the undirected network.',
  largest_component: 'Agents in the largest connected group.',
  weakly_connected_components: 'Components ignoring tie direction.',
  strongly_connected_components: 'Components where every agent reaches every other along tie directions.',
  friendship_paradox_mean_gap: "Mean of (contacts' mean degree − own degree) over connected agents.",
  friendship_paradox_fraction: 'Share of connected agents whose contacts have more contacts than they do.',
  max_in_degree: 'Most ties received by one agent.',
  max_out_degree: 'Most ties held by one agent.',
  median_undirected_degree:
    'Median number of contacts (undirected; with an even number of agents the mean of the two middle values, the usual median).',
  ties: 'Directed ties at or above the threshold.',
  mean_reward:
    "Mean total reward (each agent's motivation-weighted mean of the five drivers) over every agent-round: the mean of the rounds' mean_reward.",
  in_degree_distribution: 'Agents by ties received (degree:count).',
  out_degree_distribution: 'Agents by ties held (degree:count).',
};

/**
 * A sentence describing a metric key, including `<attribute>_assortativity` (with `_kind` and
 * `_missing`), `<attribute>_modularity` and `<attribute>_modularity_weighted`. Pass the metrics to describe an attribute's
 * assortativity by its kind; without them it reads as categorical.
 */
export function describeMetric(key: string, metrics?: object): string {
  if (DESCRIPTIONS[key]) return DESCRIPTIONS[key];
  const time = describeTimeOutcome(key);
  if (time) return time;
  const assortativity = /^(.+)_assortativity$/.exec(key);
  if (assortativity) {
    const attribute = assortativity[1];
    const kind = (metrics as Record<string, unknown> | undefined)?.[`${key}_kind`];
    return kind === 'numeric'
      ? `Homophily (numeric): do agents tie to others of similar ${attribute} (+1) or of distant ${attribute} (−1)? The correlation of ${attribute} at either end of a tie.`
      : `Homophily (categorical): do agents tie within their ${attribute} (+1) or across (−1)? Each distinct value is its own category.`;
  }
  const kind = /^(.+)_assortativity_kind$/.exec(key);
  if (kind) {
    return `How ${kind[1]} homophily is measured: numeric (every value is a number: a correlation, and no modularity, which would make each distinct value a group) or categorical (each value a category).`;
  }
  const missing = /^(.+)_assortativity_missing$/.exec(key);
  if (missing) return `Agents without a numeric ${missing[1]}, left out of its assortativity along with their ties.`;
  const reward = /^reward_(.+)$/.exec(key);
  if (reward) return `Mean raw ${reward[1]} reward (0..1, before motivation weights) over every agent-round.`;
  const weighted = /^(.+)_modularity_weighted$/.exec(key);
  if (weighted) {
    return `Modularity of the split by ${weighted[1]}, weighted by tie strength (a pair tied both ways weighs one direction's strength, as NetworkX's undirected projection keeps it).`;
  }
  const modularity = /^(.+)_modularity$/.exec(key);
  if (modularity) return `Modularity of the split by ${modularity[1]} (undirected, unweighted).`;
  return '';
}
