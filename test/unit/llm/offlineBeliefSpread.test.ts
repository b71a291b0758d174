// Issue 85, item 3: beliefs with uncertainty. Where the round's close bends with what the others put
// in, it is weighed over equally likely points of the belief about them (engine/phases/act/
// beliefSpread.ts), and an outcome the spread may leave below nothing weighs more than a like gain
// (llm/offline/downside.ts). With point beliefs a threshold public good at a step return of 3 was
// provided every round with or without a refund; people provide less often, and more with a refund
// (Cadsby & Maynes 1999; Croson & Marks 2000).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { closeShape, SPREAD_Z } from '../../../src/core/engine/phases/act/beliefSpread';
import type { WorldState } from '../../../src/core/engine/society/worldState';
import { downsideCost, LOSS_AVERSION } from '../../../src/core/llm/offline/downside';
import { normalCdf } from '../../../src/core/stats/distributions';
import { withOverrides } from '../../../src/core/experiment/overrides';
import { meanInterval } from '../../../src/core/stats/meanInterval';
import type { ActionEvent } from '../../../src/core/trace/actionEvents';
import { runToText } from '../../support/runToText';
import { traceLines } from '../engine/traceHelpers';

const THRESHOLD = path.join(__dirname, '../../fixtures/publicGoods/threshold.society');

/** A state whose close is these updates: the valued agent quantity's, and the world's by name. */
function shapeOf(agent: string, world: Record<string, string> = {}) {
  const compiled = {
    agentUpdates: [{ quantity: { name: 'coins' }, expression: agent }],
    worldUpdates: Object.entries(world).map(([name, expression]) => ({ quantity: { name }, expression })),
  };
  return closeShape({ compiled } as unknown as WorldState);
}

describe('offline model: beliefs with uncertainty (issue 85, item 3)', () => {
  it('weighs the belief at equally likely points, none at the mean', () => {
    assert.equal(SPREAD_Z.length % 2, 0);
    assert.ok(!SPREAD_Z.includes(0));
    SPREAD_Z.forEach((z, k) => assert.ok(Math.abs(normalCdf(z) - (k + 0.5) / SPREAD_Z.length) < 1e-6));
  });

  it('reads from the updates where the close bends and where it steps', () => {
    assert.deepEqual(shapeOf('me.coins + 0.5 * world.pot'), { bends: false, steps: false }, 'a pot shared out');
    assert.deepEqual(shapeOf('me.coins + (world.pot >= world.threshold ? 10.0 : 0.0)'), { bends: true, steps: true });
    // A test against zero guards a share of nothing; the share itself is smooth, read at the mean.
    assert.deepEqual(shapeOf('me.coins + (world.total > 0.0 ? me.put / world.total * world.yield : 0.0)'), {
      bends: false,
      steps: false,
    });
    assert.deepEqual(shapeOf('me.coins + min(world.pot, 10.0)'), { bends: true, steps: false });
    // Through a world update the agent's reads, to any depth.
    assert.deepEqual(shapeOf('me.coins + world.paid', { paid: 'world.met * 5.0', met: 'floor(world.pot / 20.0)' }), {
      bends: true,
      steps: true,
    });
  });

  it('costs λ − 1 times the added loss, in the unit of the quantity, and nothing without one', () => {
    const option = { action: 'contribute', args: {}, changes: {}, downside: { 'me.coins': 2 } };
    const units = new Map([['*.coins', 4]]);
    assert.equal(downsideCost(option, units, 0.5), (-(LOSS_AVERSION - 1) * 0.5 * 2) / 4);
    assert.equal(downsideCost({ ...option, downside: undefined }, units, 0.5), 0);
  });

  it('provides a threshold good less than always, and more often with a refund, the push named', async () => {
    const { scenario } = await loadScenarioFile(THRESHOLD);
    const gain: number[] = [];
    let named = 0;
    let provided = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const met = async (refund: number) => {
        const set = { 'state.world.refund.initial': refund };
        const { trace } = await runToText({ ...withOverrides(scenario!, set), seed });
        const lines = traceLines(trace);
        named += lines.filter(
          (e) => e.type === 'action' && (e as ActionEvent).pushes?.some((p) => p.rule === 'loss_aversion'),
        ).length;
        const last = lines.filter((e) => e.type === 'state').pop() as { agents?: Record<string, { met?: number }> };
        const rounds = Object.values(last.agents ?? {}).map((a) => a.met ?? 0);
        return rounds.reduce((s, x) => s + x, 0) / rounds.length;
      };
      const without = await met(0);
      provided += without;
      gain.push((await met(1)) - without);
    }
    const ci = meanInterval(gain);
    assert.ok(ci.low !== null && ci.low > 0, `rounds provided, refund less none: ${ci.mean} (${ci.low} … ${ci.high})`);
    assert.ok(provided / 6 < 10, 'without a refund some rounds fall short');
    assert.ok(named > 0, 'loss aversion is a named push');
  });
});
