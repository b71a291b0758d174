// Several runs against several, paired by seed (issue 46: an intervention's effect as a paired
// contrast): coached against uncoached runs of the friends example over the same seeds.
import * as assert from 'node:assert/strict';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { digestEvents } from '../../../src/core/analysis/compare/runDigest';
import { comparePaired, type LabelledDigest } from '../../../src/core/experiment/paired/pairedRuns';
import { friendsRun } from './friendsRuns';

async function runs(seeds: number[], set: Record<string, unknown>, name: string): Promise<LabelledDigest[]> {
  return Promise.all(
    seeds.map(async (seed) => {
      const r = await friendsRun(seed, { rounds: 5, set });
      return { label: `${name}/seed-${seed}`, digest: digestEvents(r.header, r.events) };
    }),
  );
}

describe('comparePaired: runs paired by seed', function () {
  let a: LabelledDigest[], b: LabelledDigest[];
  before(async () => {
    a = await runs([1, 2, 3, 4, 9], { 'coaching.enabled': false }, 'uncoached');
    b = await runs([1, 2, 3, 4, 7], { 'coaching.enabled': true }, 'coached');
  });

  it('pairs by seed and names the runs left out', () => {
    const c = comparePaired({ label: 'uncoached', runs: a }, { label: 'coached', runs: b });
    assert.deepEqual(
      c.pairs.map((p) => p.seed),
      [1, 2, 3, 4],
    );
    assert.deepEqual(c.leftOut, [
      { side: 'B', seed: 7, label: 'coached/seed-7', why: 'unpaired' },
      { side: 'A', seed: 9, label: 'uncoached/seed-9', why: 'unpaired' },
    ]);
    assert.ok(
      c.notes.some((n) => /coaching\.enabled/.test(n)),
      c.notes.join('; '),
    );
  });

  it('gives each outcome’s mean difference B − A with the paired t-interval of the per-seed differences', () => {
    const c = comparePaired({ label: 'uncoached', runs: a }, { label: 'coached', runs: b });
    for (const name of ['density', 'reciprocity', 'mean_reward']) {
      const diffs = [0, 1, 2, 3].map((i) => b[i].digest.outcomes[name]! - a[i].digest.outcomes[name]!);
      const mean = diffs.reduce((x, y) => x + y, 0) / 4;
      const sd = Math.sqrt(diffs.reduce((x, d) => x + (d - mean) ** 2, 0) / 3);
      const half = (tQuantile(0.975, 3) * sd) / 2;
      const o = c.outcomes[name];
      assert.equal(o.n, 4);
      assert.equal(o.difference.test, 'paired t');
      assert.ok(Math.abs(o.difference.difference! - mean) < 1e-12, name);
      assert.ok(Math.abs(o.difference.ci95![0] - (mean - half)) < 1e-9, name);
      assert.ok(Math.abs(o.difference.ci95![1] - (mean + half)) < 1e-9, name);
      assert.ok(Math.abs(o.a.mean! - [0, 1, 2, 3].reduce((x, i) => x + a[i].digest.outcomes[name]!, 0) / 4) < 1e-12);
    }
  });

  it('gives the difference series round by round: the mean over pairs and its CI', () => {
    const c = comparePaired({ label: 'uncoached', runs: a }, { label: 'coached', runs: b });
    assert.deepEqual(c.series.rounds, [0, 1, 2, 3, 4, 5]);
    const d = c.series.metrics.density;
    for (const [i] of c.series.rounds.entries()) {
      const diffs = [0, 1, 2, 3].map(
        (k) => b[k].digest.series.metrics.density[i]! - a[k].digest.series.metrics.density[i]!,
      );
      assert.equal(d.difference[i].n, 4);
      assert.ok(Math.abs(d.difference[i].mean! - diffs.reduce((x, y) => x + y, 0) / 4) < 1e-12);
    }
    // The last round's mean difference is the final density's.
    assert.ok(Math.abs(d.difference.at(-1)!.mean! - c.outcomes.density.difference.difference!) < 1e-12);
    assert.deepEqual(d.difference[0].ci95, [0, 0], 'round 0: no tie yet in either');
  });

  it('leaves out a seed that appears twice in a set', () => {
    const c = comparePaired(
      { label: 'uncoached', runs: [...a, { ...a[0], label: 'again' }] },
      { label: 'coached', runs: b },
    );
    assert.deepEqual(
      c.pairs.map((p) => p.seed),
      [2, 3, 4],
    );
    assert.deepEqual(
      c.leftOut.filter((x) => x.why === 'seed repeated').map((x) => x.label),
      ['uncoached/seed-1', 'again'],
    );
  });
});
