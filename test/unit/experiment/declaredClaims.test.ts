// Claims a scenario declares (`experiment.claims`) are decided like the paper's coaching claims:
// the contrast of two conditions paired by seed and its 95% CI; a claim naming a condition or a
// metric the experiment lacks is untestable, never "does not hold". Without a tie in any run,
// the network-vs-random claims are left out (there is no network to compare).
import * as assert from 'node:assert/strict';
import { analyzeExperiment } from '../../../src/core/experiment/analyze';
import { renderExperimentHtml } from '../../../src/core/experiment';
import { outcome } from './fixtures';

const conditions = [
  { name: 'off', set: {} },
  { name: 'on', set: {} },
];
const seeds = [1, 2, 3, 4, 5];
const runs = seeds.flatMap((s) => [
  outcome('off', s, { 'world.fish.survival': 5 + (s % 3), ties: 0 }),
  outcome('on', s, { 'world.fish.survival': 20 + s, ties: 0 }),
]);

describe('declared experiment claims', () => {
  it('decides "higher in A than in B" by the paired contrast, and states it as written', () => {
    const r = analyzeExperiment('s', conditions, seeds, runs, {
      claims: [
        { metric: 'world.fish.survival', higher: 'on', than: 'off', text: 'Fines make the lake last longer' },
        { metric: 'world.fish.survival', higher: 'off', than: 'on' },
      ],
    });
    const [yes, no] = r.claims;
    assert.equal(yes.text, 'Fines make the lake last longer');
    assert.equal(yes.holds, true);
    assert.equal(yes.confident, true);
    assert.equal(yes.test, 'paired t');
    assert.match(yes.evidence, /^on − off = 16\.800 \(95% CI [\d.]+ … [\d.]+; paired by seed, 5 pairs\)/);
    assert.equal(no.text, 'world.fish.survival is higher in off than in on');
    assert.equal(no.holds, false);
    assert.equal(no.contradicted, true);
    assert.ok(yes.p_holm !== undefined && yes.p_holm !== null && yes.p_holm >= yes.p!);
  });

  it('leaves a claim on an unknown condition or an unmeasured metric untestable', () => {
    const r = analyzeExperiment('s', conditions, seeds, runs, {
      claims: [
        { metric: 'world.fish.survival', higher: 'onn', than: 'off' },
        { metric: 'agents.catch.gini', higher: 'on', than: 'off' },
      ],
    });
    assert.deepEqual(
      r.claims.map((c) => c.holds),
      [null, null],
    );
    assert.match(r.claims[0].reason!, /^no condition named \W?onn\W?$/);
    assert.equal(r.claims[1].reason, 'no run measured agents.catch.gini');
  });

  it('leaves out the network-vs-random claims when no run has a tie, keeps them when one has', () => {
    const without = analyzeExperiment('s', conditions, seeds, runs);
    assert.ok(!without.claims.some((c) => /random graph/.test(c.text)));
    const tied = runs.map((x, i) => (i === 0 ? { ...x, metrics: { ...x.metrics, ties: 3 } } : x));
    const withTies = analyzeExperiment('s', conditions, seeds, tied);
    assert.ok(withTies.claims.some((c) => /random graph/.test(c.text)));
  });

  it("heads the report's claims by whose they are", () => {
    const meta = { model: 'offline', rounds: 3, wallSeconds: 1 };
    const claims = [{ metric: 'world.fish.survival', higher: 'on', than: 'off' }];
    const own = renderExperimentHtml(analyzeExperiment('s', conditions, seeds, runs, { claims }), meta);
    assert.match(own, /<h2>Claims<\/h2>\n<p>The scenario's own claims \(<code>experiment.claims<\/code>\)/);
    const tied = runs.map((x) => ({ ...x, metrics: { ...x.metrics, ties: 3 } }));
    const both = renderExperimentHtml(analyzeExperiment('s', conditions, seeds, tied, { claims }), meta);
    assert.match(
      both,
      /<p>The first is the scenario's own \(<code>experiment.claims<\/code>\).*; the rest are the seed paper's/,
    );
    const paper = renderExperimentHtml(analyzeExperiment('s', conditions, seeds, tied), meta);
    assert.match(
      paper,
      /<h2>The seed paper's claims<\/h2>\n<p>From Schneider, Tian &amp; Rizoiu \(2025\), <cite>[^<]+<\/cite>\. A claim holds/,
    );
  });
});
