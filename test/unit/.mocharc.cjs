// The unit stage: every core (mocha's parallel mode: one worker process per core, each file in
// one worker), the spec reporter followed by the stage's slowest 20 tests.
// The timeout is a hang guard, not a clock, and the only one: unit tests are CPU-bound, and a limit
// near their quiet running time only measures how busy the machine is (a fresh clone beside two
// busy processes ran tests 5-7× slower than quiet). Ten minutes is far above any test's work;
// performance lives in `npm run bench`. Tests set no limits of their own above this file's.
const os = require('node:os');
const base = require('../../.mocharc.json');

module.exports = {
  ...base,
  parallel: true,
  jobs: Math.max(2, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length),
  timeout: 600_000,
  reporter: require.resolve('../support/slowestReporter.cjs'),
};
