// The oracle stage (`npm run test:oracles`): the project's numbers against NetworkX, SciPy and
// statsmodels, called live (test/oracles/oracle.py in the environment scripts/oracles.mjs makes).
// One process, files in turn: each file starts one Python that imports SciPy, which is the stage's
// main cost. The timeout is a hang guard, not a clock.
const base = require('../../.mocharc.json');

module.exports = {
  ...base,
  parallel: false,
  timeout: 300_000,
  reporter: require.resolve('../support/slowestReporter.cjs'),
};
