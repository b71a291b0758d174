// The analysis layer's public API, as the rest of the house uses it: the METRICS table and which
// metrics apply to a world, network metrics of tie networks (NetworkX-compatible) and their random
// baselines, loading networks from traces, run reports and tie exports.
export { METRICS, OUTCOME_METRICS, BASELINE_METRICS } from './metrics/table/metrics';
export type { Metric, MetricFamily, Need, WorldFacts } from './metrics/table/metric';
export {
  applies,
  appliesKey,
  applying,
  eitherWorld,
  EVERY_WORLD,
  scenarioFacts,
  TraceFacts,
} from './metrics/table/applies';
export { computeNetworkMetrics, density, DEFAULT_ATTRIBUTE, type NetworkMetrics } from './metrics/networkMetrics';
export { graphFromTies } from './metrics/graphFromTies';
export { undirectedProjection } from './metrics/tieGraph';
export { randomBaseline } from './metrics/randomBaseline';
export { reciprocity } from './metrics/reciprocity';
export { averageClustering } from './metrics/clustering';
export { louvainCommunities } from './metrics/communities';
export { loadTrace } from './metrics/traceNetwork';
export { describeMetric } from './report/metricDescriptions';
export { formatMetricValue } from './report/metricFormat';
export { REPORT_FILES } from './report/reportHtml';
export { writeReportFiles } from './report/reportFiles';
export { toGraphML } from './export/graphml';
export { toGexf } from './export/gexf';
export { exportTraceTies, tieGraphText, TIE_FORMATS, TIE_FORMAT_EXTENSIONS, type TieFormat } from './export/tieExport';
export { toTiesCsv } from './export/tiesCsv';
