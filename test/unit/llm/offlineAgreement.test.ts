// Issue 72: the offline rule keeps to what its group agreed while the talk is fresh, and answers a
// gift that reaches one partner through the round's close (a payoff table) as it answers a direct
// one, while a return spread over a group stays nobody's gift.
import * as assert from 'node:assert/strict';
import { act } from '../../../src/core/llm/offline/act';
import { reference } from '../../../src/core/llm/offline/continuum';
import { agreedAmount, AGREEMENT, AGREEMENT_DECAY, NORM_SHARE } from '../../../src/core/llm/offline/agreed';
import { stream } from '../../../src/core/random/rng';
import type { ActOption, ActRequest } from '../../../src/core/llm/types';
import { actRequest } from '../../support/actRequests';

type Other = ActRequest['others'][number];
const other = (id: string, talked?: number): Other => ({
  id,
  name: id.toUpperCase(),
  tie: 0,
  state: { coins: 10 },
  ...(talked !== undefined ? { talked } : {}),
});

/** Taking 0..20 from a pool: the agent gains what it takes, the others lose a little more than it gains. */
function pool(others: Other[], best?: number): ActRequest {
  const options: ActOption[] = [0, 10, 20].map((x) => ({
    action: 'take',
    args: { amount: x },
    changes: { 'me.coins': x, ...Object.fromEntries(others.map((o) => [`${o.id}.coins`, -0.4 * x])) },
  }));
  const req = actRequest(options, {
    own: [{ name: 'coins', value: 10 }],
    others,
    ...(best !== undefined ? { group_best: [{ action: 'take', arg: 'amount', amount: best }] } : {}),
  });
  req.actions[0].args = [{ name: 'amount', type: 'number', min: 0, max: 20 }];
  return req;
}

const meanTaken = (req: ActRequest, n = 400): number =>
  Array.from({ length: n }, (_, i) => Number(act(req, stream(9, 'agree', i)).args.amount)).reduce((s, x) => s + x, 0) /
  n;

describe('offline model: agreements and gifts through the close (issue 72)', () => {
  it('holds to an agreement by how lately it agreed with its group, and by how much of it it reached (issue 85)', () => {
    const fresh = agreedAmount(pool([other('b', 0), other('c', 0)], 2), 'take', 'amount');
    assert.deepEqual(fresh, { amount: 2, hold: AGREEMENT });
    // Agreed with one of the two: half the hold.
    const half = agreedAmount(pool([other('b', 0), other('c')], 2), 'take', 'amount');
    assert.deepEqual(half, { amount: 2, hold: AGREEMENT / 2 });
    // Each partner counted as long ago as they agreed: 3 and 5 rounds.
    const old = agreedAmount(pool([other('b', 3), other('c', 5)], 2), 'take', 'amount');
    const faded = (AGREEMENT * (AGREEMENT_DECAY ** 3 + AGREEMENT_DECAY ** 5)) / 2;
    assert.ok(old && Math.abs(old.hold - faded) < 1e-12, JSON.stringify(old));
    // With a match group: an agreement with the partner holds fully, with other players by NORM_SHARE of their share.
    const matched = (o: Other): Other => ({ ...o, matched: true });
    const partner = agreedAmount(pool([matched(other('b', 1)), other('c', 0)], 2), 'take', 'amount');
    assert.ok(partner && Math.abs(partner.hold - AGREEMENT * AGREEMENT_DECAY) < 1e-12, JSON.stringify(partner));
    const stranger = agreedAmount(pool([matched(other('b')), other('c', 0)], 2), 'take', 'amount');
    assert.deepEqual(stranger, { amount: 2, hold: (NORM_SHARE * AGREEMENT) / 2 });
    // No agreement, no terms, or another action's terms: nothing to hold to.
    assert.equal(agreedAmount(pool([other('b'), other('c')], 2), 'take', 'amount'), undefined);
    assert.equal(agreedAmount(pool([other('b', 0)]), 'take', 'amount'), undefined);
    assert.equal(agreedAmount(pool([other('b', 0)], 2), 'give', 'amount'), undefined);
  });

  it('an agreement reached with 2 of 7 binds less than one reached with all (issue 85)', () => {
    const seven = (agreed: number) =>
      pool(
        Array.from({ length: 7 }, (_, i) => other(`o${i}`, i < agreed ? 0 : undefined)),
        2,
      );
    const none = meanTaken(seven(0)),
      two = meanTaken(seven(2)),
      all = meanTaken(seven(7));
    assert.ok(all < two - 1 && two < none, `agreed with none ${none}, 2 of 7 ${two}, all 7 ${all}`);
  });

  const took =
    (x: number) =>
    (o: Other): Other => ({ ...o, last_args: { take: { amount: x } } });
  const ref = (req: ActRequest) =>
    reference(
      req,
      'take',
      'amount',
      req.options.map((o) => ({ x: Number(o.args.amount), option: o })),
    );

  it('an agreement kept pulls the reference after round 1 too, past the shading of what the others took', () => {
    // The others took 2.5 last round, within BREACH of the agreed 2: the reference follows them, shaded toward taking more.
    const silent = ref(pool([took(2.5)(other('b')), took(2.5)(other('c'))], 2));
    const talked = ref(pool([took(2.5)(other('b', 0)), took(2.5)(other('c', 0))], 2));
    assert.ok(silent >= 2.5, `without an agreement ${silent}`);
    assert.ok(Math.abs(talked - 2) < 1e-9, `just after agreeing the agreed 2, not ${talked}`);
  });

  it('an agreement fades as the partners are seen breaking it (issue 85)', () => {
    // One of the two partners took 14 against the agreed 2: half the hold is left; both did: none.
    const one = agreedAmount(pool([took(14)(other('b', 1)), took(2)(other('c', 1))], 2), 'take', 'amount');
    assert.ok(one && Math.abs(one.hold - (AGREEMENT * AGREEMENT_DECAY) / 2) < 1e-12, JSON.stringify(one));
    assert.equal(
      agreedAmount(pool([took(14)(other('b', 1)), took(14)(other('c', 1))], 2), 'take', 'amount'),
      undefined,
    );
    // Taking less than agreed (the others' side) breaks nothing.
    const less = agreedAmount(pool([took(0)(other('b', 1)), took(0)(other('c', 1))], 2), 'take', 'amount');
    assert.ok(less && Math.abs(less.hold - AGREEMENT * AGREEMENT_DECAY) < 1e-12, JSON.stringify(less));
  });

  it('takes less from a pool after agreeing on a small amount, the less the fresher the talk', () => {
    const none = meanTaken(pool([other('b'), other('c')], 2)),
      old = meanTaken(pool([other('b', 6), other('c')], 2)),
      fresh = meanTaken(pool([other('b', 0), other('c', 0)], 2));
    assert.ok(fresh < old && old < none, `no talk ${none}, talk 6 rounds ago ${old}, this round ${fresh}`);
    assert.ok(fresh < 6, `this round's talk: ${fresh}`);
    // The reason says so; without talk it does not.
    assert.match(act(pool([other('b', 0)], 2), stream(9, 'why')).reason, /my group agreed on 2 each when we talked$/);
    assert.doesNotMatch(act(pool([other('b')], 2), stream(9, 'why')).reason, /agreed/);
  });

  /** A payoff-table dilemma: nothing changes at once; the close pays me and my partner (or a group of three). */
  function table(later_turns: number, recipients: string[]): ActRequest {
    const split = (x: number) => Object.fromEntries(recipients.map((id) => [`${id}.points`, x / recipients.length]));
    return actRequest(
      [
        { action: 'cooperate', args: {}, changes: {}, foreseen: { 'me.points': 1.5, ...split(4) } },
        { action: 'defect', args: {}, changes: {}, foreseen: { 'me.points': 3, ...split(0.5) } },
      ],
      {
        own: [{ name: 'points', value: 10 }],
        others: recipients.map((id) => ({ id, name: id, tie: 0, state: { points: 10 } })),
        later_turns,
      },
    );
  }
  const cooperation = (req: ActRequest, n = 600): number =>
    Array.from({ length: n }, (_, i) => act(req, stream(4, 'table', i))).filter((d) => d.action === 'cooperate')
      .length / n;

  it('what the close pays one partner is a gift it may return: more cooperation while rounds remain', () => {
    const last = cooperation(table(0, ['b'])),
      many = cooperation(table(19, ['b']));
    assert.ok(many > last + 0.1, `last round ${last}, 19 rounds left ${many}`);
  });

  it('what the close spreads over a group is nobody’s gift: the rounds left do not raise it', () => {
    const last = cooperation(table(0, ['b', 'c', 'd'])),
      many = cooperation(table(19, ['b', 'c', 'd']));
    assert.ok(Math.abs(many - last) < 0.05, `last round ${last}, 19 rounds left ${many}`);
  });
});
