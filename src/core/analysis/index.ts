// The analysis layer's public API: network metrics of tie networks (NetworkX-compatible), random
// baselines, tie turnover, loading networks from graph files and traces, and run reports.
export { computeNetworkMetrics, density, COUNT_METRICS, DEFAULT_ATTRIBUTE, type NetworkMetrics, type NetworkMetricsOptions } from './networkMetrics';
export { graphFromTies, type Tie, type TieNode } from './graphFromTies';
export { createTieGraph, undirectedProjection, type TieGraph } from './tieGraph';
export { randomBaseline, randomDirectedGnm, type RandomBaseline } from './randomBaseline';
export { tieTurnover, type TieTurnover } from './tieTurnover';
export { reciprocity, mutualPairs } from './reciprocity';
export { averageClustering, localClustering, transitivity } from './clustering';
export { attributeAssortativity, degreeAssortativity } from './assortativity';
export { louvainCommunities, partitionModularity, type LouvainResult } from './communities';
export { componentSummary, strongComponents, weakComponents } from './components';
export { friendshipParadox } from './friendshipParadox';
export { inDegreeDistribution, outDegreeDistribution, medianDegree } from './degrees';
export { graphFromFixture, parseGraphFixture, readGraphFixture, type GraphFixture } from './graphFixture';
export { loadTieNetwork } from './tieNetworkFile';
export { loadTrace, personaAttributes, tieNetworkOf, traceTieNetwork } from './traceNetwork';
export { describeMetric } from './metricDescriptions';
export { formatMetricValue } from './metricFormat';
export { rewardCurves, type RewardCurves } from './rewardCurves';
export { buildRunReport, type RunReport, type RunReportOptions } from './reportModel';
export { renderReportHtml, REPORT_FILES } from './reportHtml';
export { reportMetricsJson, writeReportFiles } from './reportFiles';
export { toGraphML } from './graphml';
export { toGexf, toDynamicGexf, type GexfOptions } from './gexf';
export { tieTimeline, type TieTimeline } from './tieTimeline';
export { exportTraceTies, tieGraphText, TIE_FORMATS, TIE_FORMAT_EXTENSIONS, type TieFormat, type TieExportOptions } from './tieExport';
export { toTiesCsv } from './tiesCsv';
export { seededRandom } from './seededRandom';
