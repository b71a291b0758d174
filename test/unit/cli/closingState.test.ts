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
  this.timeout(120_000);

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
    const json = society(['run', file, '--out', path.join(dir, 'json'), '--json']);
    const parsed = JSON.parse(json.stdout);
    assert.deepEqual(Object.keys(parsed.state).sort(), ['agent_means', 'world']);
    assert.equal(parsed.state.world.rounds_played, 3);
  });

  it('keeps the friend-making table for a society that forms ties', () => {
    const out = path.join(scratchDir('society-closing-friends-'), 'x');
    const r = society(['run', 'examples/friends/friends.society', '--rounds', '2', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /ties\s+\d+[\s\S]*communities[\s\S]*reward social/);
  });
});
