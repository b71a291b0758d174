// Issue 72: an offline agent whose choice reaches a partner who chooses later in the round reckons
// that partner's choice with the partner's own rule (engine/phases/act/lookahead.ts). Before, a
// proposer's own payoff arrived only through the responder's `accept`, which it did not see: it
// offered the same whether or not the responder could reject, and a trust game's sender sent the
// same whether or not the trustee could return anything.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { scenarioFromText, traceLines, traceOf } from './traceHelpers';

/** Fixed pairs: `first` acts on its partner in phase one, then the second group chooses among `later`. */
function sequential(seed: number, actions: string, first: string, later: string): string {
  return `kind: scenario
name: Sequential
seed: ${seed}
population:
  - { group: movers, count: 10, id_prefix: m }
  - { group: answerers, count: 10, id_prefix: a }
world: { rounds: 1 }
matching: { design: partner, between: [movers, answerers] }
state:
  world:
    pie: { initial: 10, min: 0 }
  agents:
    coins: { initial: 0, min: 0 }
    offer: { initial: 0, min: 0, valued: false }
    got: { initial: 0, min: 0, valued: false }
actions:
${actions}
round:
  - phase: first
    actions: { movers: [${first}] }
  - phase: answer
    actions: { answerers: [${later}] }
`;
}

const ULTIMATUM = `  propose:
    description: Offer the partner part of the pie; you keep the rest if it accepts.
    args: { amount: { type: number, min: 0, max: 10 } }
    effects:
      partner.offer: "args.amount"
  accept:
    description: Accept the offer; you get it, the proposer the rest.
    effects:
      me.coins: "me.coins + me.offer"
      partner.coins: "partner.coins + world.pie - me.offer"
  reject:
    description: Reject the offer; neither gets anything.
    effects:
      me.got: "0.0"
`;

const TRUST = `  send:
    description: Send part of 10 coins; the partner receives three times as much.
    args: { amount: { type: number, min: 0, max: 10 } }
    effects:
      me.coins: "me.coins + 10.0 - args.amount"
      partner.coins: "partner.coins + 3.0 * args.amount"
      partner.got: "3.0 * args.amount"
  give_back:
    description: Return a share of what you received.
    args: { share: { type: number, min: 0, max: 1 } }
    effects:
      me.coins: "me.coins - args.share * me.got"
      partner.coins: "partner.coins + args.share * me.got"
  keep:
    description: Keep everything.
    effects:
      me.offer: "0.0"
`;

/** The mean of `arg` over the actions `action` in the traces of seeds 1–4. */
async function meanArg(text: (seed: number) => string, action: string, arg: string): Promise<number> {
  const xs: number[] = [];
  for (const seed of [1, 2, 3, 4]) {
    for (const e of traceLines(await traceOf(await scenarioFromText(text(seed))))) {
      if (e.type === 'action' && e.action === action) xs.push(Number(e.args[arg]));
    }
  }
  assert.ok(xs.length >= 30, `only ${xs.length} ${action} actions`);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe('lookahead over a partner’s later choice (issue 72)', function () {
  it('a proposer offers more to a responder who may reject than to one who must accept', async () => {
    const mayReject = await meanArg((s) => sequential(s, ULTIMATUM, 'propose', 'accept, reject'), 'propose', 'amount');
    const mustAccept = await meanArg((s) => sequential(s, ULTIMATUM, 'propose', 'accept'), 'propose', 'amount');
    assert.ok(
      mayReject > mustAccept + 0.5,
      `offers ${mayReject.toFixed(2)} with rejection possible, ${mustAccept.toFixed(2)} without`,
    );
  });

  it('a sender sends more when the partner can give some back', async () => {
    const canReturn = await meanArg((s) => sequential(s, TRUST, 'send', 'give_back'), 'send', 'amount');
    const cannot = await meanArg((s) => sequential(s, TRUST, 'send', 'keep'), 'send', 'amount');
    assert.ok(
      canReturn > cannot + 0.25,
      `sent ${canReturn.toFixed(2)} with a return possible, ${cannot.toFixed(2)} without`,
    );
  });

  it('a round whose later phase no choice of the first reaches is as it was', async () => {
    // The movers' first choice changes only themselves: nothing to look ahead over. Pinned from
    // the build before the lookahead.
    const own = `  work:
    description: Earn some coins.
    args: { hours: { type: number, min: 0, max: 10 } }
    effects:
      me.coins: "me.coins + args.hours"
  give:
    description: Give the partner some coins.
    args: { amount: { type: number, min: 0, max: 5 } }
    effects:
      me.coins: "me.coins - args.amount"
      partner.coins: "partner.coins + args.amount"
`;
    const text = sequential(3, own, 'work', 'give').replace(
      '  - phase: answer\n    actions: { answerers: [give] }',
      '  - phase: answer\n    actions: { answerers: [give], movers: [give] }',
    );
    const trace = await traceOf(await scenarioFromText(text));
    const body = trace.slice(trace.indexOf('\n') + 1);
    assert.equal(crypto.createHash('sha256').update(body).digest('hex'), PINNED);
  });
});

// Issue 85: the action events name their pushes and word their consequence from the change made;
// every other field is the build's before the lookahead (compared with the pushes left out).
const PINNED = '0e0d3b25fc0edfae2293d4afadf08ceaa0dd0f4bb3117e1708cbd60057172b42';
