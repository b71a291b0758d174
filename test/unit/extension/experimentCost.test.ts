// The cost limit for Run Experiment: the estimate of the whole experiment is every condition's own
// scenario estimated, times the seeds, summed — and the limit is checked once against that sum.
import * as assert from 'node:assert/strict';
import { withOverrides } from '../../../src/core/experiment/overrides';
import type { Scenario } from '../../../src/core/format/model/model';
import { estimateRun } from '../../../src/core/llm/estimate';
import { estimateExperiment, experimentCostReason } from '../../../src/core/experiment/experimentCost';
import { applyRunSettings } from '../../../src/extension/run/runSettings';
import { modelConfig, scenario } from '../../support/llmFixtures';

const PRICED = { default: modelConfig('default', { price: { input: 2.5, output: 10 } }) };

/** Two conditions that differ in size (coaching off / on, more turns) over three seeds. */
function withExperiment(models: Parameters<typeof scenario>[0] = PRICED): Scenario {
  return scenario(models, {
    experiment: {
      seeds: [1, 2, 3],
      conditions: [
        { name: 'uncoached', set: { coaching: { enabled: false } } },
        { name: 'coached, long talks', set: { 'coaching.enabled': true, 'world.conversation.turns': 8 } },
      ],
    },
  });
}

describe('experiment cost', () => {
  it("sums each condition's own estimate times the seeds", () => {
    const s = withExperiment();
    const e = estimateExperiment(s);
    assert.deepEqual([e.conditions, e.seeds, e.runs], [2, 3, 6]);
    const per = s.experiment!.conditions.map((c) => estimateRun(withOverrides(s, c.set)).total);
    assert.ok(per[0].cost_usd < per[1].cost_usd, 'the conditions differ in size, so each is estimated on its own');
    assert.equal(e.total.total.calls, 3 * (per[0].calls + per[1].calls));
    assert.equal(e.total.total.input_tokens, 3 * (per[0].input_tokens + per[1].input_tokens));
    assert.equal(e.total.total.output_tokens, 3 * (per[0].output_tokens + per[1].output_tokens));
    assert.ok(Math.abs(e.total.total.cost_usd - 3 * (per[0].cost_usd + per[1].cost_usd)) < 1e-9);
    const [model] = e.total.models;
    assert.equal(model.name, 'default');
    assert.equal(model.calls, e.total.total.calls, 'one model: its sum is the total');
    assert.equal(
      Object.values(model.by_kind).reduce((a, k) => a + k.calls, 0),
      model.calls,
    );
    assert.equal(
      model.by_kind.advise?.calls,
      3 * (estimateRun(withOverrides(s, s.experiment!.conditions[1].set)).models[0].by_kind.advise?.calls ?? 0),
      'only the coached condition asks for advice',
    );
  });

  it('estimates each condition at its own rounds (as runExperiment runs it) unless told otherwise', () => {
    const s = withExperiment();
    s.experiment!.conditions[0].set = { 'world.rounds': 50 };
    const e = estimateExperiment(s);
    assert.equal(e.total.rounds, 50, 'the longest condition');
    assert.equal(
      e.total.total.calls,
      3 * s.experiment!.conditions.reduce((a, c) => a + estimateRun(withOverrides(s, c.set)).total.calls, 0),
    );
    const atBase = s.experiment!.conditions.reduce(
      (a, c) => a + estimateRun(withOverrides(s, c.set), { rounds: s.world.rounds }).total.calls,
      0,
    );
    assert.ok(e.total.total.calls > 3 * atBase, 'a condition of 50 rounds is not costed at the base 5');
    assert.ok(estimateExperiment(s, { rounds: 1 }).total.total.calls < e.total.total.calls);
    assert.equal(estimateExperiment(s, { seeds: [9] }).runs, 2);
  });

  it('is one condition × the default five seeds without an experiment block', () => {
    const s = scenario(PRICED);
    const e = estimateExperiment(s);
    assert.deepEqual([e.conditions, e.seeds, e.runs], [1, 5, 5]);
    assert.equal(e.total.total.calls, 5 * estimateRun(s).total.calls);
  });

  it('asks once for the whole experiment: above the limit, or a model without a price', () => {
    const e = estimateExperiment(withExperiment());
    const cost = e.total.total.cost_usd;
    assert.equal(experimentCostReason(e, undefined), undefined);
    assert.equal(experimentCostReason(e, cost * 1.01), undefined, 'each run is far below the limit and so is the sum');
    const reason = experimentCostReason(e, cost / 2)!;
    assert.match(
      reason,
      /^This experiment on test with 2 conditions × 3 seeds = 6 runs is estimated to cost \$\d+\.\d\d \([\d,]+ model calls, about [\d,]+ tokens\), above your limit of \$\d+\.\d\d \(the limit holds for an experiment as a whole\)\.$/,
    );
    // A limit above every single run but below the sum still asks: the sum is what is spent.
    const perRun = Math.max(
      ...withExperiment().experiment!.conditions.map(
        (c) => estimateRun(withOverrides(withExperiment(), c.set)).total.cost_usd,
      ),
    );
    assert.ok(experimentCostReason(e, perRun * 1.5), 'the limit is checked against the sum, not one run');

    const unpriced = estimateExperiment(withExperiment({ default: modelConfig('default') }));
    assert.match(
      experimentCostReason(unpriced, 1000)!,
      /^The cost of this experiment on test with 2 conditions × 3 seeds = 6 runs \(.* model 'default' has no price/,
    );
    assert.equal(
      experimentCostReason(estimateExperiment(withExperiment({})), 0.01),
      undefined,
      'the offline model is free',
    );
  });

  it('estimates the scenario with the settings applied: a default model from the settings counts', () => {
    const s = withExperiment({});
    assert.equal(experimentCostReason(estimateExperiment(s), 0.5), undefined);
    const applied = applyRunSettings(s, { defaultModel: { provider: 'openai', model: 'my-finetune' } });
    assert.match(experimentCostReason(estimateExperiment(applied), 0.5)!, /model 'default' has no price/);
    // A known hosted model is priced at its list price (llm/knownPrices.ts), file price or not.
    const known = applyRunSettings(s, { defaultModel: { provider: 'openai', model: 'gpt-4o-mini' } });
    assert.doesNotMatch(experimentCostReason(estimateExperiment(known), 0.5) ?? '', /no price/);
  });
});
