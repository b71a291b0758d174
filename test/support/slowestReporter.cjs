// Mocha reporter for every stage: the spec reporter's output, then the stage's slowest 20 tests, so
// a run says where its time goes (issue 56). Plain CommonJS: mocha loads reporters before `--require`
// hooks (tsx) in parallel mode's main process.
'use strict';
const Mocha = require('mocha');
const { Spec } = Mocha.reporters;
const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_RUN_END } = Mocha.Runner.constants;

const SHOWN = 20;

class SlowestReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    const timed = [];
    const record = (test) => {
      if (typeof test.duration === 'number')
        timed.push({ title: test.fullTitle(), file: test.file, ms: test.duration });
    };
    runner.on(EVENT_TEST_PASS, record);
    runner.on(EVENT_TEST_FAIL, record);
    runner.once(EVENT_RUN_END, () => {
      timed.sort((a, b) => b.ms - a.ms);
      const shown = timed.slice(0, SHOWN);
      if (shown.length === 0) return;
      const total = timed.reduce((sum, t) => sum + t.ms, 0);
      console.log(
        `\n  Slowest ${shown.length} of ${timed.length} tests (their own time; ${(total / 1000).toFixed(1)} s in all tests):`,
      );
      for (const t of shown) {
        const where = t.file ? ` [${require('node:path').relative(process.cwd(), t.file)}]` : '';
        console.log(`  ${(t.ms / 1000).toFixed(2).padStart(8)} s  ${t.title}${where}`);
      }
    });
  }
}

module.exports = SlowestReporter;
