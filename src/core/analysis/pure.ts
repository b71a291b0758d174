// The part of analysis's public surface that loads in a browser: the network metrics, exports,
// palette, label placement and tie explanations a webview computes and draws, nothing that reaches
// the file system or the run harness. The webview bundles import this door; index.ts the rest.
export { averageClustering } from './metrics/clustering';
export { louvainCommunities } from './metrics/communities';
export { graphFromTies } from './metrics/graphFromTies';
export { density } from './metrics/networkMetrics';
export { personaAttributes } from './metrics/personaAttributes';
export { reciprocity } from './metrics/reciprocity';
export { TraceFacts } from './metrics/table/applies';
export { undirectedProjection } from './metrics/tieGraph';
export { toGexf } from './export/gexf';
export { toGraphML } from './export/graphml';
export { toTiesCsv } from './export/tiesCsv';
export { categoryKey } from './report/categoryKey';
export { byLabelPriority, labelAnchor, placeNames, type LabelBounds, type LabelPlaces } from './report/labelPlacement';
export { CATEGORY_COLORS, categoryColor } from './report/palette';
export { WorldStateCollector, type WorldStateSeries } from './report/worldStateSeries';
export { explainTie } from './explain/tieChain';
export type { Because, Explanation, Move } from './explain/explainTypes';
