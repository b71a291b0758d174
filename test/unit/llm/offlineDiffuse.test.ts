// Issue 72: concern for a diffuse return (a shared pot that pays every member) saturates with the
// number of others it reaches. Summed linearly over the others foreseen, a group of ten at MPCR
// 0.75 gave 0.85 of its endowment once foresight saw the agent's whole group; people give about
// what groups of four give (Isaac, Walker & Williams 1994; Goeree, Holt & Laury 2002).
import * as assert from 'node:assert/strict';
import { optionUtilities } from '../../../src/core/llm/offline/act';
import { diffuseShare, DIFFUSE_OTHERS } from '../../../src/core/llm/offline/diffuse';
import type { ActOption, ActRequest } from '../../../src/core/llm/types';
import { actRequest } from '../../support/actRequests';

/** A contribution of 1 that pays `mpcr` to the agent and to each of `mates` group-mates (all foreseen). */
function pot(mates: number, mpcr: number, matched = true): ActRequest {
  const ids = Array.from({ length: mates }, (_, i) => `m${i}`);
  const foreseen: Record<string, number> = { 'me.tokens': mpcr };
  for (const id of ids) foreseen[`${id}.tokens`] = mpcr;
  const options: ActOption[] = [
    { action: 'give', args: {}, changes: { 'me.tokens': -1 }, foreseen },
    { action: 'keep', args: {}, changes: {} },
  ];
  return actRequest(options, {
    own: [{ name: 'tokens', value: 20 }],
    others: ids.map((id) => ({ id, name: id, tie: 0, state: { tokens: 20 }, ...(matched ? { matched: true } : {}) })),
  });
}

/** How much more giving is worth than keeping. */
const lift = (req: ActRequest): number => {
  const [give, keep] = optionUtilities(req);
  return give - keep;
};

describe('offline model: concern for a diffuse return saturates with group size (issue 72)', () => {
  it('counts each other in full up to DIFFUSE_OTHERS, then as √(DIFFUSE_OTHERS·G) among them', () => {
    assert.equal(diffuseShare(pot(1, 0.5), pot(1, 0.5).options[0].foreseen), 1);
    assert.equal(diffuseShare(pot(3, 0.5), pot(3, 0.5).options[0].foreseen), 1);
    const nine = pot(9, 0.5);
    assert.ok(Math.abs(diffuseShare(nine, nine.options[0].foreseen) - Math.sqrt(DIFFUSE_OTHERS * 9) / 9) < 1e-12);
  });

  it('a pot reaching nine others is worth more than one reaching three, but less than three times as much', () => {
    const four = lift(pot(3, 0.75)) - lift({ ...pot(0, 0.75) });
    const ten = lift(pot(9, 0.75)) - lift({ ...pot(0, 0.75) });
    assert.ok(ten > four, `concern for 3 others ${four}, for 9 ${ten}`);
    assert.ok(ten < 2.5 * four, `concern for 3 others ${four}, for 9 ${ten} (linear would be 3×)`);
  });

  it('the few others foresight works out stand for the whole group when all of them gain', () => {
    // Six of 39 mates foreseen: the return reaches all 39, weighed as √(DIFFUSE_OTHERS·39).
    const req = pot(6, 0.3);
    const big = { ...req, others: [...req.others, ...pot(39, 0.3).others.slice(6)], n: 40 };
    const share = diffuseShare(big, big.options[0].foreseen);
    assert.ok(Math.abs(share - Math.sqrt(DIFFUSE_OTHERS * 39) / 6) < 1e-12, `${share}`);
  });

  it('a harm done to many is weighed in full', () => {
    const req = pot(9, 0.75);
    const harm = {
      ...req.options[0],
      foreseen: Object.fromEntries(
        Object.entries(req.options[0].foreseen!).map(([k]) => [k, k === 'me.tokens' ? 0 : -0.5]),
      ),
    };
    assert.equal(diffuseShare(req, harm.foreseen), 1);
  });
});
