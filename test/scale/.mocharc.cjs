// The scale stage (`npm run test:scale`): property tests over many generated cases and runs over
// many items or agents (real-HTTP stress through injected faults and a gateway), sized by their
// work (cases, items, agents), never by the clock; kept out of the unit stage so that one stays
// quick (issue 74). Parallel like the unit stage; the timeout is a hang guard, not a clock.
const os = require('node:os');
const base = require('../../.mocharc.json');

module.exports = {
  ...base,
  parallel: true,
  jobs: Math.max(2, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length),
  timeout: 600_000,
  reporter: require.resolve('../support/slowestReporter.cjs'),
};
