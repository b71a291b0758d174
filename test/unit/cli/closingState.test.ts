// Issue 42 (3): `society run` ends a society of state with its state, not with the friend-making
// loop's table. A public goods game (no meet, evaluate or learn) printed "ties 0, communities 4,
// reward social 0.000 …" and nothing of its pot or its players' wealth.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const society = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });

const GOODS = `kind: scenario
name: Public goods
seed: 5
personas:
  - { id: p1, name: Abigail Chen }
  - { id: p2, name: Klaus Mueller }
  - { id: p3, name: Maria Lopez }
world: { rounds: 3 }
state:
  world:
    pot: { initial: 0, min: 0 }
    rounds_played: { initial: 0, integer: true, update: "world.rounds_played + 1.0" }
  agents:
    wealth: { initial: 10, min: 0 }
actions:
  give:
    description: Put some of your wealth in the pot.
    args:
      amount: { type: number, min: 1, max: 3 }
    when: "me.wealth >= 1.0"
    effects:
      me.wealth: "me.wealth - args.amount"
      world.pot: "world.pot + args.amount"
round:
  - phase: contribute
    actions: [give]
`;

describe('society run: the closing summary of a society of state', function () {
  it('prints the world and the agents’ means, and no tie or reward rows where none can be', () => {
    const dir = scratchDir('society-closing-state-');
    const file = path.join(dir, 'goods.society');
    fs.writeFileSync(file, GOODS);
    const r = society(['run', file, '--out', path.join(dir, 'out')]);
    assert.equal(r.status, 0, r.stderr);
    const trace = fs
      .readFileSync(path.join(dir, 'out', 'trace.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const last = JSON.parse(trace.filter((l) => l.includes('"type":"state"')).at(-1)!);
    assert.match(r.stdout, new RegExp(`world\\.pot\\s+${last.world.pot}\\n`));
    assert.match(r.stdout, /world\.rounds_played\s+3\n/);
    const mean = (Object.values(last.agents) as { wealth: number }[]).map((a) => a.wealth);
    assert.ok(mean.length === 3, 'the last state event names every player (each gave)');
    const wealth = Number(/mean wealth\s+([\d.]+)/.exec(r.stdout)?.[1]);
    assert.ok(Math.abs(wealth - mean.reduce((a, b) => a + b) / 3) < 0.01, r.stdout);
    assert.doesNotMatch(r.stdout, /\bties\b|communities|reciprocity|reward social/, r.stdout);
    // Over time: start, middle and end of each declared quantity, a sparkline; no density (no ties).
    assert.match(r.stdout, /over time \(start → round 1 → round 3\):/);
    assert.match(r.stdout, new RegExp(`world\\.pot\\s+0 → [\\d.]+ → ${last.world.pot}\\s+[▁-█]{4}\\n`));
    assert.match(r.stdout, /world\.rounds_played\s+0 → 1 → 3 /);
    assert.match(r.stdout, /mean wealth\s+10 → /);
    assert.doesNotMatch(r.stdout, /density/);
    const json = society(['run', file, '--out', path.join(dir, 'json'), '--json']);
    const parsed = JSON.parse(json.stdout);
    // `state`: the final outcomes under the names experiments give them (issue 45).
    assert.deepEqual(Object.keys(parsed.state), [
      'world.pot.final',
      'world.pot.survival',
      'world.rounds_played.final',
      'agents.wealth.mean',
      'agents.wealth.gini',
    ]);
    assert.equal(parsed.state['world.rounds_played.final'], 3);
    // `series`: every round, 0 the start, as the trace's state events say.
    assert.deepEqual(parsed.series.rounds, [0, 1, 2, 3]);
    assert.deepEqual(parsed.series.metrics['world.rounds_played'], [0, 1, 2, 3]);
    const states = fs
      .readFileSync(path.join(dir, 'json', 'trace.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .filter((l) => l.includes('"type":"state"'))
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      parsed.series.metrics['world.pot'],
      states.map((e) => e.world.pot),
    );
    assert.equal(parsed.series.metrics['agents.wealth.mean'].length, 4);
    // As the table: no tie or reward series in a world without ties or rewards (report's series.csv too).
    assert.equal(parsed.series.metrics.density, undefined);
    assert.equal(parsed.series.metrics.mean_reward, undefined);
    assert.equal(parsed.state['agents.wealth.gini'], parsed.series.metrics['agents.wealth.gini'][3]);
  });

  it('keeps the friend-making table for a society that forms ties', () => {
    const out = path.join(scratchDir('society-closing-friends-'), 'x');
    const r = society(['run', 'examples/friends/friends.society', '--rounds', '2', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /ties\s+\d+[\s\S]*communities[\s\S]*reward social/);
    assert.match(r.stdout, /over time \(start → round 1 → round 2\):\n\s+density\s+[\d.]+ → [\d.]+ → [\d.]+/);
  });
});
