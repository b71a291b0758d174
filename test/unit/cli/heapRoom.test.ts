// A population larger than Node's default heap holds: `society run` relaunches itself once with
// room for it. The plan is pure (made-up machines); the relaunch is real — a child with the new
// limit, its exit code passed on, and a SIGTERM sent to the parent reaching the child.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { heapArgs, heapNeededMb, heapPlan, relaunches } from '../../../src/cli/run/heapRoom';
import { scratchDir } from '../../support/scratch';

const machine = { limitMb: 4144, totalMb: 24105, chosen: false, relaunched: false };

describe('room on the heap for a large population (society run)', () => {
  it('runs as is while the population fits in the heap Node gives', () => {
    assert.deepEqual(heapPlan(10_000, 10, machine), {});
    assert.deepEqual(heapPlan(100_000, 1, machine), {});
  });

  it('relaunches a million agents with more heap, at most three quarters of the machine', () => {
    const plan = heapPlan(1_000_000, 1, machine);
    assert.ok(plan.relaunchMb! > heapNeededMb(1_000_000, 1), `${plan.relaunchMb} MB`);
    assert.ok(plan.relaunchMb! <= 24105 * 0.75);
    assert.match(
      plan.note!,
      /1,000,000 agents × 1 round need about \d+\.\d GB of heap; running with a \d+\.\d GB heap instead of 4\.0 GB\.$/,
    );
    const huge = heapPlan(3_000_000, 5, machine);
    assert.equal(huge.relaunchMb, Math.floor(24105 * 0.75));
    assert.match(huge.note!, /it may not be enough/);
  });

  it('gives a world of 200,000 agents or more a larger young generation, unless the user chose one', () => {
    assert.deepEqual(heapPlan(199_999, 1, machine), {});
    assert.deepEqual(heapPlan(300_000, 1, machine), { youngMb: 64 });
    assert.deepEqual(heapArgs(heapPlan(300_000, 1, machine)), ['--max-semi-space-size=64']);
    const million = heapPlan(1_000_000, 1, machine);
    assert.equal(million.youngMb, 64);
    assert.deepEqual(heapArgs(million), [`--max-old-space-size=${million.relaunchMb}`, '--max-semi-space-size=64']);
    assert.equal(heapPlan(300_000, 1, { ...machine, youngChosen: true }).youngMb, undefined);
    assert.equal(heapPlan(300_000, 1, { ...machine, relaunched: true }).youngMb, undefined);
    assert.equal(relaunches(heapPlan(100_000, 1, machine)), false);
  });

  it("keeps a large world lean where it would crowd the machine: its heap grown by 20%, not by V8's factor", () => {
    const laptop = { ...machine, totalMb: 8192 };
    const million = heapPlan(1_000_000, 1, laptop);
    assert.equal(million.growingPercent, 20);
    assert.ok(heapArgs(million).includes('--heap-growing-percent=20'));
    // Room to spare (24 GB for a heap of ≈ 10 GB), a small world, or the user's own choice: V8's factor.
    assert.equal(heapPlan(1_000_000, 1, machine).growingPercent, undefined);
    assert.equal(heapPlan(100_000, 1, { ...laptop, totalMb: 1024 }).growingPercent, undefined);
    assert.equal(heapPlan(1_000_000, 1, { ...laptop, growingChosen: true }).growingPercent, undefined);
    assert.equal(heapPlan(1_000_000, 1, { ...laptop, relaunched: true }).growingPercent, undefined);
    assert.equal(heapPlan(300_000, 10, laptop).growingPercent, 20);
  });

  it('never overrides a limit the user set, nor relaunches twice, nor shrinks the heap: it only warns', () => {
    for (const m of [
      { ...machine, chosen: true },
      { ...machine, relaunched: true },
      { ...machine, totalMb: 4096 },
    ]) {
      const plan = heapPlan(1_000_000, 1, m);
      assert.equal(plan.relaunchMb, undefined);
      assert.match(plan.note!, /need about .* GB of heap; Node allows 4\.0 GB/);
    }
  });

  describe('the relaunch', function () {
    const dir = scratchDir('heap-room');
    const repo = path.resolve(__dirname, '../../..');
    // A stand-in for the CLI: relaunches itself with 300 MB, and the child reports its limit.
    const script = (body: string): string => {
      const file = path.join(dir, `child-${Math.random().toString(36).slice(2)}.ts`);
      fs.writeFileSync(
        file,
        `import * as v8 from 'node:v8';
import { relaunchWithHeap, RELAUNCHED } from ${JSON.stringify(path.join(repo, 'src/cli/run/heapRoom'))};
if (process.env[RELAUNCHED] !== '1') relaunchWithHeap({ relaunchMb: 300 }).then((code) => { process.exitCode = code; });
else {
  console.log('limit', Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20));
  ${body}
}
`,
      );
      return file;
    };
    const start = (file: string) => {
      const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: repo });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      const ended = new Promise<{ code: number | null; out: string }>((resolve) =>
        child.on('close', (code) => resolve({ code, out })),
      );
      return { child, ended, output: () => out };
    };

    it('runs the command again with the larger heap and ends with its exit code', async () => {
      const { ended } = start(script('process.exitCode = 3;'));
      const { code, out } = await ended;
      assert.equal(code, 3);
      const limit = Number(/limit (\d+)/.exec(out)?.[1]);
      assert.ok(limit >= 300 && limit < 400, `child heap limit ${limit} MB`);
    });

    it('passes a SIGTERM sent to it on to the run, which stops as it would alone', async () => {
      const run = start(
        script(
          `process.on('SIGTERM', () => { console.log('got SIGTERM'); process.exit(143); }); console.log('ready'); setInterval(() => {}, 1000);`,
        ),
      );
      while (!run.output().includes('ready')) await new Promise((r) => setTimeout(r, 20));
      run.child.kill('SIGTERM');
      const { code, out } = await run.ended;
      assert.equal(code, 143);
      assert.match(out, /got SIGTERM/);
    });
  });
});
