import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { readTrace } from '../../../src/core/trace/reader';

const EXAMPLE = path.resolve(__dirname, '../../../examples/friends/friends.society');

async function quietly<T>(fn: () => Promise<T>): Promise<{ result: T; out: string }> {
  const log = console.log, err = console.error;
  let out = '';
  console.log = (...a: unknown[]) => { out += a.join(' ') + '\n'; };
  console.error = () => {};
  try { return { result: await fn(), out }; } finally { console.log = log; console.error = err; }
}

describe('society run', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-run-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a valid trace and checkpoint and prints the summary table', async () => {
    const { result, out } = await quietly(() => runCommand.run([EXAMPLE, '--rounds', '3', '--seed', '9', '--out', dir]));
    assert.equal(result, 0);
    const r = readTrace(fs.readFileSync(path.join(dir, 'trace.jsonl'), 'utf8'));
    assert.deepEqual(r.errors, []);
    assert.equal(r.complete, true);
    assert.equal(r.header?.seed, 9);
    assert.ok(fs.existsSync(path.join(dir, 'checkpoint.json')));
    for (const row of ['density', 'reciprocity', 'clustering', 'communities', 'median degree', 'reward social', 'reward support']) assert.ok(out.includes(row), row);
  });

  it('Ctrl-C leaves a valid trace and checkpoint; --resume finishes it byte-identically', async () => {
    const full = path.join(dir, 'full'), cut = path.join(dir, 'cut');
    await quietly(() => runCommand.run([EXAMPLE, '--rounds', '30', '--out', full]));
    const timer = setTimeout(() => process.emit('SIGINT'), 150);
    const { result } = await quietly(() => runCommand.run([EXAMPLE, '--rounds', '30', '--out', cut]));
    clearTimeout(timer);
    const expected = fs.readFileSync(path.join(full, 'trace.jsonl'), 'utf8');
    if (result === 130) {
      const partial = fs.readFileSync(path.join(cut, 'trace.jsonl'), 'utf8');
      const read = readTrace(partial);
      assert.deepEqual(read.errors, []);
      assert.equal(read.complete, false);
      assert.ok(expected.startsWith(partial));
      assert.equal((await quietly(() => runCommand.run([EXAMPLE, '--out', cut, '--resume']))).result, 0);
    } else {
      assert.equal(result, 0, 'the run finished before the interrupt');
    }
    assert.equal(fs.readFileSync(path.join(cut, 'trace.jsonl'), 'utf8'), expected);
  });

  it('rejects bad arguments', async () => {
    assert.equal((await quietly(() => runCommand.run([]))).result, 2);
    await assert.rejects(() => quietly(() => runCommand.run([EXAMPLE, '--rounds', 'x', '--out', dir])), /--rounds/);
    assert.equal((await quietly(() => runCommand.run([EXAMPLE, '--out', path.join(dir, 'none'), '--resume']))).result, 1);
  });
});
