// Outcomes of a scenario's declared state for experiments: computed in analysis (a run's report
// and `society run` give the same ones), named here where experiments have always found them.
export { gini, STATE_METRIC, StateTally } from '../analysis';
