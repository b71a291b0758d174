// `society compare <experiment> --conditions A,B` (issue 73): an experiment's folder (or its traces/)
// holds each run as traces/<condition>-seed<n>.jsonl; two of its conditions are compared as two
// sets of runs paired by seed. Conditions are named as the scenario writes them or by file stem.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareCommand } from '../../../src/cli/commands/compare';
import { experimentCommand } from '../../../src/cli/commands/experiment';
import { conditionList, conditionSides } from '../../../src/core/experiment/paired/conditionSides';
import { quietly } from '../../support/quietly';
import { friendsRun } from '../compare/friendsRuns';

const compare = (...args: string[]) => quietly(() => compareCommand.run(args));

function writeTrace(file: string, run: Awaited<ReturnType<typeof friendsRun>>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, [run.header, ...run.events].map((x) => JSON.stringify(x)).join('\n') + '\n');
}

describe('society compare: two conditions of an experiment', function () {
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-conditions-'));
    for (const seed of [1, 2, 3]) {
      writeTrace(
        path.join(dir, 'exp', 'traces', `coaching-on-seed${seed}.jsonl`),
        await friendsRun(seed, { rounds: 3 }),
      );
      writeTrace(
        path.join(dir, 'exp', 'traces', `coaching-off-seed${seed}.jsonl`),
        await friendsRun(seed, { rounds: 3, set: { 'coaching.enabled': false } }),
      );
    }
    // A run still being written, and a third condition with one seed.
    fs.writeFileSync(path.join(dir, 'exp', 'traces', 'coaching-off-seed4.jsonl.part'), '{');
    writeTrace(path.join(dir, 'exp', 'traces', 'coaching-later-seed1.jsonl'), await friendsRun(1, { rounds: 3 }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('pairs the named conditions by seed, as the scenario names them or by stem, A then B', async () => {
    const r = await compare(path.join(dir, 'exp'), '--conditions', 'coaching off,coaching-on', '--json');
    assert.equal(r.result, 0, r.errors);
    const json = JSON.parse(r.out);
    assert.deepEqual(
      json.pairs.map((p: { seed: number }) => p.seed),
      [1, 2, 3],
    );
    // What the conditions set is their design, said once as such; not a warning that the runs differ.
    assert.ok(json.notes.includes('the conditions set coaching.enabled differently, by design'), json.notes.join('; '));
    assert.ok(!json.notes.some((n: string) => /scenario differs|settings differ/.test(n)), json.notes.join('; '));
    const { labels, sides } = conditionSides(path.join(dir, 'exp', 'traces'), ['coaching-off', 'coaching on']);
    assert.deepEqual(labels, ['coaching-off', 'coaching-on']);
    assert.ok(
      sides.every((s) => s.kind === 'runs' && s.files.length === 3 && s.files.every((f) => f.endsWith('.jsonl'))),
    );
  });

  it('says which conditions there are when it is not told, or told one it lacks', async () => {
    const three = await compare(path.join(dir, 'exp'));
    assert.equal(three.result, 1);
    assert.match(
      three.errors,
      /the experiment has 3 conditions: name two with --conditions A,B \(its conditions: coaching-later; coaching-off; coaching-on\)/,
    );
    const missing = await compare(path.join(dir, 'exp'), '--conditions', 'coaching-on,nudges');
    assert.equal(missing.result, 1);
    assert.match(missing.errors, /no condition 'nudges'/);
    const self = await compare(path.join(dir, 'exp'), '--conditions', 'coaching-on,coaching on');
    assert.match(self.errors, /compared with itself/);
    const bad = await compare(path.join(dir, 'exp'), '--conditions', 'coaching-on');
    assert.equal(bad.result, 2);
  });

  it("orders and names the conditions as the experiment's experiment.json lists them", () => {
    const exp = path.join(dir, 'named');
    fs.cpSync(path.join(dir, 'exp'), exp, { recursive: true });
    fs.writeFileSync(
      path.join(exp, 'experiment.json'),
      JSON.stringify({ conditions: [{ name: 'Coaching: later' }, { name: 'coaching on' }, { name: 'coaching off' }] }),
    );
    assert.throws(() => conditionSides(exp), /\(its conditions: Coaching: later; coaching on; coaching off\)/);
    const { labels } = conditionSides(exp, ['coaching off', 'Coaching: later']);
    assert.deepEqual(labels, ['coaching off', 'Coaching: later']);
    // What the editor's picker lists (issue 88): the names as written, in the scenario's order; the
    // stems only where the experiment does not name them.
    assert.deepEqual(conditionList(path.join(exp, 'traces')), [
      { stem: 'coaching-later', name: 'Coaching: later' },
      { stem: 'coaching-on', name: 'coaching on' },
      { stem: 'coaching-off', name: 'coaching off' },
    ]);
    assert.deepEqual(
      conditionList(path.join(dir, 'exp', 'traces')).map((c) => c.name),
      ['coaching-later', 'coaching-off', 'coaching-on'],
    );
  });

  it("points from an experiment given as a set of runs to --conditions (it 'held no trace.jsonl')", async () => {
    const r = await compare(path.join(dir, 'exp'), path.join(dir, 'exp', 'traces'));
    assert.equal(r.result, 1);
    assert.match(
      r.errors,
      /is an experiment: compare two of its conditions with `society compare .* --conditions A,B`/,
    );
  });

  it("a game's conditions: its declared state's outcomes as the experiment recorded them, no tie or reward rows", async () => {
    const out = path.join(dir, 'goods');
    const scenario = path.resolve(__dirname, '../../../examples/public-goods/public-goods.society');
    const ran = await quietly(() =>
      experimentCommand.run([scenario, '--out', out, '--seeds', '1-2', '--rounds', '2', '--quiet']),
    );
    assert.equal(ran.result, 0, ran.errors);
    const r = await compare(out, '--conditions', 'multiplier 1.6,multiplier 4', '--json');
    assert.equal(r.result, 0, r.errors);
    const outcomes = Object.keys(JSON.parse(r.out).outcomes);
    assert.ok(outcomes.includes('agents.coins.mean'), outcomes.join(', '));
    assert.ok(outcomes.includes('world.contributed.final'));
    for (const none of ['density', 'ties', 'louvain_communities', 'mean_reward', 'reward_support']) {
      assert.ok(!outcomes.includes(none), `${none} is not shown for a game without ties or rewards`);
    }
    const coins = JSON.parse(r.out).outcomes['agents.coins.mean'];
    assert.equal(coins.n, 2, 'paired over both seeds');
  });
  it("a game's conditions: each declared quantity's series over rounds, charted where it moves (issue 88)", async () => {
    // The traces alone (a condition's scenario is nowhere on disk): "No series moves over the
    // rounds" while contributions fell, because only the network's series were read from them.
    const out = path.join(dir, 'goods-series');
    const scenario = path.resolve(__dirname, '../../../examples/public-goods/public-goods.society');
    const ran = await quietly(() =>
      experimentCommand.run([scenario, '--out', out, '--seeds', '1-3', '--rounds', '6', '--quiet']),
    );
    assert.equal(ran.result, 0, ran.errors);
    const page = path.join(out, 'compared');
    const r = await compare(out, '--conditions', 'multiplier 1.6,multiplier 16', '--json', '--out', page);
    assert.equal(r.result, 0, r.errors);
    const series = JSON.parse(r.out).series;
    const given = series.metrics['world.contributed'];
    assert.ok(given, Object.keys(series.metrics).join(', '));
    const a = given.a.map((x: { mean: number }) => x.mean);
    assert.ok(Math.max(...a) > Math.min(...a), `A's contributions over rounds: ${a.join(', ')}`);
    assert.equal(given.a[1].n, 3, 'a mean over the three seeds');
    assert.ok(given.a[1].ci95, 'with its interval');
    const html = fs.readFileSync(path.join(page, 'compare.html'), 'utf8');
    assert.ok(!html.includes('No series moves'), 'the page says nothing moved');
    assert.match(html, /aria-label="world\.contributed over rounds"/);
    // A constant of the world (the multiplier within a condition) is in the files, not drawn.
    assert.ok(!/aria-label="world\.multiplier over rounds"/.test(html));
    // The experiment's own outcomes' series first (its metrics: given and coins, then contributed).
    const drawn = [...html.matchAll(/aria-label="([^"]*) over rounds"/g)]
      .map((m) => m[1])
      .filter((n) => !n.includes('B − A'));
    assert.deepEqual(drawn.slice(0, 4).sort(), [
      'agents.coins.gini',
      'agents.coins.mean',
      'agents.given.mean',
      'world.contributed',
    ]);
    // An effect size with its interval, and what it means for a rule-based model's seeds.
    const coins = JSON.parse(r.out).outcomes['agents.coins.mean'].difference;
    assert.equal(coins.hedges_g_ci95.length, 2);
    assert.match(html, /<th>Hedges' g \(95% CI\)<\/th>/);
    assert.match(html, /seed-to-seed variation of a rule-based model/);
    // In the world's words; an outcome the same in every run (a pot emptied at every close) set apart.
    assert.match(html, /<td>coins, mean per agent<br\/><code>agents\.coins\.mean<\/code><\/td>/);
    assert.ok(!html.includes('<td>rounds before pot first sat at its floor'), 'a constant row in the table');
    assert.match(
      html,
      /The same in every run of A and of B, so not in the table: .*<code>world\.pot\.survival<\/code>/,
    );
  });
});
