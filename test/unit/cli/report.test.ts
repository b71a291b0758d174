// `society report` and `society metrics` on a trace, end to end through bin/society.js.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../analysis/sharedFixtures';
import { reportScenario, runTrace, toJsonl } from '../analysis/runTrace';

const root = repoRoot();
const society = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin', 'society.js'), ...args], { cwd: root, encoding: 'utf8' });

describe('society report', function () {
  let dir: string;
  let traceFile: string;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'society-cli-report-'));
    traceFile = path.join(dir, 'trace.jsonl');
    writeFileSync(traceFile, toJsonl(await runTrace(reportScenario(12, 6))));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the report files into --out and lists them', () => {
    const out = path.join(dir, 'out');
    const result = society('report', traceFile, '--out', out);
    assert.equal(result.status, 0, result.stderr);
    const files = ['report.html', 'metrics.json', 'series.csv', 'ties.graphml', 'ties.gexf', 'ties.csv'].map((f) =>
      path.join(out, f),
    );
    assert.deepEqual(result.stdout.trim().split('\n'), files);
    for (const f of files) assert.ok(existsSync(f), f);
  });

  it('takes -q: no notes on standard error, the same files (issue 41: 15)', () => {
    const out = path.join(dir, 'quiet');
    const loud = society('report', traceFile, '--out', out, '--attribute', 'no_such_attribute');
    assert.equal(loud.status, 0, loud.stderr);
    assert.match(loud.stderr, /note: no agent has the attribute 'no_such_attribute'/);
    const quiet = society('report', traceFile, '--out', out, '--attribute', 'no_such_attribute', '-q');
    assert.equal(quiet.status, 0, quiet.stderr);
    assert.equal(quiet.stderr, '');
    assert.equal(quiet.stdout, loud.stdout);
  });

  it('writes next to the trace by default', () => {
    const result = society('report', traceFile);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(path.join(dir, 'report.html')));
  });

  it('agrees with society metrics on the same trace, Louvain included, with both at their defaults', () => {
    // The report seeds Louvain with the run's seed.
    const fromReport = JSON.parse(readFileSync(path.join(dir, 'metrics.json'), 'utf8'));
    const metrics = society('metrics', traceFile, '--json');
    assert.equal(metrics.status, 0, metrics.stderr);
    assert.deepEqual(JSON.parse(metrics.stdout), fromReport.network);
  });

  it('finds the communities society metrics and the run summary find (Louvain seeded alike, not by the run seed)', () => {
    // The friends example at seed 2: Louvain seeded with 2 gives modularity 0.49293, with 0 0.49328.
    const out = path.join(dir, 'friends-2');
    assert.equal(society('run', 'examples/friends/friends.society', '--seed', '2', '--out', out, '--quiet').status, 0);
    const trace = path.join(out, 'trace.jsonl');
    assert.equal(society('report', trace, '--out', out).status, 0);
    const fromReport = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8')).network;
    const fromMetrics = JSON.parse(society('metrics', trace, '--json').stdout);
    assert.equal(fromReport.louvain_modularity, fromMetrics.louvain_modularity);
    assert.equal(fromReport.louvain_communities, fromMetrics.louvain_communities);
  });

  it('reads an earlier round of a trace with --round', () => {
    const result = society('metrics', traceFile, '--json', '--round', '0');
    assert.equal(result.status, 0, result.stderr);
    const fromReport = JSON.parse(readFileSync(path.join(dir, 'metrics.json'), 'utf8'));
    assert.equal(JSON.parse(result.stdout).edges, fromReport.rounds[0].ties);
    assert.equal(society('metrics', traceFile, '--round', '99').status, 1);
  });

  it('embeds whole rounds up to --view-limit in the interactive view and says so, while the figures cover every round', () => {
    const out = path.join(dir, 'limited');
    const result = society('report', traceFile, '--out', out, '--view-limit', '0.01');
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stderr,
      /the interactive view holds rounds 0–\d+ \(--view-limit 0\.01 MB\); the rest of the report covers all 6 rounds/,
    );
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    const embedded = JSON.parse(
      /<script type="application\/json" id="society-trace">(.*?)<\/script>/s.exec(html)![1],
    ) as { events: { type: string; round: number }[]; note?: string };
    const last = embedded.events[embedded.events.length - 1];
    assert.equal(last.type, 'round_end', 'the view ends at a round end');
    assert.ok(last.round < 6, `the view stops at round ${last.round}`);
    assert.match(embedded.note!, new RegExp(`^showing rounds 0–${last.round} only: .*--view-limit.*cover every round`));
    const full = JSON.parse(readFileSync(path.join(dir, 'metrics.json'), 'utf8'));
    assert.deepEqual(
      JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8')),
      full,
      'the limit changes only what the view embeds',
    );
    assert.equal(full.rounds.length, 7);
    assert.equal(society('report', traceFile, '--view-limit', 'lots').status, 2);
  });

  it('leaves a round the trace cuts off out of the interactive view, as out of the figures', () => {
    // QA: the report said round 4 "was not finished and is left out", and its view opened at round 4.
    const lines = readFileSync(traceFile, 'utf8').trim().split('\n');
    const cut = lines.findIndex((l) => JSON.parse(l).type === 'round_start' && JSON.parse(l).round === 4) + 5;
    const cutFile = path.join(dir, 'cut.jsonl');
    writeFileSync(cutFile, lines.slice(0, cut).join('\n') + '\n');
    const out = path.join(dir, 'cut');
    const result = society('report', cutFile, '--out', out);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /round 4 was not finished and is left out/);
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    // The page says it too (QA D16: only standard error did), in the run's facts and in the view's status.
    assert.match(html, /<p class="note">The trace ends after round 3: round 4 was not finished and is left out\.<\/p>/);
    const embedded = JSON.parse(
      /<script type="application\/json" id="society-trace">(.*?)<\/script>/s.exec(html)![1],
    ) as { events: { type: string; round: number }[]; note?: string };
    assert.equal(embedded.note, 'the trace ends after round 3: round 4 was not finished and is left out');
    const last = embedded.events[embedded.events.length - 1];
    assert.deepEqual([last.type, last.round], ['round_end', 3]);
    assert.ok(embedded.events.every((e) => e.round <= 3));
  });

  it('fails clearly on a missing or broken trace and on bad usage', () => {
    const missing = society('report', path.join(dir, 'nope.jsonl'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nope\.jsonl/);
    const broken = path.join(dir, 'broken.jsonl');
    writeFileSync(broken, '{"type":"header"}\n');
    const bad = society('report', broken);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /broken\.jsonl:1: /);
    assert.equal(society('report').status, 2);
    assert.equal(society('report', traceFile, '--nope').status, 2);
  });
});
