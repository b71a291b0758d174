// The analysis layer's public API, as the rest of the house uses it: the METRICS table and which
// metrics apply to a world, network metrics of tie networks (NetworkX-compatible) and their random
// baselines, loading networks from traces, run reports and tie exports. pure.ts is the part a
// browser bundle loads (the webviews); this index re-exports it whole.
export * from './pure';
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
export { outcomeLabel } from './report/outcomeLabel';
export { formatMetricValue } from './report/metricFormat';
export { REPORT_FILES, reportFileNames } from './report/reportFileNames';
export { writeReportFiles } from './report/reportFiles';
export { toGraphML } from './export/graphml';
export { toGexf } from './export/gexf';
export { exportTraceTies, tieGraphText, TIE_FORMATS, TIE_FORMAT_EXTENSIONS, type TieFormat } from './export/tieExport';
export { toTiesCsv } from './export/tiesCsv';
export { seededRandom } from '../random/seededRandom';
// Reached by hosts and other floors (they import nothing past this index).
export { declaredOfTrace, scenarioOfTrace } from './metrics/traceScenario';
export { JUDGEMENTS_FILE, judgementsCsv } from './export/judgementsCsv';
export { type RunSeries } from './metrics/runSeries';
export { declaredOutcomes, RunTally } from './metrics/runTally';
export { runDesign, type RunDesign } from './report/runDesign';
export { formatSummary, summarizeRun } from './report/runSummary';
export { closingState, closingStateRows } from './report/closingState';
export { formatOverTime } from './report/overTime';
export { SURVEYS_CSV_HEADER, surveyCsvRows } from './export/surveysCsv';
export { SurveyTally, keyed, scaleScore, type ScalePsychometrics } from './report/surveyPsychometrics';
export { surveyLines } from './report/surveySection';
export { decisionsSection, sumDecisions } from './report/decisionsSection';
export { COMPARE_FILES, comparePage, u } from './compare/comparePage';
export { NotComparable, checkHeaders } from './compare/headerCheck';
export { fitTrace } from './calibration/runFit';
export { rankConditions, type RankedCondition } from './calibration/rank';
export { fitCsv, fitRoundsCsv } from './calibration/fitCsv';
export { criterionText, measureLine, num, fitText } from './calibration/fitText';
export { readLocatedTrace, type LocatedTrace } from './explain/explainFile';
export { EXPLAIN_USAGE, explainAsked } from './explain/explainQuery';
export { explanationText } from './explain/explainText';
export { runFitSection } from './report/runFitSection';
export { RunReportBuilder } from './report/reportModel';
export { unfinishedNote, wholeRound } from './metrics/traceNetwork';
export { exportTraceFileTies } from './export/tieExport';
export { isTraceFile, loadTieNetwork } from './metrics/tieNetworkFile';
export { type Explanation } from './explain/explainTypes';
export { JudgesCollector, type JudgingSummary } from './report/judgesSummary';
export { niceTicks } from './report/lineChartSvg';
export { categoryColor } from './report/palette';
export { ink, themeCss, themed } from './report/reportTheme';
export { REPORT_PAGE_END, reportPage, reportPageHead, type ReportPageHead } from './report/reportPage';
export { fitRuns, type MeasureFit } from './calibration/fit';
export { fitSectionHtml } from './report/fitSection';
export { finalOutcomes, outcomeGraph } from './metrics/finalOutcomes';
export { assortativityBaseline } from './metrics/assortativityBaseline';
export { degreePreservingBaselineOf } from './metrics/degreePreservingBaseline';
export { timeOutcomes } from './metrics/timeOutcomes';
export { BASELINE_SAMPLES } from './metrics/randomBaseline';
export { formatReal } from '../text/realFormat';
export { metricBounds } from './metrics/metricBounds';
export { KnowledgeTally } from './metrics/knowledgeTally';
export { gini, STATE_METRIC, StateTally } from './metrics/stateTally';
export { type RunDigest } from './compare/runDigest';
export { unionNames } from './compare/sideBySide';
export { compareTraceFiles } from './compare/compareRuns';
export { formatRunComparison } from './compare/compareText';
export { runComparisonHtml } from './compare/compareHtml';
export { comparisonSeriesCsv } from './compare/compareCsv';
export { digestTraceFile } from './compare/traceDigest';
export { declaredOfRun } from './compare/branchDeclared';
export { columns, everyKth, signed, value } from './compare/compareFormat';
export { CHARTED_AT_MOST, chartedSeries } from './compare/chartedSeries';
