// The deadline of a unit test's wait for a state that must come (a debug adapter's event, a child
// process's answer): only a hang reaches it. It is not a clock: how long a state takes to come on
// a busy machine is no test's business (timing lives in `npm run bench`).
export const STATE_WAIT_MS = 50_000;
