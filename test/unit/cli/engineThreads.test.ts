// `society run --engine-threads N` (core/run/engineThreads.ts): the same trace with 1 and 2 threads,
// and a run killed with SIGKILL in the middle of a round, its trace written on a thread of its own,
// resumes to the uninterrupted run's trace byte for byte.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { engineThreads } from '../../../src/core/run/engineThreads';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');

/** A sampled population of `agents` on the offline model, coached, for `rounds` rounds. */
function scenario(agents: number, rounds: number): string {
  return `kind: scenario
name: threads
population:
  - group: crowd
    count: ${agents}
    id_prefix: c
    names: [Ana, Bo, Chen, Dee]
    interests: { pool: [chess, jazz, film, cooking, running, poetry], per_agent: 2 }
world: { rounds: ${rounds}, encounters: { mode: recommend, per_round: 1, exploration: 0.2 }, conversation: { turns: 4 } }
coaching: { enabled: true, every: 1 }
`;
}

const run = (dir: string, args: string[]) =>
  spawnSync(process.execPath, [bin, 'run', 'threads.society', '-q', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });

/** The trace past its header (whose provenance names the build and time). */
const body = (file: string): string => {
  const text = fs.readFileSync(file, 'utf8');
  return text.slice(text.indexOf('\n') + 1);
};

describe('society run --engine-threads', function () {
  it('defaults to 1, else $SOCIETY_ENGINE_THREADS or the flag', () => {
    assert.equal(engineThreads(undefined, {}), 1);
    assert.equal(engineThreads(undefined, { SOCIETY_ENGINE_THREADS: '2' }), 2);
    assert.equal(engineThreads(undefined, { SOCIETY_ENGINE_THREADS: '1' }), 1);
    assert.equal(engineThreads(1, { SOCIETY_ENGINE_THREADS: '4' }), 1);
    assert.equal(engineThreads(3, {}), 3);
    assert.equal(engineThreads(undefined, { SOCIETY_ENGINE_THREADS: 'many' }), 1);
  });

  it('rejects 0 threads with a usage error', () => {
    const dir = scratchDir('society-engine-threads-');
    fs.writeFileSync(path.join(dir, 'threads.society'), scenario(10, 2));
    const r = run(dir, ['--out', 'out', '--engine-threads', '0']);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /--engine-threads/);
  });

  it('killed mid-round with 2 threads and resumed: the trace of the run on 1 thread, byte for byte', async () => {
    const dir = scratchDir('society-engine-threads-');
    fs.writeFileSync(path.join(dir, 'threads.society'), scenario(400, 6));
    const whole = run(dir, ['--out', 'one', '--engine-threads', '1']);
    assert.equal(whole.status, 0, whole.stderr);

    // Killed (SIGKILL: nothing flushed, nothing closed) once the first round's checkpoint is on disk.
    const killedAt = await new Promise<number>((resolve) => {
      const child = spawn(
        process.execPath,
        [bin, 'run', 'threads.society', '-q', '--out', 'two', '--engine-threads', '2', '--checkpoint-every', '1'],
        { cwd: dir },
      );
      let done = -1;
      const poll = setInterval(() => {
        const cp = path.join(dir, 'two', 'checkpoint.json');
        if (!fs.existsSync(cp)) return;
        done = (JSON.parse(fs.readFileSync(cp, 'utf8')) as { completed: number }).completed;
        if (done < 1) return;
        clearInterval(poll);
        child.kill('SIGKILL');
      }, 5);
      // Resumed once the process is gone (its lock names a pid that must be dead).
      child.on('close', () => {
        clearInterval(poll);
        resolve(done);
      });
    });
    assert.ok(killedAt >= 1 && killedAt < 6, `killed after round ${killedAt}`);
    const again = run(dir, ['--out', 'two', '--engine-threads', '2', '--resume']);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(body(path.join(dir, 'two', 'trace.jsonl')), body(path.join(dir, 'one', 'trace.jsonl')));
  });
});
