// Mocha reporter for every stage: the spec reporter's output, then the stage's slowest 20 tests, so
// a run says where its time goes (issue 56). Plain CommonJS: mocha loads reporters before `--require`
// hooks (tsx) in parallel mode's main process.
'use strict';
const Mocha = require('mocha');
const { Spec } = Mocha.reporters;
const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_RUN_END, EVENT_HOOK_END } = Mocha.Runner.constants;

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
    // Each file's time, its hooks' included (a `before` that runs a society is not a test's own
    // time): written where SOCIETY_TEST_TIMES says, to see which files hold a stage's time.
    const byFile = new Map();
    const add = (file, ms) => file && byFile.set(file, (byFile.get(file) ?? 0) + ms);
    runner.on(EVENT_TEST_PASS, (t) => add(t.file, t.duration ?? 0));
    runner.on(EVENT_TEST_FAIL, (t) => add(t.file, t.duration ?? 0));
    runner.on(EVENT_HOOK_END, (h) => add(h.file, h.duration ?? 0));
    runner.once(EVENT_RUN_END, () => {
      if (process.env.SOCIETY_TEST_TIMES) {
        const rel = (f) => require('node:path').relative(process.cwd(), f);
        const rows = [...byFile].sort((a, b) => b[1] - a[1]).map(([f, ms]) => ({ file: rel(f), ms: Math.round(ms) }));
        require('node:fs').writeFileSync(process.env.SOCIETY_TEST_TIMES, JSON.stringify(rows, null, 1));
      }
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
