// `society run` stays stoppable whatever its mechanics do (issue 41): SIGTERM or Ctrl-C during a
// module hook that loops for ever, or during rounds of costly expressions, ends the process
// within 5 s, and --resume then continues from the checkpoint of the last whole round.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');

/** A scenario of `agents` personas and a world quantity `ticks`, with `extra` lines after it. */
function scenario(agents: number, extra: string): string {
  const personas = Array.from({ length: agents }, (_, i) => `  - { id: p${i}, name: P${i} }`).join('\n');
  return `kind: scenario
name: hostile
personas:
${personas}
world: { rounds: 4, conversation: { turns: 2 } }
coaching: { enabled: false }
state:
  world:
    ticks: { initial: 0, max: 100, valued: false, update: "world.ticks + 1.0" }
${extra}`;
}

/**
 * `society run` in the background, sent `signal` `afterMs` after its first checkpoint is on disk:
 * how it ended, and how long after the signal.
 */
function stopped(
  dir: string,
  args: string[],
  signal: NodeJS.Signals,
  afterMs: number,
): Promise<{ status: number | null; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'run', 'hostile.society', '--out', 'out', '-q', ...args], { cwd: dir });
    let stderr = '';
    let sentAt = 0;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const poll = setInterval(() => {
      if (!fs.existsSync(path.join(dir, 'out', 'checkpoint.json'))) return;
      clearInterval(poll);
      setTimeout(() => {
        sentAt = performance.now();
        child.kill(signal);
      }, afterMs);
    }, 5);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ status, stderr, ms: performance.now() - sentAt });
    });
  });
}

const resumed = (dir: string, args: string[]) =>
  spawnSync(process.execPath, [bin, 'run', 'hostile.society', '--out', 'out', '-q', '--resume', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });

const ticks = (dir: string): number[] =>
  fs
    .readFileSync(path.join(dir, 'out', 'trace.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((e) => e.type === 'state')
    .map((e) => e.world.ticks);

describe('society run stopped during hostile mechanics', function () {
  // From round 2, the hook loops for ever while loop.flag is there.
  const LOOPING = `import fs from 'node:fs';
export function endRound(w) {
  if (w.round >= 2 && fs.existsSync(new URL('./loop.flag', import.meta.url))) for (;;) {}
}
`;

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} during a module hook that loops for ever: ended before the run's end, resumable`, async () => {
      const dir = scratchDir('society-cli-loop-');
      fs.writeFileSync(path.join(dir, 'hostile.society'), scenario(2, 'module: ./loop.mjs\n'));
      fs.writeFileSync(path.join(dir, 'loop.mjs'), LOOPING);
      fs.writeFileSync(path.join(dir, 'loop.flag'), '');
      const r = await stopped(dir, ['--allow-module', '--checkpoint-every', '1'], signal, 300);
      // Ended by itself (a hang is the stage's hang guard's), before the run's end: counted in rounds, not seconds.
      assert.ok(ticks(dir).length < 5, `ended ${Math.round(r.ms)} ms after ${signal} with every round run`);
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /module endRound: ran longer than 2 s \(its time limit\): stopped/);
      assert.match(r.stderr, /continue with: .*--allow-module --resume/);
      fs.rmSync(path.join(dir, 'loop.flag'));
      const again = resumed(dir, ['--allow-module']);
      assert.equal(again.status, 0, again.stderr);
      assert.deepEqual(ticks(dir), [0, 1, 2, 3, 4]);
    });
  }

  it('--module-time-limit reaches the run: a hook looping for ever is stopped at 1 s, not the default 2 s', () => {
    const dir = scratchDir('society-cli-limit-');
    fs.writeFileSync(path.join(dir, 'hostile.society'), scenario(2, 'module: ./loop.mjs\n'));
    fs.writeFileSync(path.join(dir, 'loop.mjs'), LOOPING);
    fs.writeFileSync(path.join(dir, 'loop.flag'), '');
    const r = spawnSync(
      process.execPath,
      [bin, 'run', 'hostile.society', '--out', 'out', '-q', '--allow-module', '--module-time-limit', '1'],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /module endRound: ran longer than 1 s \(its time limit\): stopped/);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} during rounds of costly expressions: ended before the run's end, resumable`, async () => {
      const dir = scratchDir('society-cli-costly-');
      // ≈ 60,000 steps an agent each round (under the budget), 300 agents: about half a second a round.
      const list = `'${'x'.repeat(120)}'.split('')`;
      const costly = `${list}.exists(a, ${list}.exists(b, a == 'y')) ? 1.0 : me.patience`;
      fs.writeFileSync(
        path.join(dir, 'hostile.society'),
        scenario(300, `  agents:\n    patience: { initial: 1, max: 10, update: "${costly}" }\n`),
      );
      // Soon after the first checkpoint: the rest of the run takes about 1.5 s here, so a stop that
      // waited for the end would be seen even on a machine several times faster.
      const r = await stopped(dir, ['--checkpoint-every', '1'], signal, 200);
      // Stopped before the run's last round: counted in rounds, not seconds.
      assert.ok(ticks(dir).length < 5, `ended ${Math.round(r.ms)} ms after ${signal} with every round run`);
      assert.notEqual(r.status, 0, r.stderr);
      assert.match(r.stderr, /continue with: .*--resume/);
      const again = resumed(dir, []);
      assert.equal(again.status, 0, again.stderr);
      assert.deepEqual(ticks(dir), [0, 1, 2, 3, 4]);
    });
  }
});
