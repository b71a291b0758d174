import * as assert from 'node:assert/strict';
import { analyzeExperiment, formatExperiment, renderExperimentHtml, type Claim } from '../../../src/core/experiment';
import { claimVerdict, holmVerdict } from '../../../src/core/experiment/claimVerdict';
import { runOutcome } from '../../../src/core/experiment/outcome';
import { outcome } from './fixtures';

const meta = { model: 'offline', rounds: 3, wallSeconds: 1 };
const byText = (claims: Claim[], text: string): Claim => claims.find((c) => c.text === text)!;

describe('experiment claims', () => {
  it('a claim without values is not testable, never "does not hold"', () => {
    const gone = { density: null, median_undirected_degree: null };
    const r = analyzeExperiment(
      'All removed',
      [
        { name: 'off', set: { 'coaching.enabled': false } },
        { name: 'on', set: { 'coaching.enabled': true } },
      ],
      [1, 2],
      [outcome('off', 1, gone), outcome('off', 2, gone), outcome('on', 1, gone), outcome('on', 2, gone)],
    );
    const degree = byText(r.claims, 'Coaching raises median degree');
    assert.equal(degree.holds, null);
    assert.equal(degree.confident, false);
    assert.match(degree.reason!, /undefined in every run of off and on/);
    assert.match(formatExperiment(r), /\? Coaching raises median degree: not testable \(/);
    assert.doesNotMatch(formatExperiment(r), /✘ Coaching/);
    const html = renderExperimentHtml(r, meta);
    assert.match(html, /<td class="untestable"><bdi>not testable \(median degree is undefined/);
    assert.doesNotMatch(html, /does not hold/);
    assert.equal(
      JSON.parse(JSON.stringify(r.claims)).find((c: { text: string }) => c.text === 'Coaching raises density').holds,
      null,
    );
  });

  it('compares only conditions that differ in coaching alone', () => {
    const conditions = [
      { name: 'off', set: { 'coaching.enabled': false } },
      { name: 'on+threshold', set: { coaching: { enabled: true }, 'ties.threshold': 0.05 } },
      { name: 'on', set: { 'coaching.enabled': true, 'coaching.weight': 2 } },
    ];
    const runs = [1, 2, 3].flatMap((s) => [
      outcome('off', s, { density: 0.1 + s / 100 }),
      outcome('on+threshold', s, { density: 0.9 + s / 100 }),
      outcome('on', s, { density: 0.05 + s / 100 }),
    ]);
    const density = byText(analyzeExperiment('x', conditions, [1, 2, 3], runs).claims, 'Coaching raises density');
    assert.match(density.evidence, /^on − off = -0\.050/, density.evidence);
    assert.equal(density.holds, false);
  });

  it('is not testable when every on/off pair also changes something else', () => {
    const conditions = [
      { name: 'off', set: { 'coaching.enabled': false } },
      { name: 'on', set: { 'coaching.enabled': true, 'ties.threshold': 0.05 } },
    ];
    const runs = [1, 2, 3].flatMap((s) => [
      outcome('off', s, { density: 0.1 + s / 100 }),
      outcome('on', s, { density: 0.9 + s / 100 }),
    ]);
    const r = analyzeExperiment('x', conditions, [1, 2, 3], runs);
    for (const text of ['Coaching raises density', 'Coaching raises median degree']) {
      const c = byText(r.claims, text);
      assert.equal(c.holds, null, text);
      assert.equal(c.reason, 'no two conditions differ only in coaching');
      assert.equal(c.evidence, 'on and off also differ in ties.threshold');
    }
  });

  it('says a single seed has no CI and calls a claim inconclusive unless its 95% CI excludes 0, whichever way the mean points', () => {
    const conditions = [
      { name: 'off', set: { 'coaching.enabled': false } },
      { name: 'on', set: { 'coaching.enabled': true } },
    ];
    const one = analyzeExperiment(
      'x',
      conditions,
      [1],
      [outcome('off', 1, { density: 0.1 }), outcome('on', 1, { density: 0.2 })],
    );
    const density = byText(one.claims, 'Coaching raises density');
    assert.equal(density.holds, true);
    assert.equal(claimVerdict(density).label, 'inconclusive (the mean points the claimed way; no CI with 1 seed)');
    const html = renderExperimentHtml(one, meta);
    assert.ok(
      html.includes(
        '<td class="inconclusive"><bdi>inconclusive (the mean points the claimed way; no CI with 1 seed)</bdi></td>',
      ),
    );
    assert.doesNotMatch(html, /CI includes 0/);
    assert.match(
      formatExperiment(one),
      /~ Coaching raises density: inconclusive \(the mean points the claimed way; no CI with 1 seed\); /,
    );

    const lower = analyzeExperiment(
      'x',
      conditions,
      [1],
      [outcome('off', 1, { density: 0.2 }), outcome('on', 1, { density: 0.1 })],
    );
    assert.equal(
      claimVerdict(byText(lower.claims, 'Coaching raises density')).label,
      'inconclusive (the mean points the other way; no CI with 1 seed)',
    );

    const noisy = analyzeExperiment(
      'x',
      conditions,
      [1, 2],
      [
        outcome('off', 1, { density: 0.1 }),
        outcome('off', 2, { density: 0.3 }),
        outcome('on', 1, { density: 0.15 }),
        outcome('on', 2, { density: 0.3 }),
      ],
    );
    const html2 = renderExperimentHtml(noisy, meta);
    assert.ok(
      html2.includes(
        '<td class="inconclusive"><bdi>inconclusive (the mean points the claimed way; 95% CI includes 0)</bdi></td>',
      ),
    );
    assert.match(html2, /\.inconclusive \{/);
    assert.doesNotMatch(html2, />holds \(mean/);

    // Lower on average but with a CI that includes 0: not "does not hold" (it was, while a higher
    // mean with the same spread read as "holds").
    const noisyLower = analyzeExperiment(
      'x',
      conditions,
      [1, 2],
      [
        outcome('off', 1, { density: 0.15 }),
        outcome('off', 2, { density: 0.3 }),
        outcome('on', 1, { density: 0.1 }),
        outcome('on', 2, { density: 0.3 }),
      ],
    );
    const v = claimVerdict(byText(noisyLower.claims, 'Coaching raises density'));
    assert.deepEqual([v.kind, v.mark], ['inconclusive', '~']);
    assert.match(
      formatExperiment(noisyLower),
      /~ Coaching raises density: inconclusive \(the mean points the other way; 95% CI includes 0\); /,
    );
  });

  it('says a claim does not hold only when its 95% CI excludes 0 the other way', () => {
    const conditions = [
      { name: 'off', set: { 'coaching.enabled': false } },
      { name: 'on', set: { 'coaching.enabled': true } },
    ];
    const runs = [1, 2, 3, 4].flatMap((s) => [
      outcome('off', s, { density: 0.3 + s / 1000 }),
      outcome('on', s, { density: 0.1 + (s * s) / 1000 }),
    ]);
    const density = byText(analyzeExperiment('x', conditions, [1, 2, 3, 4], runs).claims, 'Coaching raises density');
    assert.deepEqual([density.holds, density.confident, density.contradicted], [false, false, true]);
    const v = claimVerdict(density);
    assert.deepEqual([v.kind, v.mark, v.label], ['fails', '✘', 'does not hold (95% CI excludes 0 the other way)']);
  });

  it('decides a claim no run varied on by an exact test, not by its zero-width interval', () => {
    // An integer median degree is often the same in every run of a condition: the interval is then
    // [d, d], which "excluded 0" and made two seeds a confirmed finding. Runs share seeds, so the
    // exact test is a sign test of the paired differences (p = 0.5^pairs).
    const conditions = [
      { name: 'off', set: { 'coaching.enabled': false } },
      { name: 'on', set: { 'coaching.enabled': true } },
    ];
    const flat = (seeds: number[], off: number, on: number) =>
      analyzeExperiment(
        'x',
        conditions,
        seeds,
        seeds.flatMap((s) => [
          outcome('off', s, { median_undirected_degree: off, density: 0.1 + s / 100 }),
          outcome('on', s, { median_undirected_degree: on, density: 0.1 + s / 50 }),
        ]),
      );

    const two = byText(flat([1, 2], 1, 2).claims, 'Coaching raises median degree');
    assert.deepEqual([two.holds, two.confident, two.contradicted], [true, false, false]);
    assert.deepEqual(two.exact, { test: 'sign', p: 1 / 4 });
    assert.equal(
      claimVerdict(two).label,
      'inconclusive (the mean points the claimed way; no run varied; exact sign test p = 0.25 > 0.025: too few seeds)',
    );
    assert.match(two.evidence, /^on − off = 1\.000 \(the same in all 2 seeds; paired by seed, 2 pairs\), Hedges' g —$/);

    const six = flat([1, 2, 3, 4, 5, 6], 1, 2);
    const degree = byText(six.claims, 'Coaching raises median degree');
    assert.equal(claimVerdict(degree).label, 'holds (no run varied; exact sign test p = 0.016)');
    assert.match(
      formatExperiment(six),
      /✔ Coaching raises median degree: on − off = 1\.000 \(the same in all 6 seeds; paired by seed, 6 pairs\)/,
    );
    assert.ok(
      renderExperimentHtml(six, meta).includes(
        '<td class="holds"><bdi>holds (no run varied; exact sign test p = 0.016)</bdi></td>',
      ),
    );
    // The other claim varied: its t-interval decides, and it carries no exact test.
    assert.equal(byText(six.claims, 'Coaching raises density').exact, undefined);

    const fewer = byText(flat([1, 2, 3, 4, 5, 6], 2, 1).claims, 'Coaching raises median degree');
    assert.deepEqual([fewer.holds, fewer.confident, fewer.contradicted], [false, false, true]);
    assert.equal(claimVerdict(fewer).label, 'does not hold (no run varied; exact sign test p = 0.016, the other way)');

    // Unpaired (a seed missing from one condition), neither condition varying: a permutation test.
    const unpaired = analyzeExperiment(
      'x',
      conditions,
      [1, 2, 3, 4, 5, 6],
      [
        ...[1, 2, 3, 4, 5].map((s) => outcome('off', s, { median_undirected_degree: 1 })),
        ...[2, 3, 4, 5, 6].map((s) => outcome('on', s, { median_undirected_degree: 2 })),
      ],
    );
    assert.equal(
      claimVerdict(byText(unpaired.claims, 'Coaching raises median degree')).label,
      'holds (no run varied; exact permutation test p = 0.0040)',
    );

    // No difference at all stays with the interval: [0, 0] includes 0.
    const same = byText(flat([1, 2, 3], 2, 2).claims, 'Coaching raises median degree');
    assert.equal(same.exact, undefined);
    // …and points neither way (QA: an excess of exactly 0 read "the mean points the other way").
    assert.equal(claimVerdict(same).label, 'inconclusive (no difference; 95% CI includes 0)');
    assert.equal(same.noDifference, true);
    assert.equal(degree.noDifference, undefined);
  });

  it('decides a baseline claim whose excess is the same in every run by a sign test', () => {
    const conditions = [{ name: 'base', set: {} }];
    const excess = (seeds: number[]) =>
      analyzeExperiment(
        'x',
        conditions,
        seeds,
        seeds.map((s) => outcome('base', s, { reciprocity: 0.5 })),
      ); // the fixture's baseline reciprocity is 0.1 in every run
    const claim = (seeds: number[]) => excess(seeds).claims.find((c) => c.text.startsWith('Reciprocity exceeds'))!;
    assert.equal(
      claimVerdict(claim([1, 2, 3, 4, 5])).label,
      'inconclusive (the mean points the claimed way; no run varied; exact sign test p = 0.031 > 0.025: too few seeds)',
    );
    assert.equal(claimVerdict(claim([1, 2, 3, 4, 5, 6])).label, 'holds (no run varied; exact sign test p = 0.016)');
    assert.match(claim([1, 2, 3, 4, 5, 6]).evidence, /excess 0\.400 \(the same in all 6 runs\)$/);
  });
});

describe('experiment outcomes', () => {
  it('leave density undefined when fewer than two agents remain, so an empty network is not averaged in as 0', () => {
    const usage = { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 };
    const rewardMeans = { social: 0, information: 0, presentation: 0, coordination: 0, support: 0 };
    const empty = runOutcome(
      'off',
      1,
      { agents: [], ties: [], threshold: 0.2, rewardMeans, rewardTotal: 0, rounds: [], usage },
      1,
    );
    assert.equal(empty.metrics.density, null);
    const two = runOutcome(
      'off',
      1,
      {
        agents: [{ id: 'a' }, { id: 'b' }],
        ties: [['a', 'b', 0.9]],
        threshold: 0.2,
        rewardMeans,
        rewardTotal: 0,
        rounds: [],
        usage,
      },
      1,
    );
    assert.equal(two.metrics.density, 0.5);
  });
});

describe("Holm's correction across an experiment's claims", () => {
  it('keeps a raw verdict only where the Holm-adjusted p stays at or below 0.05, and shows both', () => {
    const conditions = [
      { name: 'off', set: { 'coaching.enabled': false } },
      { name: 'on', set: { 'coaching.enabled': true } },
    ];
    const diffs = [0.004, 0.012, 0.02, 0.001, 0.013];
    const seeds = [1, 2, 3, 4, 5];
    const r = analyzeExperiment(
      'x',
      conditions,
      seeds,
      seeds.flatMap((s, i) => [
        outcome('off', s, { density: 0.1 + s / 100, median_undirected_degree: 1 + s, reciprocity: 0.5 + s / 100 }),
        outcome('on', s, {
          density: 0.1 + s / 100 + diffs[i],
          median_undirected_degree: 1 + s + (i % 2 ? 0.5 : -0.5),
          reciprocity: 0.5 + s / 50,
        }),
      ]),
    );
    const density = byText(r.claims, 'Coaching raises density');
    assert.equal(density.test, 'paired t');
    assert.ok(density.p! > 0.01 && density.p! < 0.05, `raw p ${density.p}`);
    assert.equal(claimVerdict(density).kind, 'holds');
    assert.ok(density.p_holm! > 0.05 && density.p_holm! >= density.p!, `Holm p ${density.p_holm}`);
    assert.equal(holmVerdict(density).kind, 'inconclusive');
    assert.match(holmVerdict(density).label, /^inconclusive \(Holm p = 0\.\d+ > 0\.05\)$/);
    // A claim decided far below the level survives the correction.
    const reciprocity = byText(r.claims, 'Reciprocity exceeds a density-matched random graph (on)');
    assert.equal(holmVerdict(reciprocity).kind, 'holds', `${reciprocity.p} → ${reciprocity.p_holm}`);
    const html = renderExperimentHtml(r, meta);
    assert.ok(html.includes('<th>Holm-adjusted verdict</th>'));
    assert.ok(
      html.includes(`<td class="inconclusive"><bdi>${holmVerdict(density).label.replace('>', '&gt;')}</bdi></td>`),
    );
    assert.match(formatExperiment(r), /Coaching raises density: .*\[after Holm: inconclusive \(Holm p = /);
  });
});
