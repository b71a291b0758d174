// Outcomes of a scenario's knowledge for experiments: computed in analysis (a run's report and
// `society run` give the same ones), named here where experiments have always found them.
export { KnowledgeTally } from '../analysis';
