// The part of the format's public surface that loads anywhere — a webview's browser bundle, a
// worker that must start fast: the model's names and pure readers of a scenario, nothing that
// reaches the file system or the language service. index.ts re-exports it whole; code bundled
// for a browser or a lean worker imports this one.
export * from './model/model';
export type { Mechanics, Quantity } from './model/mechanics';
export { formsTies, tieSources, type TieSource } from './model/tieSources';
export { applySet, setApplied } from './schema/settings';
export { isInstant, traitsOf, isProvider, OPENAI_BASE_URL } from './model/providers';
export { parseTimeOutcome } from './model/timeOutcomeNames';
export { modelWords, modelFileName } from './model/modelWords';
