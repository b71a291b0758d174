import * as assert from 'node:assert/strict';
import {
  lensTitle,
  memoriesPhrase,
  summarizeAgent,
  summaryTitle,
  tiesOf,
  tiesPhrase,
  worldShows,
} from '../../../src/core/memory/agentSummary';
import { TraceMemorySource } from '../../../src/core/memory/traceMemorySource';
import type { RewardEvent, RoundEndEvent } from '../../../src/core/trace/events';
import { recordRun, type RecordedRun } from './memoryFixture';

describe('agent summary (the CodeLens above a persona)', () => {
  let run: RecordedRun;
  before(async () => {
    run = await recordRun();
  });

  it('counts memory events, own ties at or above the threshold and the latest reward, at any round', () => {
    const source = TraceMemorySource.of('trace', 'fixture', run.header, run.events);
    for (const round of [1, 5, run.header.rounds]) {
      const state = source.stateAt(round)!;
      let ties = 0;
      for (const id of state.agents.keys()) {
        const s = summarizeAgent(state, source.ledger, id)!;
        assert.equal(
          s.memories,
          run.events.filter((e) => e.type === 'memory' && e.agent === id && e.round <= round).length,
        );
        const rewards = run.events.filter(
          (e): e is RewardEvent => e.type === 'reward' && e.agent === id && e.round <= round,
        );
        assert.equal(s.reward, rewards[rewards.length - 1]?.total);
        assert.equal(s.kept, state.agents.get(id)!.memories.length);
        ties += s.ties;
      }
      // The engine's own count of directed ties after the round.
      const end = run.events.find((e): e is RoundEndEvent => e.type === 'round_end' && e.round === round)!;
      assert.equal(ties, end.stats.ties, `ties at round ${round}`);
      const tiesIn = [...state.agents.keys()].reduce(
        (n, id) => n + summarizeAgent(state, source.ledger, id)!.tiesIn,
        0,
      );
      assert.equal(tiesIn, end.stats.ties, "every tie is someone's outgoing and someone else's incoming one");
    }
    assert.equal(summarizeAgent(source.stateAt()!, source.ledger, 'nobody'), undefined);
  });

  it('titles the lens "N memories · N ties out · M in · reward x.xx" (ties both ways, as the view counts them)', () => {
    const base = { agent: 'maya', name: 'Maya', round: 3, kept: 34, tiesIn: 0, shows: { ties: true, rewards: true } };
    assert.equal(
      summaryTitle({ ...base, memories: 34, ties: 5, tiesIn: 2, reward: 0.6184 }),
      '34 memories · 5 ties out · 2 in · reward 0.62',
    );
    assert.equal(summaryTitle({ ...base, memories: 1, ties: 1 }), '1 memory · 1 tie out · 0 in · reward –');
    assert.equal(
      summaryTitle({ ...base, memories: 0, ties: 0, reward: 0 }),
      '0 memories · 0 ties out · 0 in · reward 0.00',
    );
    // QA #13: an agent nobody's tie reaches out from, but two reach in to, is not "0 ties".
    assert.equal(
      summaryTitle({ ...base, memories: 265, ties: 0, tiesIn: 2, reward: 0.5 }),
      '265 memories · 0 ties out · 2 in · reward 0.50',
    );
    assert.equal(
      summaryTitle({ ...base, memories: 1, ties: 1, tiesIn: 1, reward: 0.5 }),
      '1 memory · 1 tie out · 1 in · reward 0.50',
    );
    // A world with no tie at the threshold and no rewards (a town that only meets, issue 59): neither is said.
    assert.equal(summaryTitle({ ...base, memories: 3, ties: 0, shows: { ties: false, rewards: false } }), '3 memories');
    assert.equal(
      summaryTitle({ ...base, memories: 3, ties: 0, reward: 0.25, shows: { ties: false, rewards: true } }),
      '3 memories · reward 0.25',
    );
    // The hover says it in the same words (QA: it said "1 ties out" where the lens said "1 tie out").
    assert.equal(tiesPhrase({ ties: 1, tiesIn: 0 }), '1 tie out · 0 in');
    assert.equal(memoriesPhrase(1), '1 memory');
  });

  it('names the run the lens reads from, its folder name cut in the middle to keep its time (issue 73: 3)', () => {
    const base = { agent: 'maya', name: 'Maya', round: 3, kept: 12, tiesIn: 1, shows: { ties: true, rewards: false } };
    assert.equal(
      lensTitle({ ...base, memories: 12, ties: 3 }, 'friends-20261128-014012'),
      '12 memories · 3 ties out · 1 in · run friends-20261128-014012',
    );
    // A long scenario name: the start and the timestamp that tells its runs apart, one short line.
    const long = lensTitle({ ...base, memories: 12, ties: 3 }, 'learning-to-make-friends-20261128-014012-2');
    assert.equal(long, '12 memories · 3 ties out · 1 in · run learning-to-…20261128-014012-2');
    assert.notEqual(
      lensTitle({ ...base, memories: 1, ties: 0 }, 'learning-to-make-friends-20261128-014012'),
      lensTitle({ ...base, memories: 1, ties: 0 }, 'learning-to-make-friends-20261128-093000'),
      'two runs of a scenario are told apart',
    );
    // The source of a debug session is named as the session's scenario.
    assert.match(lensTitle({ ...base, memories: 0, ties: 0 }, 'Friends (debug)'), / · run Friends \(debug\)$/);
    assert.match(
      lensTitle({ ...base, memories: 0, ties: 0 }, 'Learning to make friends (debug)'),
      / · run Learning to make frie… \(debug\)$/,
    );
  });

  it('lists ties both ways, strongest first', () => {
    const source = TraceMemorySource.of('trace', 'fixture', run.header, run.events);
    const state = source.stateAt()!;
    for (const id of state.agents.keys()) {
      const ties = tiesOf(state, id);
      for (const t of ties) {
        assert.equal(t.out, state.ties.get(id, t.agent));
        assert.equal(t.in, state.ties.get(t.agent, id));
      }
      const strength = ties.map((t) => Math.max(t.out, t.in));
      assert.deepEqual(
        strength,
        [...strength].sort((a, b) => b - a),
      );
      const others = new Set([...state.ties.entries()].flatMap(([f, t]) => (f === id ? [t] : t === id ? [f] : [])));
      assert.equal(ties.length, others.size);
    }
  });

  it('says ties once some reached the threshold and rewards once one was given (worldShows)', () => {
    const source = TraceMemorySource.of('trace', 'fixture', run.header, run.events);
    const setup = source.stateAt(0)!;
    assert.deepEqual(worldShows(setup), { ties: false, rewards: false }, 'before round 1: neither');
    const end = source.stateAt()!;
    const last = run.events.filter((e): e is RoundEndEvent => e.type === 'round_end').at(-1)!;
    assert.equal(worldShows(end).ties, last.stats.ties > 0);
    assert.equal(
      worldShows(end).rewards,
      run.events.some((e) => e.type === 'reward'),
    );
  });
});
