// A round's conversations are let go as soon as they are rated (phases/evaluate/evaluate.ts): at
// the evaluation barrier, where every rating waits to be committed, no turn still holds the
// transcripts it rated — at a million agents they were ≈ 0.8 KB an agent of the round's peak.
// The round is run phase by phase here as the kernel runs it (kernel/rounds.ts), so the moment
// just before the barrier's commits can be looked at.
import * as assert from 'node:assert/strict';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { roundRun } from '../../../src/core/engine/kernel/roundRun';
import { openRound } from '../../../src/core/engine/kernel/roundOpen';
import { after } from '../../../src/core/engine/flow/step';
import { MEET } from '../../../src/core/engine/phases/meet/meet';
import { MEET_TURN } from '../../../src/core/engine/phases/meet/meetState';
import { EVALUATE } from '../../../src/core/engine/phases/evaluate/evaluate';
import { peek } from '../../../src/core/engine/phases/slot';
import type { RoundPhase } from '../../../src/core/format';
import type { TraceEvent } from '../../../src/core/trace/events';
import { example } from './traceHelpers';

const held = (turns: readonly { slots: unknown[] }[]): number =>
  turns.reduce((n, t) => n + (peek(t, MEET_TURN)?.conversations.length ?? 0), 0);

describe('conversations let go once rated', () => {
  it('no turn holds a conversation at the evaluation barrier, and every rating is still committed', async function () {
    const s = await example('friends/friends.society');
    s.world = { ...s.world, rounds: 1 };
    const sim = Simulation.create(s);
    assert.equal((await sim.run()).status, 'completed');

    // Round 2 by hand: the round opens, `meet` runs, then `evaluate` with its barrier watched.
    const w = sim.world;
    const events: TraceEvent[] = [];
    w.on((e) => void events.push(e));
    w.round = 2;
    openRound(w, 2, undefined);
    const run = roundRun({ world: w, opts: {}, gated: false, finished: { units: 0 }, point: () => undefined }, 2);
    MEET.beginRound?.(w, run);
    await MEET.run(w, run, { name: 'meet' } as RoundPhase);
    MEET.doneForRound?.(run);
    const started = held(run.turns);
    assert.ok(started > 0, 'nobody talked in the round');

    let atBarrier: number | undefined;
    const stage = run.stage.bind(run);
    run.stage = (units, work) => {
      let done = 0;
      // With the offline model units finish in order: the last one done is the barrier, before any commit.
      return stage(units, (u, tape, i) =>
        after(work(u, tape, i), () => {
          if (++done === units.length) atBarrier = held(run.turns);
        }),
      );
    };
    const before = events.length;
    await EVALUATE.run(w, run, { name: 'evaluate' } as RoundPhase);
    assert.equal(atBarrier, 0, `${atBarrier} conversations still held at the barrier`);
    // Rated and committed all the same: two evaluations a conversation of two, the ties moved after them.
    const rated = events.slice(before).filter((e) => e.type === 'evaluation').length;
    assert.ok(rated >= 2 * started, `${rated} evaluations of ${started} conversations`);
    assert.ok(
      events.slice(before).some((e) => e.type === 'tie'),
      'no tie changed at the barrier',
    );
  });
});
