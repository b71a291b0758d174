// A unit's model calls are booked as deferred changes (kernel/modelChanges.ts); consecutive calls of
// one agent, phase and model are summed into one change when the sums are exact. The books must
// hold the same figures, to the bit, as booking every call on its own.
import * as assert from 'node:assert/strict';
import { Tape } from '../../../src/core/engine/flow/tape';
import { bookLater, MODEL_CHANGES, type UsageChange } from '../../../src/core/engine/kernel/modelChanges';
import { addUsage, emptyTotals, UsageBook } from '../../../src/core/engine/society/usageBook';
import { markCached } from '../../../src/core/llm/usage';
import type { Phase, Usage } from '../../../src/core/trace/events';
import { stream, type Rng } from '../../../src/core/random/rng';

/** A usage book and a round total, as the world keeps them. */
function books() {
  const usage = new UsageBook(),
    round = emptyTotals();
  return {
    usage,
    round,
    book(agent: string, phase: Phase, u: Usage, calls?: number) {
      usage.record(agent, phase, u, calls);
      addUsage(round, u, calls);
    },
  };
}

type Call = { agent: string; phase: Phase; usage: Usage };

function calls(rng: Rng, n: number, priced: boolean): Call[] {
  const out: Call[] = [];
  for (let i = 0; i < n; i++) {
    // Runs of the same agent and phase, as a unit's steps make them.
    const agent = `a${rng.int(3)}`,
      phase: Phase = rng.next() < 0.5 ? 'act' : 'coach';
    const usage: Usage = {
      model: rng.next() < 0.8 ? 'm' : 'other',
      input_tokens: rng.int(500),
      output_tokens: rng.int(80),
      cost_usd: priced && rng.next() < 0.5 ? rng.next() / 1000 : 0,
    };
    if (rng.next() < 0.2) usage.cached_input_tokens = rng.int(usage.input_tokens + 1);
    if (rng.next() < 0.1) markCached(usage);
    // Runs of one agent's calls, and calls of two agents in turn (a conversation's speakers).
    const repeat = 1 + rng.int(4),
      partner = `a${rng.int(3)}`;
    for (let k = 0; k < repeat && out.length < n; k++) {
      out.push({ agent, phase, usage: { ...usage } });
      if (rng.next() < 0.5 && out.length < n) {
        out.push({ agent: partner, phase, usage: { ...usage, input_tokens: rng.int(9) } });
      }
    }
  }
  return out;
}

describe('usage changes', () => {
  for (const priced of [false, true]) {
    it(`book the same figures summed as one by one (${priced ? 'with' : 'without'} costs)`, () => {
      for (let seed = 1; seed <= 40; seed++) {
        const list = calls(stream('usage changes', seed), 60, priced);
        const tape = new Tape();
        for (const c of list) bookLater(tape, c.agent, c.phase, c.usage);
        const summed = books(),
          single = books();
        for (const change of tape.changes) MODEL_CHANGES.usage(summed, change as UsageChange);
        for (const c of list) single.book(c.agent, c.phase, c.usage);
        // As JSON: the same figures and the keys in the same order.
        assert.equal(JSON.stringify(summed.usage.toJSON()), JSON.stringify(single.usage.toJSON()), `seed ${seed}`);
        assert.equal(JSON.stringify(summed.round), JSON.stringify(single.round), `seed ${seed}`);
        assert.ok(tape.changes.length < list.length, `seed ${seed}: consecutive calls were summed`);
      }
    });
  }

  it('keeps a call apart when a sum might round: a cost, a cached answer, another agent or phase', () => {
    const tape = new Tape();
    const u = (cost: number): Usage => ({ model: 'm', input_tokens: 10, output_tokens: 2, cost_usd: cost });
    bookLater(tape, 'a', 'act', u(0.1));
    bookLater(tape, 'a', 'act', u(0.2));
    bookLater(tape, 'a', 'act', markCached(u(0)));
    bookLater(tape, 'a', 'act', u(0));
    bookLater(tape, 'b', 'act', u(0));
    bookLater(tape, 'b', 'coach', u(0));
    bookLater(tape, 'c', 'coach', u(0));
    bookLater(tape, 'b', 'coach', u(0));
    const kept = tape.changes as UsageChange[];
    assert.deepEqual(
      kept.map((c) => [c.agent, c.phase, c.calls ?? 1, c.usage.input_tokens]),
      [
        ['a', 'act', 1, 10],
        ['a', 'act', 1, 10],
        ['a', 'act', 1, 10],
        ['a', 'act', 1, 10],
        ['b', 'act', 1, 10],
        ['b', 'coach', 2, 20],
        ['c', 'coach', 1, 10],
      ],
    );
    // The cost of 0.1 + 0.2 booked in its own order: 0.30000000000000004, as before.
    const b = books();
    for (const c of kept) MODEL_CHANGES.usage(b, c);
    assert.equal(b.round.cost_usd, 0.1 + 0.2);
    assert.equal(b.round.calls, 8);
  });
});
