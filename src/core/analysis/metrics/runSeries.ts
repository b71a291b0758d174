// A run's outcomes over time: each metric's value after each round, the shape that `society run
// --json`, a report's series.csv, an experiment's series.csv and the time outcomes
// (`<series>.at.r<k>`, `<series>.reaches.<level>`) all read.

/**
 * `rounds[i]` is a round number (0: the start, before the first round) and `metrics[name][i]` the
 * metric's value after that round; null where it is undefined (a Gini of nothing, clustering
 * with fewer than three agents). Names follow the outcomes': `world.<q>`, `agents.<q>.mean`,
 * `knowledge.<id>.share`, `density`, …
 */
export interface RunSeries {
  rounds: number[];
  metrics: Record<string, (number | null)[]>;
}
