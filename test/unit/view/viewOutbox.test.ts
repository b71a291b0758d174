// QA #1: a fast offline run posted every round to the society view at once, ~130 KB a round, and
// Stop, completions and Cancel waited ~15 s behind that queue. The outbox posts one message at a
// time, joins the events that came meanwhile, pauses after each about as long as it took, and
// says when the view has caught up (a run in the editor waits for that).
import assert from 'node:assert/strict';
import type { HostMessage } from '../../../src/core/protocol/viewMessages';
import type { TraceEvent } from '../../../src/core/trace/events';
import { MAX_GAP_MS, MIN_GAP_MS, OPENING_MS, ViewOutbox } from '../../../src/extension/views/viewOutbox';

const ev = (round: number, i: number): TraceEvent =>
  ({ type: 'message', round, from: `a${i}`, to: 'b', text: `m${i}` }) as unknown as TraceEvent;
const events = (round: number, n: number, from = 0): TraceEvent[] =>
  Array.from({ length: n }, (_, i) => ev(round, from + i));

/** A webview whose postMessage settles when the test says, and a clock and timer the test drives. */
function harness(maxEvents = 5) {
  const sent: HostMessage[] = [];
  const settle: (() => void)[] = [];
  const timers: { f: () => void; ms: number }[] = [];
  let clock = 0;
  const outbox = new ViewOutbox(
    (m) => {
      sent.push(structuredClone(m));
      return new Promise<void>((r) => settle.push(r));
    },
    maxEvents,
    (f, ms) => {
      timers.push({ f, ms });
    },
    () => clock,
  );
  const take = async (after = 10) => {
    clock += after;
    settle.shift()!();
    await Promise.resolve();
    await Promise.resolve();
  };
  const tick = () => {
    const t = timers.shift()!;
    t.f();
    return t.ms;
  };
  return { outbox, sent, settle, timers, take, tick };
}

describe('the society view outbox (one message in flight)', () => {
  it('posts one message at a time and joins the events that come meanwhile', async () => {
    const h = harness(5);
    h.outbox.post({ type: 'events', events: events(1, 2) });
    h.outbox.post({ type: 'events', events: events(2, 2) });
    h.outbox.post({ type: 'events', events: events(3, 2) });
    assert.equal(h.sent.length, 1, 'the second round waits for the first to be taken');
    assert.equal(h.outbox.waiting, 1, 'rounds 2 and 3 are one message');
    assert.ok(h.outbox.behind);
    await h.take(40);
    assert.equal(h.sent.length, 1, 'nothing goes out during the pause');
    assert.equal(h.tick(), 40, 'the pause lasts as long as the message took');
    assert.equal(h.sent.length, 2);
    assert.deepEqual(
      (h.sent[1] as Extract<HostMessage, { type: 'events' }>).events.map((e) => e.round),
      [2, 2, 3, 3],
    );
    assert.ok(!h.outbox.behind, 'only the message in flight is left');
  });

  it('caps a message at maxEvents and keeps the order of events, status and highlight', async () => {
    const h = harness(3);
    h.outbox.post({ type: 'load', source: { kind: 'run', label: 'x' }, header: {} as never, events: [], live: true });
    h.outbox.post({ type: 'events', events: events(1, 7) });
    h.outbox.post({ type: 'status', status: 'stopped' });
    h.outbox.post({ type: 'events', events: events(2, 1) });
    h.outbox.post({ type: 'highlight', agents: ['a1'], round: 2 });
    for (let i = 0; i < 10 && h.settle.length; i++) {
      await h.take();
      h.tick();
    }
    assert.deepEqual(
      h.sent.map((m) => (m.type === 'events' ? `events:${m.events.length}` : m.type)),
      ['load', 'events:3', 'events:3', 'events:1', 'status', 'events:1', 'highlight'],
    );
    const all = h.sent.flatMap((m) => (m.type === 'events' ? m.events : []));
    assert.deepEqual(
      all.map((e) => (e as unknown as { text: string }).text),
      ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm0'],
    );
  });

  it('bounds the pause, tells when it caught up, and drops the rest when cleared or disposed', async () => {
    const h = harness(5);
    let caught = 0;
    h.outbox.onCaughtUp(() => caught++);
    h.outbox.post({ type: 'events', events: events(1, 1) });
    h.outbox.post({ type: 'events', events: events(2, 1) });
    await h.take(0);
    assert.equal(h.tick(), MIN_GAP_MS);
    assert.ok(caught >= 1, 'the last waiting message went out: caught up');
    await h.take(60_000);
    assert.equal(h.tick(), MAX_GAP_MS);
    h.outbox.post({ type: 'events', events: events(3, 1) });
    h.outbox.post({ type: 'events', events: events(4, 1) });
    h.outbox.clear();
    assert.ok(!h.outbox.behind);
    h.outbox.dispose();
    h.outbox.post({ type: 'events', events: events(5, 1) });
    await h.take();
    h.timers.splice(0).forEach((t) => t.f());
    assert.equal(h.sent.length, 3, 'nothing after dispose');
  });

  it('goes on after a failed post', async () => {
    let n = 0;
    const timers: (() => void)[] = [];
    const outbox = new ViewOutbox(
      () => {
        n++;
        return Promise.reject(new Error('webview disposed'));
      },
      5,
      (f) => {
        timers.push(f);
      },
    );
    outbox.post({ type: 'status', status: 'running' });
    outbox.post({ type: 'status', status: 'stopped' });
    await Promise.resolve();
    await Promise.resolve();
    timers.shift()!();
    assert.equal(n, 2);
  });

  // A run started from the editor raced ~20 rounds ahead while its new panel's page loaded, and
  // the view stayed blank until that backlog had come (the stop-run e2e's screenshot).
  it('counts a view still opening as behind until it is ready, and waits for it a bounded time', async () => {
    const h = harness(5);
    let caught = 0;
    h.outbox.onCaughtUp(() => caught++);
    h.outbox.awaitView();
    assert.ok(h.outbox.behind, 'a run waits for a view that is opening');
    h.outbox.clear();
    assert.equal(caught, 0, 'clearing does not make an opening view caught up');
    h.outbox.post({ type: 'load', source: { kind: 'run', label: 'x' }, header: {} as never, events: [], live: true });
    h.outbox.post({ type: 'events', events: events(1, 2) });
    h.outbox.viewReady();
    assert.equal(caught, 0, 'the trace so far is still waiting to go out');
    await h.take();
    h.timers.splice(0).forEach((t) => t.f()); // the pause after the load (and the opening timer, now idle)
    assert.ok(!h.outbox.behind);
    assert.ok(caught >= 1, 'ready and the load taken: caught up');

    const late = harness(5);
    late.outbox.awaitView();
    assert.equal(late.timers[0].ms, OPENING_MS);
    late.tick();
    assert.ok(!late.outbox.behind, 'a view that never opens (a hidden tab) stops holding the run back');
    late.outbox.viewReady();
    assert.ok(!late.outbox.behind);
  });
});
