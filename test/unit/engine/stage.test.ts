// A stage's units: published in canonical order however they interleave, and, once units wait
// for a model, started in batches so the first calls go out before every agent has started.
import * as assert from 'node:assert/strict';
import { runStage, type StageOptions } from '../../../src/core/engine/flow/stage';
import type { StateChange } from '../../../src/core/engine/flow/stateChange';
import type { RewardChange } from '../../../src/core/engine/phases/learn/reward';
import type { TraceEvent } from '../../../src/core/trace/events';

const options = (
  emit: (e: TraceEvent) => void,
  width = Number.MAX_SAFE_INTEGER,
  commit: (c: StateChange) => void = () => undefined,
): StageOptions => ({
  width,
  emit,
  commit,
  yieldEvery: 64,
  counter: { units: 0 },
});
const marker = (round: number): TraceEvent => ({ type: 'round_start', round, agents: 0 });

describe('stage runner', () => {
  it('lets the calls of the first units go out while later units are still starting', async () => {
    let started = 0;
    const startedWhenSent: number[] = [];
    const emitted: number[] = [];
    await runStage(
      Array.from({ length: 100 }, (_, i) => i),
      (i, tape) => {
        started++;
        tape.say(marker(i));
        // A request is written from a callback (as node:http does): it happens only when the event loop gets a turn.
        return new Promise<void>((resolve) =>
          process.nextTick(() => {
            startedWhenSent[i] = started;
            setTimeout(resolve, (i * 7) % 5);
          }),
        );
      },
      options((e) => emitted.push(e.round)),
    );
    assert.ok(startedWhenSent[0] <= 8, `the first call went out after ${startedWhenSent[0]} of 100 units had started`);
    assert.equal(started, 100);
    assert.deepEqual(
      emitted,
      Array.from({ length: 100 }, (_, i) => i),
      'events are published in unit order',
    );
  });

  it('runs units that never wait one after another without yielding, and commits effects in unit order', async () => {
    const order: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await runStage(
      Array.from({ length: 50 }, (_, i) => i),
      (i, tape) => {
        tape.later({ kind: 'reward', total: i });
      },
      options(
        () => undefined,
        8,
        (c) => order.push(c.kind === 'reward' ? (c as RewardChange).total : -1),
      ),
    );
    clearInterval(timer);
    assert.deepEqual(
      order,
      Array.from({ length: 50 }, (_, i) => i),
    );
    assert.equal(ticks, 0, 'no turn of the event loop for a stage that never waited');
  });
});
