// Issue 85, item 5: concern for what a contribution brings the others is held as far as they gave
// themselves (llm/offline/matchedGift.ts). Unconditional, it let groups of eight at MPCR 0.75 climb
// from 0.58 of the endowment in round 1 to 0.77 by round 15 (a few agreeable agents gave everything
// and the others' reference followed them); people's contributions fall or hold.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { ActOption, ActRequest } from '../../../src/core/llm/types';
import { matchedShares, UNMATCHED_KEPT } from '../../../src/core/llm/offline/matchedGift';
import { meanInterval } from '../../../src/core/stats/meanInterval';
import type { ActionEvent } from '../../../src/core/trace/actionEvents';
import { actRequest } from '../../support/actRequests';
import { runToText } from '../../support/runToText';
import { traceLines } from '../engine/traceHelpers';

const EIGHTS = path.join(__dirname, '../../fixtures/publicGoods/groups-of-eight.society');

/** Contributing `x` of 0..20 to a pot that pays 0.75 a token to each of three mates, who last gave `gave` (none: never acted). */
function request(x: number, gave: (number | undefined)[]): ActRequest {
  const ids = gave.map((_, i) => `m${i}`);
  const option: ActOption = {
    action: 'contribute',
    args: { amount: x },
    changes: { 'me.coins': -x },
    foreseen: Object.fromEntries([['me.coins', 0.75 * x], ...ids.map((id) => [`${id}.coins`, 0.75 * x])]),
  };
  return actRequest([option], {
    actions: [
      {
        name: 'contribute',
        description: '',
        args: [{ name: 'amount', type: 'number', min: 0, max: 20 }],
        effects: [],
      },
    ],
    others: ids.map((id, i) => ({
      id,
      name: id,
      tie: 0,
      state: {},
      matched: true,
      ...(gave[i] !== undefined ? { last_args: { contribute: { amount: gave[i]! } } } : {}),
    })),
  });
}

const shares = (x: number, gave: (number | undefined)[]) => {
  const req = request(x, gave);
  return matchedShares(req, req.options[0]);
};

describe('offline model: concern for a gift held as far as its recipients gave (issue 85, item 5)', () => {
  it('weighs a gain in full up to what its owner gave, and beyond by the share it matched', () => {
    assert.equal(shares(4, [4, 10, 20]), undefined, 'giving no more than any of them: all in full');
    const at20 = shares(20, [4, 10, 20])!;
    assert.equal(at20.get('m0'), UNMATCHED_KEPT + (1 - UNMATCHED_KEPT) * (4 / 20));
    assert.equal(at20.get('m1'), UNMATCHED_KEPT + (1 - UNMATCHED_KEPT) * (10 / 20));
    assert.equal(at20.has('m2'), false, 'who gave as much is weighed in full');
    assert.equal(shares(20, [0])!.get('m0'), UNMATCHED_KEPT, 'who gave nothing: the share kept');
  });

  it('weighs in full before anyone has acted, and a gift of nothing brings nothing to withhold', () => {
    assert.equal(shares(20, [undefined, undefined]), undefined);
    assert.equal(shares(0, [5]), undefined);
  });

  it('makes groups of eight at MPCR 0.75 fall over fifteen rounds, the push named', async () => {
    const fall: number[] = [];
    let named = 0;
    for (const seed of [1, 2, 3, 4]) {
      const { scenario } = await loadScenarioFile(EIGHTS);
      const { trace } = await runToText({ ...scenario!, seed });
      const given = (round: number) => {
        const acts = traceLines(trace).filter(
          (e): e is ActionEvent => e.type === 'action' && (e as ActionEvent).round === round,
        );
        return acts.reduce((s, e) => s + Number(e.args.amount), 0) / acts.length / 20;
      };
      fall.push(given(1) - given(15));
      named += traceLines(trace).filter(
        (e) => e.type === 'action' && (e as ActionEvent).pushes?.some((p) => p.rule === 'unmatched_gift'),
      ).length;
    }
    const ci = meanInterval(fall);
    assert.ok(ci.low !== null && ci.low > 0, `round 1 less round 15: ${ci.mean} (${ci.low} … ${ci.high})`);
    assert.ok(named > 0, 'the withheld concern is a named push');
  });
});
