// Claims a scenario declares (`experiment.claims`) are decided like the paper's coaching claims:
// the contrast of two conditions paired by seed and its 95% CI; a claim naming a condition or a
// metric the experiment lacks is untestable, never "does not hold". Without a tie in any run,
// the network-vs-random claims are left out (there is no network to compare).
import * as assert from 'node:assert/strict';
import { analyzeExperiment } from '../../../src/core/experiment/analyze';
import { formatExperiment, renderExperimentHtml } from '../../../src/core/experiment';
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
    // Said without a dangling separator where there is no evidence to follow it.
    const line = formatExperiment(r)
      .split('\n')
      .find((l) => l.includes('agents.catch.gini is higher'))!;
    assert.match(line, /not testable \(no run measured agents\.catch\.gini\)$/, line);
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
    assert.match(own, /<h2>The scenario's claims<\/h2>\n<p>The scenario's own \(<code>experiment.claims<\/code>\)/);
    assert.doesNotMatch(own, /seed paper/);
    const tied = runs.map((x) => ({ ...x, metrics: { ...x.metrics, ties: 3 } }));
    const both = renderExperimentHtml(analyzeExperiment('s', conditions, seeds, tied, { claims }), meta);
    assert.match(both, /<h2>The scenario's claims<\/h2>(.|\n)*<h2>The seed paper's claims<\/h2>/);
    assert.match(both, /apart from the other section's claims/);
    const paper = renderExperimentHtml(analyzeExperiment('s', conditions, seeds, tied), meta);
    assert.match(
      paper,
      /<h2>The seed paper's claims<\/h2>\n<p>From Schneider, Tian &amp; Rizoiu \(2025\), <cite>[^<]+<\/cite>, tested wherever the conditions and networks allow\. A claim holds/,
    );
  });
});

describe("Holm's correction by family (issue 41)", () => {
  const tied = runs.map((x) => ({
    ...x,
    metrics: { ...x.metrics, ties: 3, reciprocity: 0.5 + x.seed / 100 },
  }));
  const claims = [
    { metric: 'world.fish.survival', higher: 'on', than: 'off' },
    { metric: 'world.fish.survival', higher: 'off', than: 'on' },
  ];

  it("adjusts the scenario's claims among themselves, not with the automatic network claims", () => {
    const r = analyzeExperiment('s', conditions, seeds, tied, { claims });
    const own = r.claims.filter((c) => c.family === 'declared');
    const paper = r.claims.filter((c) => c.family === 'paper');
    assert.equal(own.length, 2);
    assert.ok(paper.length >= 6, `${paper.length} automatic claims`);
    // Two claims of one p each: Holm multiplies the smaller by 2 (m = 2), whatever the paper's claims are.
    const [a, b] = own;
    const smaller = Math.min(a.p!, b.p!);
    assert.equal(Math.min(a.p_holm!, b.p_holm!), Math.min(1, 2 * smaller));
    // The automatic claims form their own family: the smallest of theirs is multiplied by their count.
    const tested = paper.filter((c) => c.p !== null && c.p !== undefined);
    const least = Math.min(...tested.map((c) => c.p!));
    assert.equal(Math.min(...tested.map((c) => c.p_holm!)), Math.min(1, tested.length * least));
  });

  it('shows the two families apart, each with its own count, in the HTML and the terminal', () => {
    const r = analyzeExperiment('s', conditions, seeds, tied, { claims });
    const html = renderExperimentHtml(r, { model: 'offline', rounds: 3, wallSeconds: 1 });
    assert.match(html, /<h2>The scenario's claims<\/h2>/);
    assert.match(html, /<h2>The seed paper's claims<\/h2>/);
    assert.ok(html.indexOf("<h2>The scenario's claims</h2>") < html.indexOf("<h2>The seed paper's claims</h2>"));
    const text = formatExperiment(r);
    const own = text.indexOf("The scenario's claims (Holm across 2)");
    const paper = text.search(/The seed paper's claims \(Holm across \d+\)/);
    assert.ok(own >= 0 && paper > own, text);
  });

  it('never says "Holm across 0": when every difference is exactly zero, it says there is nothing to adjust', () => {
    const same = runs.map((x) => ({ ...x, metrics: { ...x.metrics, 'world.fish.survival': 7 } }));
    const r = analyzeExperiment('s', conditions, seeds, same, { claims });
    const text = formatExperiment(r);
    assert.doesNotMatch(text, /Holm across 0/);
    assert.match(text, /The scenario's claims \(no claim has a p-value: nothing for Holm to adjust\)/);
    const html = renderExperimentHtml(r, { model: 'offline', rounds: 3, wallSeconds: 1 });
    assert.doesNotMatch(html, /The 0 claims/);
    assert.match(html, /Holm's correction has nothing to adjust/);
  });
});
