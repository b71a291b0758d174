// The unit stage: every core (mocha's parallel mode: one worker process per core, each file in
// one worker), the spec reporter followed by the stage's slowest 20 tests.
// The timeout is a hang guard, not a clock: unit tests are CPU-bound, and a limit near their quiet
// running time only measures how busy the machine is (performance lives in `npm run bench`).
const os = require('node:os');
const base = require('../../.mocharc.json');

module.exports = {
  ...base,
  parallel: true,
  jobs: Math.max(2, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length),
  timeout: 60_000,
  reporter: require.resolve('../support/slowestReporter.cjs'),
};
