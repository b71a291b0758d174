// A contrast of contrasts between four conditions of one experiment, paired by seed (issue 84: an
// assistant typed a t quantile in by hand to ask whether the talk effect differs between group
// sizes): `society compare <exp> --conditions A,B --minus C,D` and society_compare's `minus`, checked
// against a hand computation of (B − A) − (D − C) and its paired t-interval.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareCommand } from '../../../src/cli/commands/compare';
import { experimentContrast } from '../../../src/core/study/experimentContrast';
import { conditionFileStem } from '../../../src/core/format';
import { quietly } from '../../support/quietly';
import { scratchDir } from '../../support/scratch';
import { withMcpClient } from '../../support/mcpSession';

const NAMES = ['silent, groups of 4', 'talk, groups of 4', 'silent, groups of 8', 'talk, groups of 8'];
// given.mean per condition (in NAMES' order) and seed; one outcome varies seed to seed, one does not.
const GIVEN: Record<number, number[]> = {
  1: [10, 30, 9, 20],
  2: [12, 31, 10, 25],
  3: [8, 29, 11, 22],
  4: [11, 33, 8, 21],
};

function experiment(): string {
  const dir = scratchDir('contrast-');
  fs.mkdirSync(path.join(dir, 'traces'));
  const runs = [];
  for (const [seed, values] of Object.entries(GIVEN)) {
    for (const [i, name] of NAMES.entries()) {
      fs.writeFileSync(path.join(dir, 'traces', `${conditionFileStem(name)}-seed${seed}.jsonl`), '{}\n');
      runs.push({
        condition: name,
        seed: Number(seed),
        metrics: { 'agents.given.mean': values[i], flat: i === 3 ? 2 : 1 },
      });
    }
  }
  fs.writeFileSync(
    path.join(dir, 'experiment.json'),
    JSON.stringify({ conditions: NAMES.map((name) => ({ name })), metrics: ['agents.given.mean', 'flat'], runs }),
  );
  return dir;
}

describe('a contrast of contrasts between conditions of one experiment', () => {
  it('is (B − A) − (D − C) per seed with its paired 95% t-interval, as computed by hand', () => {
    const x = experimentContrast(experiment(), 'silent, groups of 8,talk, groups of 8', [NAMES[0], NAMES[1]]);
    assert.equal(
      x.definition,
      "(talk, groups of 8 − silent, groups of 8) − (talk, groups of 4 − silent, groups of 4), each seed's runs paired",
    );
    // Per seed: (20−9)−(30−10) = −9; (25−10)−(31−12) = −4; (22−11)−(29−8) = −10; (21−8)−(33−11) = −9.
    const d = [-9, -4, -10, -9];
    const m = d.reduce((a, b) => a + b) / 4;
    const sd = Math.sqrt(d.reduce((a, x) => a + (x - m) ** 2, 0) / 3);
    const half = 3.182446305284263 * (sd / 2); // t(0.975, 3) · sd/√4
    const given = x.rows.find((r) => r.outcome === 'agents.given.mean')!;
    assert.equal(given.seeds, 4);
    assert.equal(given.test, 'paired t');
    assert.ok(Math.abs(given.effect! - m) < 1e-12);
    assert.ok(
      Math.abs(given.ci![0] - (m - half)) < 1e-6 && Math.abs(given.ci![1] - (m + half)) < 1e-6,
      String(given.ci),
    );
    // Every seed gives the same contrast: a sign test, said as such, not a zero-width t-interval.
    const flat = x.rows.find((r) => r.outcome === 'flat')!;
    assert.equal(flat.test, 'sign test');
    assert.equal(flat.effect, 1);
  });

  it('refuses a pair it lacks or the same pair twice, naming the conditions', async () => {
    const dir = experiment();
    const r = await quietly(() =>
      compareCommand.run([dir, '--conditions', `${NAMES[0]},${NAMES[1]}`, '--minus', `${NAMES[0]},groups of 9`]),
    );
    assert.equal(r.result, 1);
    assert.match(r.errors, /its conditions: silent, groups of 4; talk, groups of 4/);
    const same = await quietly(() =>
      compareCommand.run([dir, '--conditions', `${NAMES[0]},${NAMES[1]}`, '--minus', `${NAMES[1]},${NAMES[0]}`]),
    );
    assert.equal(same.result, 1);
    assert.match(same.errors, /same two conditions/);
    const alone = await quietly(() => compareCommand.run([dir, '--minus', `${NAMES[0]},${NAMES[1]}`]));
    assert.equal(alone.result, 2);
  });

  it('is what society_compare answers with `minus`', async () => {
    const dir = experiment();
    await withMcpClient(path.dirname(dir), async (client) => {
      const r = await client.callTool({
        name: 'society_compare',
        arguments: { a: path.basename(dir), conditions: [NAMES[2], NAMES[3]], minus: [NAMES[0], NAMES[1]] },
      });
      const text = (r.content as { text: string }[])[0].text;
      assert.ok(!r.isError, text);
      const given = JSON.parse(text).untrusted_data.summary.contrast.rows.find(
        (row: { outcome: string }) => row.outcome === 'agents.given.mean',
      );
      assert.equal(given.effect, -8);
    });
  });
});
