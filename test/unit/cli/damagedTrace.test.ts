// `society report`, `metrics` and `export` on a damaged trace, end to end through bin/society.js
// (QA D2–D5, D8, D16): each says the one problem with file and line, in the same words, and exits 1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../analysis/sharedFixtures';
import { reportScenario, runTrace, toJsonl } from '../analysis/runTrace';

const root = repoRoot();
// A hang (QA D2: a report measured every round up to 3,000,000) ends as a failure, not a stuck suite.
const society = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin', 'society.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('report, metrics and export on a damaged trace', function () {
  let dir: string;
  let lines: string[];
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'society-cli-damaged-'));
    lines = toJsonl(await runTrace(reportScenario(8, 3)))
      .trimEnd()
      .split('\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, ls: string[]): string => {
    const f = path.join(dir, name);
    writeFileSync(f, ls.join('\n') + '\n');
    return f;
  };
  const edited = (i: number, change: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(lines[i]), ...change });
  const index = (type: string, round: number) =>
    lines.findIndex((l) => {
      const e = JSON.parse(l);
      return e.type === type && e.round === round;
    });
  /** Each command's standard error on `file`, after checking it failed with 1. */
  const refusals = (file: string): Record<string, string> =>
    Object.fromEntries(
      ['report', 'metrics', 'export'].map((command) => {
        const result = society(
          command,
          file,
          ...(command === 'report' ? ['--out', path.join(dir, 'out'), '--static'] : []),
        );
        assert.equal(result.status, 1, `${command}: ${result.stderr}`);
        return [command, result.stderr];
      }),
    );
  const saysOnly = (file: string, problem: string) => {
    for (const [command, stderr] of Object.entries(refusals(file))) {
      assert.equal(stderr, `society ${command}: ${file}:${problem}\n`, command);
    }
  };

  it('say a bad header once, at line 1, with its real cause (not a TypeError, not "the first line" for every line)', () => {
    saysOnly(
      write('v99.jsonl', [edited(0, { version: 99 }), ...lines.slice(1)]),
      '1: trace format version 99 is newer than this reader (1)',
    );
    saysOnly(
      write('vstr.jsonl', [edited(0, { version: '1' }), ...lines.slice(1)]),
      `1: header: 'version' must be a positive integer, got "1"`,
    );
    saysOnly(
      write('headless.jsonl', lines.slice(1)),
      '1: the first line is a round_start event, not a society trace header: the header line is missing',
    );
  });

  it('read a trace saved with a UTF-8 byte-order mark as the same trace', () => {
    const plain = write('plain.jsonl', lines),
      bom = write('bom.jsonl', ['\uFEFF' + lines[0], ...lines.slice(1)]);
    for (const args of [
      ['metrics', '--json'],
      ['export', '--format', 'csv'],
    ]) {
      const [a, b] = [plain, bom].map((f) => society(args[0], f, ...args.slice(1)));
      assert.equal(b.status, 0, b.stderr);
      assert.equal(b.stdout, a.stdout);
    }
    assert.equal(society('report', bom, '--out', path.join(dir, 'bom'), '--static').status, 0);
  });

  it('refuse a round far ahead at its line, quickly (report hung on it)', () => {
    const at = index('round_end', 2) - 1;
    saysOnly(
      write(
        'wild.jsonl',
        lines.map((l, i) => (i === at ? edited(i, { round: 3_000_000 }) : l)),
      ),
      `${at + 1}: round 3000000 begins before round 2 ended (no round_end)`,
    );
  });

  it('refuse a missing round, a round read twice and a second run_end, at their lines', () => {
    const start2 = index('round_start', 2),
      end2 = index('round_end', 2),
      end1 = index('round_end', 1);
    saysOnly(
      write('missing.jsonl', [...lines.slice(0, start2), ...lines.slice(end2 + 1)]),
      `${start2 + 1}: round 3 follows round 1: round 2 is missing`,
    );
    const twice = refusals(
      write('twice.jsonl', [
        ...lines.slice(0, end1 + 1),
        ...lines.slice(index('round_start', 1), end1 + 1),
        ...lines.slice(end1 + 1),
      ]),
    );
    for (const stderr of Object.values(twice)) {
      assert.match(
        stderr,
        new RegExp(`twice\\.jsonl:${end1 + 2}: round 1 again after its round_end at line ${end1 + 1}\n`),
      );
    }
    saysOnly(
      write('two-ends.jsonl', [...lines, lines.at(-1)!]),
      `${lines.length + 1}: a line after the run_end at line ${lines.length}: the run had ended`,
    );
  });

  it('say round 0 is not in a trace that holds only its header, rather than show an empty network', () => {
    const file = write('header-only.jsonl', lines.slice(0, 1));
    for (const [command, stderr] of Object.entries(refusals(file))) {
      assert.equal(
        stderr,
        `society ${command}: ${file}: round 0 is not in the trace: it ends before round 0 was finished\n`,
      );
    }
  });

  it('export names the trace when --round is outside it, as metrics does', () => {
    const file = write('whole.jsonl', lines);
    for (const command of ['export', 'metrics']) {
      const result = society(command, file, '--round', '999');
      assert.equal(result.status, 1);
      assert.equal(result.stderr, `society ${command}: ${file}: round 999 is outside the trace (0..3)\n`);
    }
  });

  it('report says which file it cannot write, in a sentence, with exit 1', () => {
    const out = path.join(dir, 'blocked');
    mkdirSync(path.join(out, 'report.html'), { recursive: true }); // a folder where the page goes
    const result = society('report', write('ok.jsonl', lines), '--out', out, '--static');
    assert.equal(result.status, 1, result.stderr);
    assert.equal(
      result.stderr,
      `society report: cannot write ${path.relative(root, path.join(out, 'report.html'))}: it is a folder, and Society Studio writes only regular files, never through a link: move it away or choose another output folder\n`,
    );
  });
});
