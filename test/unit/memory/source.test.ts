import * as assert from 'node:assert/strict';
import { TraceMemorySource } from '../../../src/core/memory/traceMemorySource';
import { MemorySources } from '../../../src/core/memory/memorySources';
import { replay } from '../../../src/core/replay/replay';
import type { TraceEvent } from '../../../src/core/trace/events';
import { recordRun, type RecordedRun } from './memoryFixture';

/** Memory events per agent, counted straight from the JSONL text. */
function memoryEventsInText(text: string, agent: string, upTo = Infinity): number {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{"type":"memory"'))
    .map((l) => JSON.parse(l))
    .filter((e) => e.agent === agent && e.round <= upTo).length;
}

describe('memory source over a trace', () => {
  let run: RecordedRun;
  before(async () => {
    run = await recordRun();
  });

  it('the ledger holds every memory event with its trace line, forgotten ones included', () => {
    const source = TraceMemorySource.of('trace', 'fixture', run.header, run.events);
    const lines = run.text.split('\n');
    const state = source.stateAt()!;
    let forgotten = 0;
    for (const id of state.agents.keys()) {
      assert.equal(source.ledger.written(id), memoryEventsInText(run.text, id));
      assert.equal(source.ledger.written(id, 5), memoryEventsInText(run.text, id, 5));
      for (const entry of source.ledger.entries(id)) {
        const e = JSON.parse(lines[entry.line! - 1]);
        assert.deepEqual([e.type, e.agent, e.memory.id], ['memory', id, entry.memory.id]);
      }
      forgotten += source.ledger.written(id) - state.agents.get(id)!.memories.length;
    }
    assert.ok(forgotten > 0, 'some stream reached the cap, so kept and written differ');
  });

  it("attaches each reflection's evidence to its memory", () => {
    const source = TraceMemorySource.of('trace', 'fixture', run.header, run.events);
    const reflections = run.events.filter(
      (e): e is Extract<TraceEvent, { type: 'reflection' }> => e.type === 'reflection',
    );
    assert.ok(reflections.length > 0);
    for (const r of reflections) {
      const entry = source.ledger.entry(r.agent, r.memory)!;
      assert.equal(entry.memory.kind, 'reflection');
      assert.deepEqual(entry.evidence, r.evidence);
    }
  });

  it('followed event by event, it tells listeners on flush and ends where a whole replay ends', () => {
    const live = new TraceMemorySource('run', 'live');
    live.setHeader(run.header);
    let changes = 0;
    live.onChange(() => changes++);
    for (const e of run.events) {
      live.add(e);
      if (e.type === 'round_end') {
        live.flush();
        // Ask between rounds, as the editor does while a run goes on.
        const expected = replay(run.header, run.events, e.round);
        for (const [id, a] of expected.agents) {
          assert.deepEqual(
            live
              .stateAt()!
              .agents.get(id)!
              .memories.map((m) => m.id),
            a.memories.map((m) => m.id),
          );
        }
      }
    }
    live.flush();
    assert.equal(changes, run.header.rounds + 2); // rounds 0..16 end, then run_end
    assert.equal(live.complete, true);
    const whole = replay(run.header, run.events);
    assert.deepEqual(live.stateAt()!.ties.toJSON(), whole.ties.toJSON());
  });

  it('a pinned round (a paused debugger) is what stateAt shows, and seeking back and forth agrees with replay', () => {
    const source = TraceMemorySource.of('debug', 'paused', run.header, run.events);
    let changes = 0;
    source.onChange(() => changes++);
    source.pin(7);
    assert.equal(source.round, 7);
    assert.equal(changes, 1);
    for (const r of [7, 3, 11, 2, 16, 7]) {
      const expected = replay(run.header, run.events, r);
      const got = source.stateAt(r)!;
      assert.equal(got.round, expected.round);
      assert.deepEqual(got.ties.toJSON(), expected.ties.toJSON(), `ties at round ${r}`);
      for (const [id, a] of expected.agents) {
        assert.deepEqual(
          got.agents.get(id)!.memories.map((m) => m.id),
          a.memories.map((m) => m.id),
          `${id} at round ${r}`,
        );
      }
    }
    source.pin(undefined);
    assert.equal(source.round, run.header.rounds);
  });

  it('reset starts over (the trace file was rewritten)', () => {
    const source = TraceMemorySource.of('trace', 'fixture', run.header, run.events);
    source.reset();
    assert.equal(source.events.length, 0);
    assert.equal(source.ledger.written('p0'), 0);
    assert.equal(source.complete, false);
    assert.equal(source.stateAt()!.agents.size, 0);
  });
});

describe('memory sources', () => {
  let run: RecordedRun;
  before(async () => {
    run = await recordRun();
  });

  it('shows the top of the stack and falls back when it is released', () => {
    const sources = new MemorySources();
    const latest = TraceMemorySource.of('run', 'latest', run.header, run.events);
    const opened = TraceMemorySource.of('trace', 'opened', run.header, run.events);
    const debug = TraceMemorySource.of('debug', 'debug', run.header, run.events);
    let changes = 0;
    sources.onChange(() => changes++);
    sources.replace(undefined, latest);
    sources.use(opened);
    sources.use(debug);
    assert.equal(sources.active, debug);
    debug.pin(3);
    assert.equal(changes, 4, 'a change inside the active source is heard');
    sources.release(debug);
    assert.equal(sources.active, opened);
    debug.pin(4);
    assert.equal(changes, 5, 'a released source is no longer heard');
    const newer = TraceMemorySource.of('run', 'newer', run.header, run.events);
    sources.replace(latest, newer);
    assert.deepEqual(
      sources.all().map((s) => s.label),
      ['newer', 'opened'],
    );
    assert.equal(sources.active, opened, 'a newer latest run does not cover an opened trace');
  });
});
