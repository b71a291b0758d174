// What one metric is, as the METRICS table (metrics.ts) holds it: how it is measured, what values
// it takes, what it means, and what it needs of a world — so every list, computation and view
// derives from one entry, and a view shows it only where the world it shows can give it.
import type { DriverWeights } from '../../../format/pure';
import type { MeasuredNetwork } from './measuredNetwork';

/** Lowest and highest possible value (either may be infinite). */
export type MetricBounds = readonly [low: number, high: number];

export const SHARE: MetricBounds = [0, 1];
export const COUNT: MetricBounds = [0, Infinity];
export const CORRELATION: MetricBounds = [-1, 1];
export const ANY_REAL: MetricBounds = [-Infinity, Infinity];

/**
 * What a metric needs of a world to mean anything: `ties`, a society that forms ties (a public
 * goods game of actions alone has none, and its network metrics would be zeros); `rewards`, a
 * round that rewards its agents (the built-in `learn` phase).
 */
export type Need = 'ties' | 'rewards';
export const NEEDS: readonly Need[] = ['ties', 'rewards'];

/** What a world provides, read from its scenario or its trace (applies.ts). */
export type WorldFacts = Readonly<Record<Need, boolean>>;

/** A finished run as its outcomes are measured: its final network and its reward means (RewardTally). */
export interface RunMeasures {
  network: MeasuredNetwork;
  rewards: { total: number; means: DriverWeights };
}

/** A run after one round: the network then and the round's mean reward. */
export interface RoundMeasures {
  network: MeasuredNetwork;
  meanReward: number;
}

export interface Metric {
  /** The key in every output (`society metrics --json`, experiment.json, series.csv…). */
  name: string;
  /** A short name for headings and axes. */
  label: string;
  /** One sentence for tables and hovers. */
  description: string;
  /** The sentence where it depends on the other metrics measured (homophily by a numeric attribute). */
  describe?: (metrics?: object) => string;
  /** `count`: compared exactly and printed as an integer; `distribution`: a list, not a number. */
  kind: 'count' | 'real' | 'distribution';
  /** The values it can take; null for a distribution. */
  bounds: MetricBounds | null;
  needs: readonly Need[];
  /** Its value on a tie network under NetworkX's conventions (`society metrics`); absent: not a network metric. */
  network?: (n: MeasuredNetwork) => unknown;
  /** A final outcome compared across runs and conditions: its place in that order and how a run's is measured. */
  outcome?: { order: number; of: (r: RunMeasures) => number | null };
  /**
   * Measured after every round: its place among the run's series, how, and its place among the
   * series a comparison draws when it moves (absent: not drawn).
   */
  series?: { order: number; of: (r: RoundMeasures) => number | null; chart?: number };
  /** Compared in an experiment with the same metric on random graphs (G(n, m), degree-preserving). */
  baseline: boolean;
}

/**
 * Metrics named by a pattern: the homophily of whichever attribute is asked for
 * (`<attribute>_assortativity`, `_kind`, `_missing`, `<attribute>_modularity`, `_weighted`).
 */
export interface MetricFamily {
  /** The names as written in docs: `<attribute>_assortativity`. */
  names: readonly string[];
  label: string;
  needs: readonly Need[];
  /** Whether `key` is one of the family's, and then its bounds and sentence. */
  matches: (key: string) => boolean;
  bounds: (key: string) => MetricBounds | null;
  describe: (key: string, metrics?: object) => string;
  /** The family's values on a network, in display order. */
  network: (n: MeasuredNetwork) => Record<string, unknown>;
}

/**
 * An entry whose type leaves `network` open (one typed `: Metric`): NetworkMetrics is read off the
 * entries' types and could not say whether it holds this one. Write entries `as const satisfies Metric`.
 */
export type OpenEntry<E> = E extends unknown
  ? 'network' extends keyof E
    ? // `network` optional: the type does not say.
      object extends Pick<E, 'network'>
      ? E
      : never
    : never
  : never;

/** Compiles only for `never`: where it fails, the type it names is the entry to write `as const satisfies`. */
export type NoneOf<T extends never> = T;
