// `society experiment --shard i/n` and `society experiment merge`: an experiment split over
// machines and merged writes the same files as one machine's run, and merge refuses shards that
// are not the parts 1..n of one experiment, saying which.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { experimentCommand } from '../../../src/cli/commands/experiment';
import { parseShard, readShardFile, shardPlan, type ShardFile } from '../../../src/core/experiment/shard';
import { shardProblems, type ShardInput } from '../../../src/core/experiment/mergeShards';
import { planExperiment } from '../../../src/core/experiment/plan';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { quietly } from '../../support/quietly';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const friends = path.join(repo, 'examples/friends/friends.society');
const SMALL = ['--seeds', '1-4', '--rounds', '5'];
const society = (args: string[]) => quietly(() => experimentCommand.run(args));
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file));
/** experiment.json without what the clock decides: the run's and each run's wall time. */
const timeless = (dir: string) => {
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'experiment.json'), 'utf8'));
  delete json.wall_seconds;
  for (const r of json.runs) delete r.wall_ms;
  return json;
};

describe('experiments across machines: --shard i/n and merge', function () {
  const base = scratchDir('society-shards-');
  const whole = path.join(base, 'whole');
  const shard = (i: number) => path.join(base, `shard-${i}`);
  const merged = path.join(base, 'merged');

  before(async () => {
    assert.equal((await society([friends, ...SMALL, '--out', whole, '-q'])).result, 0);
    for (const i of [1, 2, 3]) {
      const r = await society([friends, ...SMALL, '--shard', `${i}/3`, '--out', shard(i), '-q']);
      assert.equal(r.result, 0, r.errors);
      assert.match(
        r.out,
        new RegExp(`shard ${i}/3: ${i === 3 ? 2 : 3} runs of the plan's 8 \\(2 conditions × 4 seeds\\)`),
      );
    }
  });

  it('puts run k in shard (k mod n) + 1: every shard has runs of each condition, and sizes differ by one at most', async () => {
    const { scenario } = await loadScenarioFile(friends, { root: repo });
    const plan = planExperiment(scenario!, { seeds: [1, 2, 3, 4] });
    const parts = [1, 2, 3].map((index) => shardPlan(plan, { index, count: 3 }));
    assert.deepEqual(
      parts.map((p) => p.planIndex),
      [
        [0, 3, 6],
        [1, 4, 7],
        [2, 5],
      ],
    );
    assert.deepEqual(
      parts[0].runs.map((r) => `${r.index}:${r.condition}/${r.seed}`),
      ['0:uncoached/1', '1:uncoached/4', '2:coached/3'],
    );
    assert.deepEqual(shardPlan(plan, undefined).runs, plan.runs);
    // Eight shards of eight runs: one each; a ninth would have none (and merge still takes it).
    assert.deepEqual(shardPlan(plan, { index: 8, count: 8 }).planIndex, [7]);
    assert.deepEqual(shardPlan(plan, { index: 9, count: 9 }).planIndex, []);
  });

  it("writes a shard file with the scenario hash, the plan, its part and its runs, and only its runs' traces", () => {
    const f = readShardFile(shard(2)) as ShardFile;
    assert.equal(typeof f, 'object', String(f));
    assert.equal(f.format, 'society-experiment-shard');
    assert.equal(f.version, 1);
    assert.equal(f.scenario.name, 'Learning to make friends');
    assert.match(f.scenario.hash, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(f.shard, { index: 2, count: 3 });
    assert.deepEqual(
      [f.plan.seeds, f.plan.rounds_by_condition, f.plan.reference, f.plan.runs, f.plan.model],
      [[1, 2, 3, 4], { uncoached: 5, coached: 5 }, 'uncoached', 8, 'the offline rule-based model (not an LLM)'],
    );
    assert.deepEqual(
      f.plan.conditions.map((c) => c.name),
      ['uncoached', 'coached'],
    );
    assert.deepEqual(
      f.runs.map((r) => [r.index, r.outcome.condition, r.outcome.seed, r.trace]),
      [
        [1, 'uncoached', 2, 'traces/uncoached-seed2.jsonl'],
        [4, 'coached', 1, 'traces/coached-seed1.jsonl'],
        [7, 'coached', 4, 'traces/coached-seed4.jsonl'],
      ],
    );
    assert.deepEqual([f.partial, f.runs_planned, f.runs_finished], [false, 3, 3]);
    assert.ok(f.wall_seconds > 0);
    assert.deepEqual(fs.readdirSync(path.join(shard(2), 'traces')).sort(), [
      'coached-seed1.jsonl',
      'coached-seed4.jsonl',
      'uncoached-seed2.jsonl',
    ]);
    // A shard writes no report: merge does. The list of the files it wrote (.society-files.json) names shard.json.
    assert.deepEqual(fs.readdirSync(shard(2)).sort(), ['.society-files.json', 'shard.json', 'traces']);
  });

  it('merges 3 shards into the files one run writes: summary.csv byte for byte, experiment.json but for wall time, and the traces', async () => {
    const r = await society(['merge', shard(3), shard(1), shard(2), '--out', merged]);
    assert.equal(r.result, 0, r.errors);
    assert.match(
      r.out,
      /^Learning to make friends: 8 runs \(2 conditions × 4 seeds\) merged from 3 shards; shards took /,
    );
    assert.ok(read(whole, 'summary.csv').equals(read(merged, 'summary.csv')), 'summary.csv differs');
    // Outcomes over time (issue 45): the shards carry each run's series, so the merge writes the same series.csv.
    assert.ok(read(whole, 'series.csv').equals(read(merged, 'series.csv')), 'series.csv differs');
    assert.match(read(merged, 'series.csv').toString(), /^condition,round,metric,n,mean,ci_low,ci_high\n/);
    assert.match(read(merged, 'series.csv').toString(), /\ncoached,5,density,4,[\d.]+,[\d.-]+,[\d.]+\n/);
    assert.deepEqual(timeless(merged), timeless(whole));
    // experiment.json leaves each run's series to series.csv; the shard files keep them whole.
    assert.equal(timeless(whole).runs[0].series, undefined);
    const shardRun = JSON.parse(read(shard(1), 'shard.json').toString()).runs[0];
    assert.deepEqual(shardRun.outcome.series.rounds, [0, 1, 2, 3, 4, 5]);
    // runs.csv: the same rows but for the last column (wall_ms); the page: the same but for the seconds it says.
    const noWall = (dir: string) =>
      read(dir, 'runs.csv')
        .toString()
        .split('\n')
        .map((l) => l.replace(/,[^,]*$/, ''));
    assert.deepEqual(noWall(merged), noWall(whole));
    const noSeconds = (dir: string) =>
      read(dir, 'experiment.html')
        .toString()
        .replace(/runs in [\d.]+ s/, 'runs in … s');
    assert.equal(noSeconds(merged), noSeconds(whole));
    const traces = fs.readdirSync(path.join(merged, 'traces')).sort();
    assert.deepEqual(traces, fs.readdirSync(path.join(whole, 'traces')).sort());
    assert.equal(traces.length, 8);
    // Hard links on one disk: the shard's trace and the merged one are one file.
    assert.equal(
      fs.statSync(path.join(merged, 'traces', 'coached-seed1.jsonl')).ino,
      fs.statSync(path.join(shard(2), 'traces', 'coached-seed1.jsonl')).ino,
    );
    // Merging again (into the same folder) gives the same files.
    assert.equal((await society(['merge', shard(1), shard(2), shard(3), '--out', merged])).result, 0);
    assert.ok(read(whole, 'summary.csv').equals(read(merged, 'summary.csv')));
  });

  it('refuses --shard i outside 1..n or not i/n, exit 2, before any run and with no folder made', async () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    assert.deepEqual(parseShard('1/1'), { index: 1, count: 1 });
    assert.equal(parseShard('4/3'), '--shard 4/3: i must be between 1 and 3 (shards are numbered 1 to n)');
    assert.equal(parseShard('0/3'), '--shard 0/3: i must be between 1 and 3 (shards are numbered 1 to n)');
    assert.equal(parseShard('1/0'), '--shard 1/0: n must be at least 1');
    for (const bad of ['2', '2/', '/4', '-1/3', '1.5/3', 'a/b', '2/4/8']) {
      assert.match(parseShard(bad) as string, /^--shard takes i\/n/, bad);
    }
    for (const [arg, said] of [
      ['4/3', 'i must be between 1 and 3'],
      ['0/3', 'i must be between 1 and 3'],
      ['two', 'takes i/n'],
    ]) {
      const out = path.join(base, `refused-${arg.replace('/', '-')}`);
      const r = await society([friends, ...SMALL, '--shard', arg, '--out', out]);
      assert.equal(r.result, 2, arg);
      assert.ok(r.errors.startsWith('society experiment: --shard ') && r.errors.includes(said), r.errors);
      assert.ok(!fs.existsSync(out), `${arg}: no folder`);
    }
  });

  it('refuses to merge a missing or duplicated shard, saying which, exit 1, and writes nothing', async () => {
    const out = path.join(base, 'not-merged');
    const missing = await society(['merge', shard(1), shard(3), '--out', out]);
    assert.equal(missing.result, 1);
    assert.equal(missing.errors, 'society experiment merge: missing shard 2/3 (of 3; given: 1/3 and 3/3)\n');
    const twice = await society(['merge', shard(1), shard(2), shard(3), shard(2), '--out', out]);
    assert.equal(twice.result, 1);
    assert.equal(twice.errors, `society experiment merge: shard 2/3 is given twice: ${shard(2)} and ${shard(2)}\n`);
    const both = await society(['merge', shard(1), shard(1), '--out', out]);
    assert.equal(
      both.errors,
      'society experiment merge: missing shards 2/3 and 3/3 (of 3; given: 1/3)\n' +
        `society experiment merge: shard 1/3 is given twice: ${shard(1)} and ${shard(1)}\n`,
    );
    const none = await society(['merge', path.join(base, 'no-such'), '--out', out]);
    assert.equal(none.result, 1);
    assert.match(
      none.errors,
      /no-such\/shard\.json: no shard file \(`society experiment <scenario> --shard i\/n --out DIR` writes DIR\/shard\.json\)\n$/,
    );
    const usage = await society(['merge', shard(1)]);
    assert.equal(usage.result, 2);
    assert.match(usage.errors, /^society experiment merge: missing --out DIR/);
    assert.ok(!fs.existsSync(out), 'no folder');
  });

  it('refuses a shard trace cut short, mid-line or at a line, saying which shard and what is missing (issue 41: 13)', async () => {
    const copy = path.join(base, 'cut-shard-1');
    fs.cpSync(shard(1), copy, { recursive: true });
    const trace = path.join(copy, 'traces', 'uncoached-seed1.jsonl');
    const whole = fs.readFileSync(trace);
    const out = path.join(base, 'cut-merged');
    // Half its bytes: it ends mid-line.
    fs.writeFileSync(trace, whole.subarray(0, Math.floor(whole.length / 2)));
    const half = await society(['merge', copy, shard(2), shard(3), '--out', out]);
    assert.equal(half.result, 1, half.out);
    assert.equal(
      half.errors,
      `society experiment merge: ${trace}: the trace of run 0 of shard 1/3 is not the whole run: it ends in the middle of a line, without run_end (cut off); copy it again from where the shard ran, or run the shard again\n`,
    );
    // Its whole lines but the last (run_end): every line parses, and it is still not the run.
    const lines = whole.toString().split('\n').slice(0, -2);
    fs.writeFileSync(trace, lines.join('\n') + '\n');
    const atLine = await society(['merge', copy, shard(2), shard(3), '--out', out]);
    assert.equal(atLine.result, 1);
    assert.match(
      atLine.errors,
      /not the whole run: it ends with round_end in round 5 of 5, without run_end \(cut off\)/,
    );
    assert.ok(!fs.existsSync(out), 'nothing merged');
  });

  it('refuses shards of another scenario, another plan, another n, or a partial shard', () => {
    const real = [1, 2, 3].map((i): ShardInput => ({ dir: `s${i}`, file: readShardFile(shard(i)) as ShardFile }));
    assert.deepEqual(shardProblems(real), []);
    const changed = (i: number, change: (f: ShardFile) => void): ShardInput[] =>
      real.map((s, j) => {
        if (j !== i) return s;
        const file = structuredClone(s.file);
        change(file);
        return { ...s, file };
      });
    const [hash] = shardProblems(
      changed(1, (f) => {
        f.scenario.hash = 'sha256:' + '0'.repeat(64);
      }),
    );
    const real12 = real[0].file.scenario.hash.slice('sha256:'.length, 'sha256:'.length + 12);
    assert.equal(
      hash,
      `the shards are of different scenarios: 'Learning to make friends' sha256:${real12}… (s1 and s3); 'Learning to make friends' sha256:000000000000… (s2)`,
    );
    assert.deepEqual(
      shardProblems(
        changed(2, (f) => {
          f.plan.seeds = [1, 2];
          f.plan.runs = 4;
        }),
      ),
      [
        "the shards' plans differ in seeds: [1,2,3,4] (s1 and s2) vs [1,2] (s3); give every shard the same --seeds",
        "the shards' plans differ in runs: 8 (s1 and s2) vs 4 (s3); give every shard the same --seeds",
      ],
    );
    assert.deepEqual(
      shardProblems(
        changed(0, (f) => {
          f.plan.rounds_by_condition = { uncoached: 6, coached: 6 };
        }),
      ),
      [
        `the shards' plans differ in rounds_by_condition: {"uncoached":6,"coached":6} (s1) vs {"uncoached":5,"coached":5} (s2 and s3); give every shard the same --rounds`,
      ],
    );
    assert.deepEqual(
      shardProblems(
        changed(2, (f) => {
          f.shard.count = 4;
        }),
      ),
      ['the shards disagree on n: 1/3, 2/3 (s1 and s2) vs 3/4 (s3)'],
    );
    assert.deepEqual(
      shardProblems(
        changed(1, (f) => {
          f.runs.pop();
          f.runs_finished = 2;
          f.partial = true;
        }),
      ),
      ['s2: shard 2/3 is partial (2 of 3 runs finished): run it again'],
    );
    assert.deepEqual(
      shardProblems(
        changed(1, (f) => {
          f.runs[0].index = 0;
        }),
      ),
      ['s2: shard 2/3 holds runs [0,4,7], not its part of the plan [1,4,7]'],
    );
  });
});
