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
export { analyzeExperiment, unknownReference } from './analyze';
export { paperClaims, estimateDecision, seedDecision, type Decision } from './paperClaims';
export type { ExperimentResult, Claim, NullModel } from './types';
export { planExperiment, type ExperimentPlan } from './plan';
export { runOne } from './runOne';
export { withOverrides } from './overrides';
export { estimate, contrast, type Estimate, type Contrast } from './statistics';
export { seriesChartSvg, type SeriesLine } from './seriesChart';
export { intervalChartSvg, type IntervalRow } from './intervalChart';
export { effectSizeNote, ruleBasedMadeBy, ruleBasedModels } from './effectSizeNote';
export { formatExperiment, renderExperimentHtml, summaryCsv, runsCsv, EXPERIMENT_FILES } from './experimentReport';
export { OUTCOME_METRICS, BASELINE_METRICS, type RunOutcome } from './outcome';
export { writeExperimentFiles } from './experimentFiles';
export { parseShard, readShardFile, SHARD_FILE, type Shard, type ShardFile } from './shard';
export { shardProblems, shardTraceProblems, mergeShards, gatherTraces, type ShardInput } from './mergeShards';
// Calibration: a scenario fitted to observed data, run over a grid.
export { CALIBRATION_FILES, calibrationScenario, runCalibration } from './calibrate';
// Cost and spend before and while an experiment runs; what went wrong in its runs.
export { estimateExperiment, experimentCostReason } from './experimentCost';
export { conditionModels } from './conditionModels';
export { describeRunFaults, runsWithoutAnswers } from './runFaults';
export { claimVerdict, holmVerdict, type Verdict } from './claimVerdict';
export { traceFileName } from './traceFiles';
// Paired comparison of two runs, or of two conditions' runs.
export { TRACE_FILE, compareSide, type CompareSide } from './paired/compareInputs';
export { compareSides } from './paired/compareSides';
export { conditionList, conditionPair, conditionRuns, conditionSides, experimentTraces } from './paired/conditionSides';
export { RUN_FILE } from './paired/experimentTraces';
