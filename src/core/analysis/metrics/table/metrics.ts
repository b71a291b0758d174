// The METRICS table: every metric the analysis knows, one entry each (one file per metric or small
// family beside this one), in the order `society metrics` prints them. The lists the rest of the
// house used to keep by hand — counts, bounds, descriptions, outcomes, series, baselines — are
// read off it here, and applies.ts says which of them a world can give.
import { CLUSTERING } from './clustering';
import { COMPONENTS } from './components';
import { DEGREE_ASSORTATIVITY } from './degreeAssortativity';
import { DEGREE_DISTRIBUTIONS, MAX_IN_DEGREE, MAX_OUT_DEGREE, MEDIAN_UNDIRECTED_DEGREE } from './degrees';
import { DENSITY } from './density';
import { FRIENDSHIP_PARADOX } from './friendshipParadox';
import { GROUP_ASSORTATIVITY, HOMOPHILY } from './homophily';
import { LOUVAIN_COMMUNITIES, LOUVAIN_MODULARITY } from './louvain';
import type { Metric, MetricFamily, NoneOf, OpenEntry } from './metric';
import { MUTUAL_PAIRS, RECIPROCITY } from './reciprocity';
import { DRIVER_REWARDS, MEAN_REWARD } from './rewards';
import { EDGES, NODES, TIES } from './size';

// Kept as its literal types (`as const`), so NetworkMetrics is derived from the entries themselves.
const TABLE = [
  NODES,
  EDGES,
  DENSITY,
  RECIPROCITY,
  MUTUAL_PAIRS,
  ...CLUSTERING,
  DEGREE_ASSORTATIVITY,
  HOMOPHILY,
  GROUP_ASSORTATIVITY,
  LOUVAIN_COMMUNITIES,
  LOUVAIN_MODULARITY,
  ...COMPONENTS,
  ...FRIENDSHIP_PARADOX,
  MAX_IN_DEGREE,
  MAX_OUT_DEGREE,
  MEDIAN_UNDIRECTED_DEGREE,
  ...DEGREE_DISTRIBUTIONS,
  TIES,
  MEAN_REWARD,
  ...DRIVER_REWARDS,
] as const satisfies readonly (Metric | MetricFamily)[];

/** The table's entries, each with its own name and value types (NetworkMetrics reads them). */
export type MetricTableEntry = (typeof TABLE)[number];

/** No entry leaves open whether it is a network metric (a type error here names one typed `: Metric`). */
export type EveryEntrySaysIfMeasured = NoneOf<OpenEntry<MetricTableEntry>>;

export const METRICS: readonly (Metric | MetricFamily)[] = TABLE;

export const isFamily = (m: Metric | MetricFamily): m is MetricFamily => 'matches' in m;

/** The entries with one name each. */
export const NAMED_METRICS: readonly Metric[] = METRICS.filter((m): m is Metric => !isFamily(m));
export const METRIC_FAMILIES: readonly MetricFamily[] = METRICS.filter(isFamily);

const BY_NAME = new Map(NAMED_METRICS.map((m) => [m.name, m]));

/** The entry named `key`, if one is (not a family's member, not a declared quantity). */
export const namedMetric = (key: string): Metric | undefined => BY_NAME.get(key);

/** The entry `key` belongs to: its own, or the family that names it. */
export const metricEntry = (key: string): Metric | MetricFamily | undefined =>
  BY_NAME.get(key) ?? METRIC_FAMILIES.find((f) => f.matches(key));

const ordered = (pick: (m: Metric) => number | undefined): Metric[] =>
  NAMED_METRICS.filter((m) => pick(m) !== undefined).sort((a, b) => pick(a)! - pick(b)!);

/** Metrics that are counts (compared exactly); the other scalar metrics are real numbers. */
export const COUNT_METRICS: readonly string[] = NAMED_METRICS.filter((m) => m.kind === 'count').map((m) => m.name);

/** Final outcomes compared across runs and conditions, in report order. */
export const OUTCOMES: readonly Metric[] = ordered((m) => m.outcome?.order);
export const OUTCOME_METRICS: readonly string[] = OUTCOMES.map((m) => m.name);

/** The metrics a run's series carries after every round, in their order (the declared state's come first). */
export const SERIES: readonly Metric[] = ordered((m) => m.series?.order);
export const NETWORK_SERIES: readonly string[] = SERIES.map((m) => m.name);

/** The series a comparison draws when they move, in its order. */
export const CHARTED_SERIES: readonly string[] = ordered((m) => m.series?.chart).map((m) => m.name);

/** Metrics an experiment compares with random graphs, in outcome order. */
export const BASELINE_METRICS: readonly string[] = OUTCOMES.filter((m) => m.baseline).map((m) => m.name);
