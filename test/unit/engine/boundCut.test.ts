// Issue 70: an effect held to its quantity's bound on its own created what it cut. A payer with 2
// coins who repays 10 kept its coins at their min of 0 while the partner was credited 10: 8 coins
// from nowhere. The amount is now cut to what every effect allows together, and the event says so.
import * as assert from 'node:assert/strict';
import { scenarioFromText, traceLines, traceOf } from './traceHelpers';

function repay(amountArg: string, fee = false): string {
  return `kind: scenario
name: Repay
seed: 3
population:
  - { group: players, count: 2, id_prefix: p }
world: { rounds: 1 }
state:
  agents:
    coins: { initial: 2, min: 0 }
    paid: { initial: 0, min: 0, max: 1, valued: false }
actions:
  repay:
    description: Pay the other player.
    args:
      to: { type: agent }
${amountArg}
    effects:
      me.coins: "me.coins - ${fee ? '10.0' : 'args.amount'}"
      to.coins: "to.coins + ${fee ? '10.0' : 'args.amount'}"
      me.paid: "me.paid + 5.0"
round:
  - phase: pay
    actions: [repay]
    order: sequential
`;
}

/** Every action's changes to coins, summed: what the round created or destroyed. */
function coinsMade(lines: Record<string, any>[]): number {
  let made = 0;
  for (const e of lines) {
    if (e.type !== 'action') continue;
    for (const [key, [before, after]] of Object.entries(e.changes as Record<string, [number, number]>)) {
      if (key.endsWith('.coins')) made += after - before;
    }
  }
  return made;
}

describe('an amount cut to what the bounds allow, for all effects together (issue 70)', () => {
  it('no coins are created: an amount past what the payer has is cut, and the event says so', async () => {
    const reasons: string[] = [];
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const text = repay('      amount: { type: number, min: 0, max: 10 }').replace('seed: 3', `seed: ${seed}`);
      const lines = traceLines(await traceOf(await scenarioFromText(text)));
      assert.ok(Math.abs(coinsMade(lines)) < 1e-6, `seed ${seed}: ${coinsMade(lines)} coins made`);
      reasons.push(...lines.filter((e) => e.type === 'action').map((e) => String(e.reason)));
    }
    assert.ok(
      reasons.some((r) => /amount [\d.]+ cut to 2: me\.coins would fall below its bound/.test(r)),
      reasons.join('\n'),
    );
  });

  it('an amount that cannot be cut (its own least is past what the payer has) is not possible', async () => {
    const lines = traceLines(
      await traceOf(await scenarioFromText(repay('      amount: { type: number, min: 10, max: 10 }'))),
    );
    assert.equal(coinsMade(lines), 0);
    const first = lines.find((e) => e.type === 'action')!;
    assert.match(String(first.reason), /not possible when its turn came: me\.coins would fall below its bound/);
  });

  it('a fixed price one cannot pay is not possible; a tally past its max is no reason', async () => {
    const fee = traceLines(
      await traceOf(await scenarioFromText(repay('      amount: { type: number, min: 0, max: 0 }', true))),
    );
    assert.equal(coinsMade(fee), 0);
    assert.match(String(fee.find((e) => e.type === 'action')!.reason), /not possible/);
  });
});
