// Issue 87, kind 1: every writer of the studio goes through one writer (core/files/safeWrite.ts).
// A folder someone shares is hostile: in the name a command writes it puts a link to a file
// outside, a FIFO, a folder, or a user's file beside a list (.society-files.json) that claims it
// is ours — here a list this very machine signed, for another folder. Each writer gets each of
// them and must refuse with a clear error, leave the thing in place, and change nothing outside.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';
import { markOurs, MANIFEST_FILE } from '../../../src/core/files/ourFiles';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const FRIENDS = path.join(repo, 'examples/friends/friends.society');

interface Writer {
  name: string;
  /** The file it writes in `out` that the hostile folder takes. */
  target: string;
  /** The command (without --overwrite); `out` exists and may already hold inputs. */
  args(out: string): string[];
  /** Inputs the command reads from `out` itself (a run folder that is shared as a whole). */
  prepare?(out: string): void;
}

const top = scratchDir('society-writers-');
const cache = path.join(top, 'cache');
const parent = path.join(top, 'parent-run');
const observed = path.join(top, 'observed.csv');

const society = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd: top,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, SOCIETY_CACHE: cache },
  });

const WRITERS: Writer[] = [
  {
    name: 'run (its trace)',
    target: 'trace.jsonl',
    args: (out) => ['run', FRIENDS, '--rounds', '1', '--out', out, '-q'],
  },
  {
    name: 'run (surveys.csv)',
    target: 'surveys.csv',
    args: (out) => ['run', FRIENDS, '--rounds', '1', '--out', out, '-q'],
  },
  {
    name: 'report (beside a shared trace)',
    target: 'report.html',
    prepare: (out) => fs.copyFileSync(path.join(parent, 'trace.jsonl'), path.join(out, 'trace.jsonl')),
    args: (out) => ['report', path.join(out, 'trace.jsonl'), '-q'],
  },
  {
    name: 'experiment',
    target: 'summary.csv',
    args: (out) => ['experiment', FRIENDS, '--seeds', '1', '--rounds', '1', '--out', out, '-q'],
  },
  { name: 'compare --out', target: 'compare.html', args: (out) => ['compare', parent, parent, '--out', out] },
  {
    name: 'export --out FILE',
    target: 'ties.graphml',
    args: (out) => ['export', path.join(parent, 'trace.jsonl'), '--out', path.join(out, 'ties.graphml')],
  },
  {
    name: 'export --format parquet',
    target: 'agents.parquet',
    args: (out) => ['export', parent, '--format', 'parquet', '--out', out],
  },
  { name: 'fork', target: 'branch.json', args: (out) => ['fork', parent, '--round', '1', '--out', out, '--quiet'] },
  {
    name: 'validate',
    target: 'validation.csv',
    args: (out) => ['validate', '--only', 'dictator', '--seeds', '1', '--out', out],
  },
  {
    name: 'calibrate (a run)',
    target: 'fit.csv',
    args: (out) => ['calibrate', parent, '--observed', observed, '--out', out, '-q'],
  },
];

/** Every file under `dir` with its bytes (a link as where it leads): what must not change. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(e.parentPath, e.name);
    out[path.relative(dir, p)] = e.isSymbolicLink()
      ? `-> ${fs.readlinkSync(p)}`
      : e.isFile()
        ? fs.readFileSync(p, 'utf8')
        : e.isFIFO()
          ? 'fifo'
          : 'folder';
  }
  return out;
}

describe('hostile folders: every writer writes through one writer, never out of its folder (issue 87: 1)', function () {
  let outside: string;
  let n = 0;
  const fresh = (w: Writer): string => {
    const out = path.join(top, `out-${++n}`);
    fs.mkdirSync(out);
    w.prepare?.(out);
    return out;
  };

  before(function () {
    if (process.platform === 'win32') this.skip();
    process.env.SOCIETY_CACHE = cache;
    const r = society(['run', FRIENDS, '--rounds', '1', '--out', parent, '-q']);
    assert.equal(r.status, 0, r.stderr);
    fs.writeFileSync(observed, 'round,measure,value\n1,density,0.02\n');
    outside = path.join(top, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'bashrc'), "the user's own file outside\n");
  });
  after(() => delete process.env.SOCIETY_CACHE);

  for (const w of WRITERS) {
    describe(w.name, () => {
      it(`a link in place of ${w.target} to a file outside: refused even with --overwrite, the file untouched`, () => {
        const out = fresh(w);
        const before = snapshot(outside);
        fs.symlinkSync(path.join(outside, 'bashrc'), path.join(out, w.target));
        const r = society([...w.args(out), '--overwrite']);
        assert.notEqual(r.status, 0, `${w.name} wrote: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, new RegExp(`${w.target.replace('.', '\\.')}.*symbolic link`), r.stderr);
        assert.deepEqual(snapshot(outside), before);
        assert.ok(fs.lstatSync(path.join(out, w.target)).isSymbolicLink(), 'the link is left as it was');
      });

      it(`a FIFO in place of ${w.target}: refused at once, never opened`, () => {
        const out = fresh(w);
        assert.equal(spawnSync('mkfifo', [path.join(out, w.target)]).status, 0);
        const r = society([...w.args(out), '--overwrite']);
        assert.notEqual(r.status, 0, r.stderr);
        assert.ok(r.error === undefined, `it hung: ${String(r.error)}`);
        assert.match(r.stderr, /named pipe \(FIFO\)/, r.stderr);
        assert.ok(fs.lstatSync(path.join(out, w.target)).isFIFO());
      });

      it(`a folder in place of ${w.target}: refused, what it holds kept`, () => {
        const out = fresh(w);
        fs.mkdirSync(path.join(out, w.target));
        fs.writeFileSync(path.join(out, w.target, 'keep.txt'), 'kept');
        const r = society([...w.args(out), '--overwrite']);
        assert.notEqual(r.status, 0, r.stderr);
        assert.match(r.stderr, new RegExp(`${w.target.replace('.', '\\.')}.*folder`), r.stderr);
        assert.equal(fs.readFileSync(path.join(out, w.target, 'keep.txt'), 'utf8'), 'kept');
      });

      it(`a user's ${w.target} beside a list this machine signed for another folder: not replaced without --overwrite`, () => {
        const out = fresh(w);
        // The list a shared folder carries: a real one, signed here, for a folder of the same files.
        const elsewhere = path.join(top, `elsewhere-${n}`);
        fs.mkdirSync(elsewhere);
        fs.writeFileSync(path.join(elsewhere, w.target), 'ours, elsewhere');
        markOurs(elsewhere, [w.target]);
        fs.copyFileSync(path.join(elsewhere, MANIFEST_FILE), path.join(out, MANIFEST_FILE));
        fs.writeFileSync(path.join(out, w.target), "the user's own\n");
        const r = society(w.args(out));
        assert.notEqual(r.status, 0, `${w.name} replaced it: ${r.stderr}`);
        assert.match(r.stderr, new RegExp(`${w.target.replace('.', '\\.')}|a run|--overwrite`), r.stderr);
        assert.equal(fs.readFileSync(path.join(out, w.target), 'utf8'), "the user's own\n");
      });
    });
  }

  it('experiment: a traces/ folder that is a link out of --out is refused; nothing written there', () => {
    const out = path.join(top, 'experiment-traces-link');
    fs.mkdirSync(out);
    const before = snapshot(outside);
    fs.symlinkSync(outside, path.join(out, 'traces'));
    const r = society(['experiment', FRIENDS, '--seeds', '1', '--rounds', '1', '--out', out, '-q', '--overwrite']);
    assert.notEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /traces.*symbolic link where a folder of the output belongs/, r.stderr);
    assert.deepEqual(snapshot(outside), before);
  });

  it('export --out FILE keeps a file that is there without --overwrite, and replaces it with it', () => {
    const out = path.join(top, 'export-plain');
    fs.mkdirSync(out);
    const file = path.join(out, 'mine.gexf');
    fs.writeFileSync(file, 'mine');
    const args = ['export', path.join(parent, 'trace.jsonl'), '--out', file];
    const r = society(args);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /already holds mine\.gexf, which Society Studio did not write.*--overwrite/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'mine');
    assert.equal(society([...args, '--overwrite']).status, 0);
    assert.match(fs.readFileSync(file, 'utf8'), /<gexf/);
    // Now ours (signed): written again without the flag.
    assert.equal(society(args).status, 0);
  });
});
