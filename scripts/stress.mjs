#!/usr/bin/env node
// The flake hunter: runs a test stage (or spec files) N times with K busy CPU hogs beside it and
// prints, per test, how often it failed, its slowest passing time and the error of each failure.
//   npm run test:stress -- <unit|scale|webview|e2e | spec files...> [--times N] [--busy K] [--grep RE]
// A test that fails once in ten runs on a loaded machine is a test that refuses good work: this is
// how to see it before CI does. The hogs are child processes started here and ended here, by their
// own ids, also on Ctrl-C or an error. Results: test-results/stress-<name>.md (and the raw mocha
// JSON of each run under test-results/stress/).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const STAGES = {
  unit: { specs: ['test/unit/**/*.test.ts'], config: [] },
  scale: { specs: ['test/scale/**/*.test.ts'], config: [] },
  webview: { specs: ['test/webview/**/*.test.ts'], config: [] },
  e2e: { specs: ['test/e2e/**/*.e2e.ts'], config: ['--config', 'test/e2e/.mocharc.json'] },
};

function usage(message) {
  if (message) console.error(`stress: ${message}`);
  console.error(
    'usage: npm run test:stress -- <unit|scale|webview|e2e | spec files...> [--times N] [--busy K] [--grep RE]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { targets: [], times: 5, busy: 1, grep: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--times') opts.times = Number(value());
    else if (a === '--busy') opts.busy = Number(value());
    else if (a === '--grep') opts.grep = value();
    else if (a === '--help' || a === '-h') usage();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else opts.targets.push(a);
  }
  if (!opts.targets.length) usage('name a stage or spec files');
  if (!Number.isInteger(opts.times) || opts.times < 1) usage('--times must be a positive integer');
  if (!Number.isInteger(opts.busy) || opts.busy < 0) usage('--busy must be a non-negative integer');
  return opts;
}

/** What to hand mocha: a stage's globs and config, or spec files (e2e specs take e2e's config). */
function plan(targets) {
  if (targets.length === 1 && STAGES[targets[0]]) return { name: targets[0], ...STAGES[targets[0]] };
  for (const t of targets) {
    if (STAGES[t]) usage(`a stage (${t}) cannot be mixed with spec files`);
    if (!fs.existsSync(path.resolve(ROOT, t))) usage(`no such spec file: ${t}`);
  }
  const e2e = targets.some((t) => /\.e2e\.ts$/.test(t));
  if (e2e && !targets.every((t) => /\.e2e\.ts$/.test(t))) usage('e2e specs and other specs need separate runs');
  const name = targets
    .map((t) => path.basename(t).replace(/\.(e2e|test)\.ts$/, ''))
    .join('+')
    .slice(0, 80);
  return { name, specs: targets, config: e2e ? STAGES.e2e.config : [] };
}

// --- the hogs and the child under test, ended by their own ids ---------------------------------
/** Each child started here, and whether it leads its own process group. */
const children = new Map();
function track(child, group) {
  children.set(child, group);
  child.on('exit', () => children.delete(child));
  return child;
}
function endChildren() {
  for (const [child, group] of children) {
    try {
      // Mocha runs in its own process group, so its Chromium and code-server end with it.
      process.kill(group ? -child.pid : child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  children.clear();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    endChildren();
    process.exit(130);
  });
}
process.on('uncaughtException', (err) => {
  endChildren();
  console.error(err);
  process.exit(1);
});
process.on('exit', endChildren);

function startHogs(k) {
  for (let i = 0; i < k; i++) {
    track(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }), false);
  }
}

function runOnce(p, run, outDir, grep) {
  const output = path.join(outDir, `run-${run}.json`);
  fs.rmSync(output, { force: true });
  const log = path.join(outDir, `run-${run}.log`);
  const args = [
    path.join(ROOT, 'node_modules/mocha/bin/mocha.js'),
    ...p.config,
    '--reporter',
    'json',
    '--reporter-option',
    `output=${output}`,
    ...(grep ? ['--grep', grep] : []),
    ...p.specs,
  ];
  const started = Date.now();
  return new Promise((resolve) => {
    const fd = fs.openSync(log, 'w');
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', fd, fd], detached: true });
    track(child, true);
    child.on('exit', (code, signal) => {
      fs.closeSync(fd);
      let report;
      try {
        report = JSON.parse(fs.readFileSync(output, 'utf8'));
      } catch {
        report = undefined;
      }
      resolve({ run, code: code ?? signal, seconds: (Date.now() - started) / 1000, report, log });
    });
  });
}

const firstLine = (s) =>
  String(s ?? '')
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? '';

/** Per test (by full title): runs, failures, slowest passing time, the error of each failure. */
function tally(results) {
  const tests = new Map();
  const entry = (title, file) => {
    if (!tests.has(title)) tests.set(title, { title, file, runs: 0, failures: [], slowestPass: 0 });
    return tests.get(title);
  };
  for (const r of results) {
    if (!r.report) {
      entry('(the whole run)', '').runs++;
      entry('(the whole run)', '').failures.push({ run: r.run, error: `no report (exit ${r.code}); see ${r.log}` });
      continue;
    }
    for (const t of r.report.passes) {
      const e = entry(t.fullTitle, t.file);
      e.runs++;
      e.slowestPass = Math.max(e.slowestPass, t.duration ?? 0);
    }
    for (const t of r.report.failures) {
      // A failed hook is reported as a test of its own ("before all" hook …): it counts like one.
      const e = entry(t.fullTitle, t.file);
      e.runs++;
      e.failures.push({ run: r.run, error: firstLine(t.err?.message) || firstLine(t.err?.stack) || 'failed' });
    }
    for (const t of r.report.pending) entry(t.fullTitle, t.file).pending = true;
  }
  return [...tests.values()].sort(
    (a, b) => b.failures.length - a.failures.length || b.slowestPass - a.slowestPass || a.title.localeCompare(b.title),
  );
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 300);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function table(p, opts, results, rows, loads) {
  const lines = [
    `# Stress: ${p.name}`,
    '',
    `\`npm run test:stress -- ${opts.targets.join(' ')} --times ${opts.times} --busy ${opts.busy}${opts.grep ? ` --grep ${opts.grep}` : ''}\``,
    '',
    `${new Date().toISOString()} · ${os.cpus().length} CPUs · load average (1/5/15 min) before ${loads.before}, after ${loads.after}`,
    '',
    '| run | exit | wall s | passed | failed | load after |',
    '| ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.run} | ${r.code} | ${r.seconds.toFixed(0)} | ${r.report?.stats.passes ?? '?'} | ${r.report?.stats.failures ?? '?'} | ${r.load} |`,
    ),
    '',
    `${rows.length} tests; ${rows.filter((t) => t.failures.length).length} failed at least once.`,
    '',
    '| test | runs | failures | slowest pass ms | errors |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map(
      (t) =>
        `| ${cell(t.title)} | ${t.runs} | ${t.failures.length} | ${t.slowestPass || (t.pending ? 'pending' : '–')} | ${cell(
          t.failures.map((f) => `run ${f.run}: ${f.error}`).join(' · '),
        )} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const p = plan(opts.targets);
  const outDir = path.join(ROOT, 'test-results', 'stress', p.name);
  fs.mkdirSync(outDir, { recursive: true });
  if (p.config.length) {
    // What `npm run test:e2e` does before mocha: the install (idempotent), the bundles.
    for (const [cmd, ...args] of [
      ['bash', 'test/e2e/install.sh'],
      ['npm', 'run', 'build'],
      ['node', 'test/vscode/build.mjs'],
    ]) {
      const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    }
  }
  const loads = { before: load(), after: '' };
  startHogs(opts.busy);
  console.log(`stress: ${p.name} × ${opts.times} with ${opts.busy} busy hog(s); load ${loads.before}`);
  const results = [];
  for (let run = 1; run <= opts.times; run++) {
    const r = await runOnce(p, run, outDir, opts.grep);
    r.load = load();
    results.push(r);
    const s = r.report?.stats;
    console.log(
      `  run ${run}/${opts.times}: exit ${r.code}, ${r.seconds.toFixed(0)} s, ` +
        (s ? `${s.passes} passed, ${s.failures} failed` : `no report (see ${r.log})`) +
        `, load ${r.load}`,
    );
  }
  endChildren();
  loads.after = load();
  const rows = tally(results);
  const md = table(p, opts, results, rows, loads);
  const file = path.join(ROOT, 'test-results', `stress-${p.name}.md`);
  fs.writeFileSync(file, md);
  console.log(`\n${md}\nwritten to ${path.relative(ROOT, file)}`);
  process.exitCode = rows.some((t) => t.failures.length) ? 1 : 0;
}

main().catch((err) => {
  endChildren();
  console.error(err);
  process.exit(1);
});
