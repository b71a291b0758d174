import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { explainCommand } from '../../../src/cli/commands/explain';
import { example } from '../engine/traceHelpers';
import { runToText } from '../../support/runToText';
import { quietly } from '../../support/quietly';
import { scratchDir } from '../../support/scratch';
import { replay } from '../../../src/core/replay/replay';
import { readTrace } from '../../../src/core/trace/reader';
import type { Explanation } from '../../../src/core/analysis/explain/explainTypes';

const explain = (args: string[]) => quietly(() => explainCommand.run(args));

describe('society explain', function () {
  let friends: string, commons: string;
  before(async () => {
    friends = scratchDir('society-explain-friends-');
    fs.writeFileSync(
      path.join(friends, 'trace.jsonl'),
      (await runToText(await example('friends/friends.society'), { rounds: 6 })).trace,
    );
    commons = path.join(scratchDir('society-explain-commons-'), 'run.jsonl');
    fs.writeFileSync(commons, (await runToText(await example('commons/commons.society'), { rounds: 4 })).trace);
  });

  it('prints the moves of a tie, round by round, with delta, value and trace line, from a run folder', async () => {
    const r = await explain([friends, 'maya', 'nina']);
    assert.equal(r.result, 0, r.errors);
    assert.match(
      r.out,
      /^Why Maya Chen \(maya_chen\) → Nina Petrova \(nina_petrova\) is (\d\.\d{3}) at the end of round 6:/,
    );
    assert.match(r.out, /^round {3}delta {2}value {2}line {2}what$/m);
    assert.match(
      r.out,
      /^ {4}1 {2}\+0\.\d{3} {2}0\.\d{3} +\d+ {2}Maya Chen rated a conversation with Nina Petrova: 0\.000 → /m,
    );
    assert.match(r.out, /^ +\d+ {4}encounter: Maya Chen met Nina Petrova \(\w+\)$/m);
    const value = /is (\d\.\d{3}) at the end/.exec(r.out)![1];
    assert.match(
      r.out,
      new RegExp(`the changes add up to ${value.replace('.', '\\.')}, its value ${value.replace('.', '\\.')}\\.\\n$`),
    );
  });

  it('--json gives the moves, whose deltas add up to the tie at --round N, for both directions with --both', async () => {
    const file = path.join(friends, 'trace.jsonl');
    const r = await explain([file, 'maya_chen', 'nina_petrova', '--both', '--round', '3', '--json']);
    assert.equal(r.result, 0, r.errors);
    const x = JSON.parse(r.out) as Explanation & { trace: string };
    assert.equal(x.trace, file);
    assert.equal(x.round, 3);
    const read = readTrace(fs.readFileSync(file, 'utf8'));
    const ties = replay(read.header!, read.events, 3).ties;
    for (const [from, to] of [
      ['maya_chen', 'nina_petrova'],
      ['nina_petrova', 'maya_chen'],
    ]) {
      const moves = x.rounds.flatMap((round) => round.moves).filter((m) => m.tie === `${from}→${to}`);
      assert.ok(moves.every((m) => m.round <= 3 && m.line > 1));
      assert.ok(Math.abs(moves.reduce((a, m) => a + m.delta, 0) - ties.get(from, to)) < 1e-9);
    }
  });

  it("explains an agent's quantity and the world's", async () => {
    const agent = await explain([commons, 'ana.catch']);
    assert.equal(agent.result, 0, agent.errors);
    assert.match(agent.out, /^Why Ana \S+'s catch \(f\d+\.catch\) is \d/);
    assert.match(agent.out, /starts at/);
    const world = await explain([commons, 'world.fish', '--json']);
    assert.equal(world.result, 0, world.errors);
    const x = JSON.parse(world.out) as Explanation;
    const moves = x.rounds.flatMap((round) => round.moves);
    assert.ok(Math.abs(moves.reduce((a, m) => a + m.delta, 0) - x.values['world.fish']) < 1e-9);
    assert.ok(moves.some((m) => m.cause === 'action') && moves.some((m) => m.cause === 'update'));
  });

  it('names an unknown agent or quantity in one sentence with a suggestion, exit 2', async () => {
    const r = await explain([friends, 'mya', 'nina']);
    assert.equal(r.result, 2);
    assert.equal(r.errors, "society explain: No agent 'mya' in this run; did you mean maya_chen (Maya Chen)?\n");
    const q = await explain([commons, 'world.fsh']);
    assert.equal(q.result, 2);
    assert.match(q.errors, /No world quantity 'fsh' in this run; did you mean fish\?/);
  });

  it('says what is missing or wrong in its arguments (exit 2) and what cannot be read (exit 1)', async () => {
    assert.equal((await explain([friends])).result, 2);
    assert.equal((await explain([friends, 'maya', 'nina', '--round', 'x'])).result, 2);
    assert.equal((await explain([friends, 'maya'])).result, 2);
    const damaged = path.join(friends, 'damaged.jsonl');
    const lines = fs.readFileSync(path.join(friends, 'trace.jsonl'), 'utf8').split('\n');
    fs.writeFileSync(damaged, [...lines.slice(0, 40), '{not json', ...lines.slice(40)].join('\n'));
    const partly = await explain([damaged, 'maya', 'nina']);
    assert.equal(partly.result, 0);
    assert.match(
      partly.errors,
      /^society explain: note: 1 line of .*damaged\.jsonl could not be read and is left out\n$/,
    );
    const missing = await explain([path.join(friends, 'nope.jsonl'), 'maya', 'nina']);
    assert.equal(missing.result, 1);
    assert.match(missing.errors, /^society explain: /);
  });
});
