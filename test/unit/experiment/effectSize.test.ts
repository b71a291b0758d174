// Issue 88: an effect size with its interval, what it means for runs of a model, and outcomes in the
// world's own words.
import * as assert from 'node:assert/strict';
import { contrast, hedgesInterval, seedContrast } from '../../../src/core/experiment/statistics';
import { effectSizeNote, ruleBasedMadeBy, ruleBasedModels } from '../../../src/core/experiment/effectSizeNote';
import { outcomeLabel } from '../../../src/core/analysis/report/outcomeLabel';

describe('effect sizes and outcome labels (issue 88)', () => {
  it("gives Hedges' g a 95% interval by Hedges & Olkin's normal approximation", () => {
    // var(g) = (na + nb)/(na·nb) + g²/(2(na + nb)) = 0.2 + 0.025 at g = 1, na = nb = 10.
    const [lo, hi] = hedgesInterval(1, 10, 10)!;
    const half = 1.959963984540054 * Math.sqrt(0.225);
    assert.ok(Math.abs(lo - (1 - half)) < 1e-12 && Math.abs(hi - (1 + half)) < 1e-12, `${lo} … ${hi}`);
    assert.equal(hedgesInterval(null, 10, 10), null);
    assert.equal(hedgesInterval(1, 1, 10), null);
    // Both tests carry it: Welch's, and the paired one (g is the same standardized difference).
    const welch = contrast([1, 2, 3, 4], [3, 4, 5, 7]);
    assert.deepEqual(welch.hedges_g_ci95, hedgesInterval(welch.hedges_g, 4, 4));
    const paired = seedContrast(
      new Map([
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
      ]),
      new Map([
        [1, 3],
        [2, 4],
        [3, 5],
        [4, 7],
      ]),
    );
    assert.equal(paired.test, 'paired t');
    assert.deepEqual(paired.hedges_g_ci95, welch.hedges_g_ci95);
  });

  it('says what g means for a rule-based model and for a language model', () => {
    assert.match(effectSizeNote(true), /seed-to-seed variation of a rule-based model/);
    assert.match(effectSizeNote(true), /not comparable to effect sizes from studies of people/);
    assert.doesNotMatch(effectSizeNote(false), /rule-based/);
    const offline = { default: { name: 'default', provider: 'offline' } };
    const llm = { default: { name: 'default', provider: 'openai', model: 'gpt-4o-mini' } };
    assert.equal(ruleBasedModels([offline, offline] as never), true);
    assert.equal(ruleBasedModels([offline, llm] as never), false);
    assert.equal(ruleBasedMadeBy([{ made_by: { models: 'default: offline (default model) (default URL)' } }]), true);
    assert.equal(
      ruleBasedMadeBy([
        { made_by: { models: 'coach: offline (default model) (default URL); default: openai gpt-4o x' } },
      ]),
      false,
    );
  });

  it("names outcomes in the world's words, keys it does not know as themselves", () => {
    assert.equal(outcomeLabel('world.contributed'), 'contributed');
    assert.equal(outcomeLabel('world.contributed.final'), 'contributed at the end');
    assert.equal(outcomeLabel('world.pot.survival'), 'rounds before pot first sat at its floor');
    assert.equal(outcomeLabel('agents.coins.mean'), 'coins, mean per agent');
    assert.equal(outcomeLabel('agents.coins.gini'), 'inequality of coins (Gini)');
    assert.equal(outcomeLabel('world.contributed.at.r20'), 'contributed after round 20');
    assert.equal(outcomeLabel('agents.given.mean.at.r0'), 'given, mean per agent at the start');
    assert.equal(outcomeLabel('density'), 'density');
    assert.equal(outcomeLabel('knowledge.party.share'), 'knowledge.party.share');
  });
});
