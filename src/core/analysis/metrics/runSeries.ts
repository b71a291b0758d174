// A run's outcomes over time: each metric's value after each round, the shape that `society run
// --json`, a report's series.csv, an experiment's series.csv and the time outcomes
// (`<series>.at.r<k>`, `<series>.reaches.<level>`) all read.

/**
 * `rounds[i]` is a round number (0: the start, before the first round) and `metrics[name][i]` the
 * metric's value after that round; null where it is undefined (a Gini of nothing, clustering
 * with fewer than three agents). Names follow the outcomes' without `.final`: `world.<q>`,
 * `agents.<q>.mean` / `.sd` / `.gini`, `knowledge.<id>.share` / `.known` / `.believed`,
 * `acquaintance_density`, then the tie network's `density`, `ties`, `reciprocity`,
 * `average_clustering`, `transitivity`, `median_undirected_degree`, `louvain_modularity`, and the
 * round's `mean_reward` (seriesTally.ts builds it).
 */
export interface RunSeries {
  rounds: number[];
  metrics: Record<string, (number | null)[]>;
}
