// The analysis layer's public API: network metrics of tie networks (NetworkX-compatible), random
// baselines, tie turnover, loading networks from graph files and traces, and run reports.
export {
  computeNetworkMetrics,
  density,
  COUNT_METRICS,
  DEFAULT_ATTRIBUTE,
  type NetworkMetrics,
  type NetworkMetricsOptions,
} from './metrics/networkMetrics';
export { graphFromTies, type Tie, type TieNode } from './metrics/graphFromTies';
export { createTieGraph, undirectedProjection, type TieGraph } from './metrics/tieGraph';
export { randomBaseline, randomDirectedGnm, type RandomBaseline } from './metrics/randomBaseline';
export { tieTurnover, type TieTurnover } from './metrics/tieTurnover';
export { reciprocity, mutualPairs } from './metrics/reciprocity';
export { averageClustering, localClustering, transitivity } from './metrics/clustering';
export { attributeAssortativity, degreeAssortativity } from './metrics/assortativity';
export { numericAssortativity } from './metrics/numericAssortativity';
export { attributeHomophily, attributeKind, type AttributeKind } from './metrics/attributeHomophily';
export { louvainCommunities, partitionModularity, type LouvainResult } from './metrics/communities';
export { componentSummary, strongComponents, weakComponents } from './metrics/components';
export { friendshipParadox } from './metrics/friendshipParadox';
export { inDegreeDistribution, outDegreeDistribution, medianDegree } from './metrics/degrees';
export { graphFromFixture, parseGraphFixture, readGraphFixture, type GraphFixture } from './metrics/graphFixture';
export { loadTieNetwork } from './metrics/tieNetworkFile';
export { loadTrace, personaAttributes, tieNetworkOf, traceTieNetwork } from './metrics/traceNetwork';
export { describeMetric } from './report/metricDescriptions';
export { formatMetricValue } from './report/metricFormat';
export { rewardCurves, type RewardCurves } from './report/rewardCurves';
export { buildRunReport, type RunReport, type RunReportOptions } from './report/reportModel';
export { renderReportHtml, REPORT_FILES } from './report/reportHtml';
export { reportMetricsJson, writeReportFiles } from './report/reportFiles';
export { toGraphML } from './export/graphml';
export { toGexf, toDynamicGexf, type GexfOptions } from './export/gexf';
export { tieTimeline, type TieTimeline } from './export/tieTimeline';
export {
  exportTraceTies,
  tieGraphText,
  TIE_FORMATS,
  TIE_FORMAT_EXTENSIONS,
  type TieFormat,
  type TieExportOptions,
} from './export/tieExport';
export { toTiesCsv } from './export/tiesCsv';
export { seededRandom } from '../random/seededRandom';
