// Runs the independent units of one stage of a round (e.g. every agent's perceive → act) with at
// most `width` units in flight, and publishes them in canonical order: each unit's said events
// are emitted as soon as every earlier unit has finished (so a live view streams), and the
// deferred state changes of all units run when the stage ends (the barrier), in unit order.
// Emission order therefore never depends on how the units interleaved.
import type { TraceEvent } from '../../trace/events';
import type { StateChange } from './stateChange';
import { eventLoopTurn, type Pacer, type Step } from './step';
import { Tape } from './tape';
import { trimmed } from './trimmed';

export interface StageOptions {
  /** Units in flight at once (1 = one after another). */
  width: number;
  emit: (e: TraceEvent) => void;
  /** Applies one unit's deferred state change (phases/table.ts: each plug-in's changes). */
  commit: (c: StateChange) => void;
  /** Give the event loop a turn after this many finished units (pause, abort, I/O). */
  yieldEvery: number;
  /** Shared count of finished units, so yields are spaced across stages. */
  counter: { units: number };
  /** Turns of the event loop spaced in time too (step.ts), the stop heard after each. */
  pacer?: Pacer;
  /**
   * Run the units last to first (they are still published and committed in unit order): a check
   * that each reads only the state at the stage's start, as running them on worker threads needs.
   */
  reversed?: boolean;
}

/** Workers started between turns of the event loop once some unit waits (see runStage). */
const START_BATCH = 8;

export async function runStage<U>(
  units: readonly U[],
  work: (unit: U, tape: Tape, index: number) => Step,
  o: StageOptions,
): Promise<void> {
  const n = units.length;
  const tapes: Tape[] = new Array(n);
  const finished = new Uint8Array(n);
  let next = 0,
    published = 0,
    waiting = 0;
  let failure: { error: unknown } | undefined;

  const publish = (): void => {
    while (published < n && finished[published]) {
      const t = tapes[published++];
      for (const e of t.events) o.emit(e);
      t.events = [];
    }
  };

  const worker = async (): Promise<void> => {
    while (!failure && next < n) {
      const i = o.reversed ? n - 1 - next++ : next++;
      const tape = (tapes[i] = new Tape());
      try {
        const step = work(units[i], tape, i);
        if (step) {
          waiting++;
          await step;
          waiting--;
        }
      } catch (error) {
        failure ??= { error };
        return;
      }
      finished[i] = 1;
      // Its changes wait for the barrier with every other unit's: in an array of their length
      // (flow/trimmed.ts), not one grown by push.
      if (tape.changes.length) tape.changes = trimmed(tape.changes);
      if (!failure) publish();
      // Every `yieldEvery` units, and sooner when units are slow (costly mechanics): a stop is heard.
      if (++o.counter.units % o.yieldEvery === 0 || o.pacer?.due) await (o.pacer ? o.pacer.turn() : eventLoopTurn());
    }
  };

  // Workers start in batches. Once a unit waits for a model, the event loop gets a turn after
  // each batch, so the calls already made go out on the wire (their requests are sent from
  // callbacks) while the next batch of agents still thinks: at a stage's start the first wave of
  // calls is not held back until every agent has reached its first call.
  const workers: Promise<void>[] = [];
  const count = Math.max(1, Math.min(o.width, n));
  for (let w = 0; w < count && !failure; w++) {
    if (w && w % START_BATCH === 0 && waiting) await eventLoopTurn();
    workers.push(worker());
  }
  // Every worker settles before the stage reports a failure, so nothing is emitted after it.
  await Promise.all(workers);
  if (failure) throw failure.error;
  for (const t of tapes) {
    for (const change of t.changes) o.commit(change);
    // A turn keeps its tape until its next stage: committed changes must not keep what they hold
    // (a round's transcripts, ≈ 3 KB an agent) alive that long.
    t.changes = [];
  }
}
