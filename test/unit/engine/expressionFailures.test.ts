// Expressions that fail while a run evaluates them (issue 41): a result no quantity can hold
// (Infinity, NaN: a division by 0.0, an overflow) is an `error` event naming the expression, the
// value and what the quantity keeps, never a silent skip; and a `when` that fails takes only its
// own action off the offer, so the other actions stay choosable.
import * as assert from 'node:assert/strict';
import type { TraceEvent, TraceEventOf } from '../../../src/core/trace/events';
import { scenarioFromText, traceOf } from './traceHelpers';

const HEAD = `kind: scenario
name: hostile
personas:
  - { id: ana, name: Ana }
  - { id: bo, name: Bo }
world: { rounds: 2 }
`;

async function run(text: string): Promise<{ trace: string; events: TraceEvent[] }> {
  const trace = await traceOf(await scenarioFromText(HEAD + text));
  return {
    trace,
    events: trace
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as TraceEvent),
  };
}

const ofType = <T extends TraceEvent['type']>(es: TraceEvent[], type: T): TraceEventOf<T>[] =>
  es.filter((e): e is TraceEventOf<T> => e.type === type);

describe('expressions that fail while running', function () {
  it('an update or effect that gives Infinity or NaN is an error event; the quantity keeps its value', async () => {
    const { trace, events } = await run(`state:
  world:
    x: { initial: 5, update: "world.x / 0.0" }
    pot: { initial: 1, min: 0 }
  agents:
    w: { initial: 1e200, update: "me.w * 1e200" }
    cut: { initial: 0 }
    spoilt: { initial: 1 }
actions:
  spoil:
    description: Spoil something.
    effects:
      me.spoilt: "me.spoilt + 0.0 / 0.0"
  share:
    description: Take a share of the pot.
    effects:
      world.pot: "world.pot - 1.0"
      me.cut: "me.cut + 1.0 / world.pot"
`);
    const errors = ofType(events, 'error');
    /** The agent of the expression error whose message matches `re` (null: the world's). */
    const said = (re: RegExp): string | null => {
      const e = errors.find((x) => re.test(x.message) && x.reason === 'expression');
      assert.ok(e, `${re}\n${errors.map((x) => `${x.agent}: ${x.message}`).join('\n')}`);
      return e.agent ?? null;
    };
    assert.equal(
      said(/^state\.world\.x\.update: `world\.x \/ 0\.0` gave Infinity, .*: world\.x keeps its value 5$/),
      null,
    );
    assert.equal(
      said(/^state\.agents\.w\.update: `me\.w \* 1e200` gave Infinity, .*: w of ana keeps its value 1e\+200$/),
      'ana',
    );
    assert.equal(
      said(/^actions\.spoil\.effects\.me\.spoilt: `me\.spoilt \+ 0\.0 \/ 0\.0` gave NaN, .*: spoilt of bo keeps/),
      'bo',
    );
    // The pot was 1 when both chose to share; the second share, applied after the first, divides by 0.0.
    const second = said(
      /^actions\.share\.effects\.me\.cut: `me\.cut \+ 1\.0 \/ world\.pot` gave Infinity, .*: cut of (\w+) keeps its value 0$/,
    );
    assert.ok(
      second && ofType(events, 'action').some((a) => a.round === 1 && a.action === 'share' && a.agent !== second),
    );
    for (const s of ofType(events, 'state')) {
      assert.equal(s.world.x, 5);
      for (const v of Object.values(s.agents)) assert.equal(v.w, 1e200);
    }
    assert.ok(!trace.includes('null'), 'no value is written as null');
    assert.equal(ofType(events, 'round_end').length, 3, 'the run went on');
  });

  it('a `when` that fails takes only its own action off the offer: the others stay choosable', async () => {
    const { events } = await run(`state:
  agents:
    wealth: { initial: 1 }
    energy: { initial: 0 }
actions:
  grow:
    description: Grow your wealth.
    when: "int(me.wealth) / (n - n) > 0"
    effects:
      me.wealth: "me.wealth + 1.0"
  rest:
    description: Rest.
    effects:
      me.energy: "me.energy + 1.0"
`);
    const actions = ofType(events, 'action');
    assert.deepEqual(actions.map((a) => `${a.round} ${a.agent} ${a.action}`).sort(), [
      '1 ana rest',
      '1 bo rest',
      '2 ana rest',
      '2 bo rest',
    ]);
    const errors = ofType(events, 'error').map((e) => `${e.round} ${e.agent} ${e.message}`);
    assert.deepEqual(errors.sort(), [
      '1 ana actions.grow.when: division by zero (not on offer to ana this round)',
      '1 bo actions.grow.when: division by zero (not on offer to bo this round)',
      '2 ana actions.grow.when: division by zero (not on offer to ana this round)',
      '2 bo actions.grow.when: division by zero (not on offer to bo this round)',
    ]);
  });

  it('an effect that fails for some arguments takes only those ways of taking the action off the offer', async () => {
    const { events } = await run(`state:
  agents:
    share: { initial: 0 }
actions:
  split:
    description: Split a gain into parts.
    args: { parts: { type: number, min: 0, max: 2, integer: true } }
    effects:
      me.share: "me.share + 1.0 / args.parts"
`);
    const splits = ofType(events, 'action').filter((a) => a.action === 'split');
    assert.equal(splits.length, 4, 'each agent splits in each round');
    assert.ok(splits.every((a) => a.args.parts !== 0));
    const errors = ofType(events, 'error').map((e) => e.message);
    assert.equal(errors.length, 4, 'one error per agent and round');
    assert.match(
      errors[0],
      /^actions\.split\.effects\.me\.share: `me\.share \+ 1\.0 \/ args\.parts` gave Infinity, .*: share of \w+ keeps its value \d+ \(not on offer to \w+ this round, with parts 0\)$/,
    );
  });
});
