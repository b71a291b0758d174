// QA #4: stopped or cancelled runs and ended debug sessions were listed as "running" forever in
// the Society tree (only run_end marked a run done). A trace without run_end is running only
// while a run or debug session of this window writes it; otherwise it says where it stopped.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { runProgress } from '../../../src/core/memory/societyTree';
import { LiveTraces } from '../../../src/extension/run/liveTraces';
import type { TraceEvent, TraceHeader } from '../../../src/core/trace/events';

const header = { rounds: 300 } as TraceHeader;
const source = (last: TraceEvent['type'], round: number, complete = false) => ({
  header,
  complete,
  lastRound: round,
  events: [{ type: last, round } as TraceEvent],
});

describe('how far a run got (Society tree)', () => {
  it('says complete, running, stopped after a round, or stopped in one', () => {
    assert.equal(runProgress(source('run_end', 300, true), 'ended'), 'round 300/300');
    assert.equal(runProgress(source('round_end', 133), 'running'), 'round 133/300 · running');
    assert.equal(runProgress(source('round_end', 133), 'ended'), 'stopped after round 133/300');
    assert.equal(
      runProgress(source('message', 2), 'ended'),
      'stopped in round 2/300',
      'a debug session ended mid-round',
    );
    assert.equal(runProgress({ header: undefined, complete: false, lastRound: 0, events: [] }, 'ended'), '');
  });

  it('knows which traces this window is writing, and which it stopped writing', () => {
    const live = new LiveTraces();
    const file = path.join(os.tmpdir(), 'x', 'trace.jsonl');
    let changes = 0;
    live.onChange(() => changes++);
    const done = live.add(file);
    assert.ok(live.writing(path.join(os.tmpdir(), 'x', '.', 'trace.jsonl')));
    assert.ok(!live.ended(file));
    done();
    done();
    assert.ok(!live.writing(file));
    assert.ok(live.ended(file), 'stopped in this window: not running, however recent the file');
    assert.equal(changes, 2);
    live.add(file);
    assert.ok(live.writing(file) && !live.ended(file), 'the same folder run again');
  });
});
