// The engine's public surface: what its hosts (the run harness, the CLI, the editor, the debugger,
// reports) use; the rest of its rooms is its own, kept in order by the ladder test. Code that a
// webview bundles too (replay, the memory views) imports pure.ts instead, so the browser bundle
// does not pull in the kernel's Node imports.
export * from './pure';
export { RunFailure } from './flow/runFailure';
export { eventLoopTurn } from './flow/step';
export {
  Simulation,
  type RestoreOptions,
  type RunResult,
  type SimulationOptions,
  type StepPoint,
} from './kernel/simulation';
export { offlineOnlyFactory, type ModelFactory } from './kernel/world';
export {
  checkpointDue,
  checkpointInterval,
  checkpointModel,
  parseCheckpoint,
  writeCheckpoint,
  writeCheckpointAsync,
  type Checkpoint,
} from './persist/checkpoint';
export { resumeProblem, unfinishedRun } from './persist/resumePoint';
export { STEP_NAMES } from './phases/table';
export { type Agent } from './society/agent';
export { type FeedBoard } from './society/feeds';
export { KnowledgeBook } from './society/knowledge';
export { ExperienceBook } from './society/experience';
export type { PlaceBook } from './society/places';
export { canonicalJSON, scenarioHash } from './society/header';
export { RewardTally, type RewardTallyJSON } from './society/rewardTally';
export { allPersonas, samplePopulation } from './society/population';
export { SessionSpend } from './society/sessionSpend';
