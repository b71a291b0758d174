// Experiments: conditions × seeds, statistics across seeds, the paper's claims, reports.
export {
  runExperiment,
  roundsByCondition,
  isOffline,
  ExperimentCancelled,
  type ExperimentOptions,
  type ExperimentRun,
  type ExperimentProgress,
} from './runExperiment';
export { partialText, type PartialRuns } from './partial';
export { analyzeExperiment } from './analyze';
export { paperClaims } from './paperClaims';
export type { ExperimentResult, Claim } from './types';
export { planExperiment, type ExperimentPlan } from './plan';
export { runOne } from './runOne';
export { withOverrides } from './overrides';
export { estimate, contrast, type Estimate, type Contrast } from './statistics';
export { formatExperiment, renderExperimentHtml, summaryCsv, runsCsv, EXPERIMENT_FILES } from './experimentReport';
export { OUTCOME_METRICS, BASELINE_METRICS, type RunOutcome } from './outcome';
export { writeExperimentFiles } from './experimentFiles';
export { parseShard, readShardFile, SHARD_FILE, type Shard, type ShardFile } from './shard';
export { shardProblems, shardTraceProblems, mergeShards, gatherTraces, type ShardInput } from './mergeShards';
