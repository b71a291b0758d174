// The part of the format's public surface that loads anywhere — a webview's browser bundle, a
// worker that must start fast: the model's names and pure readers of a scenario, nothing that
// reaches the file system or the language service. index.ts re-exports it whole; code bundled
// for a browser or a lean worker imports this one.
export * from './language/model';
export type { Mechanics, Quantity } from './language/mechanics';
export { formsTies, tieSources, type TieSource } from './language/tieSources';
export { applySet, setApplied } from './language/settings';
export { isInstant, traitsOf, isProvider, OPENAI_BASE_URL } from './language/providers';
