// The scenario a trace was run from (core/analysis/metrics/traceScenario.ts), for the commands
// that read a trace's declared state (`report`, `compare`).
export { declaredOfTrace } from '../core/analysis';
