// The webview stage: a headless Chromium per file, mostly waiting on the browser (measured 0.4 of
// 2 cores busy when run one file at a time), so files run in parallel, one worker per core.
const os = require('node:os');
const base = require('../../.mocharc.json');

module.exports = {
  ...base,
  parallel: true,
  jobs: Math.max(2, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length),
  reporter: require.resolve('../support/slowestReporter.cjs'),
};
