// society run's progress moves from the first model call (issue 86): a local model's setup surveys
// took minutes with nothing printed. Outside a terminal it is a line, not a redrawn bar.
import * as assert from 'node:assert/strict';
import { LINE_EVERY_MS, Progress } from '../../../src/cli/run/progress';
import type { CallRecord } from '../../../src/core/llm/callRecord';

const record = (over: Partial<CallRecord> = {}): CallRecord => ({
  model: 'default',
  kind: 'survey',
  key: 'survey:0:maya:mood',
  agent: 'maya',
  outcome: 'ok',
  calls: 1,
  attempts: 1,
  faults: [],
  repairs: [],
  usage: { model: 'default', input_tokens: 10, output_tokens: 5, cost_usd: 0 },
  cached: false,
  ...over,
});

describe('run progress', () => {
  it('outside a terminal: a line at the first call, then no more often than every few seconds', () => {
    const out: string[] = [];
    const p = new Progress(2, 'lines', (t) => void out.push(t));
    p.listener({ type: 'round_start', round: 0, agents: 2 } as never);
    assert.deepEqual(out, [], 'nothing before a call');
    p.call(record());
    assert.equal(out.length, 1);
    assert.match(out[0], /^society run: setup \(round 0\), \d+ s in: 1 model call\n$/);
    p.call(record({ outcome: 'failed', calls: 2 }));
    p.listener({ type: 'round_end', round: 0, stats: {} } as never);
    assert.equal(out.length, 1, `not again within ${LINE_EVERY_MS} ms`);
    p.done();
    assert.equal(out.length, 1, 'no newline to end a bar never drawn');
  });

  it('at a terminal: the bar counts calls, failures and re-asks from the first', () => {
    const out: string[] = [];
    const p = new Progress(2, 'bar', (t) => void out.push(t));
    p.call(record({ outcome: 'failed', calls: 2 }));
    assert.match(out.at(-1)!, /^\r {2}round 0\/2 \[\.+\] 0 agent-turns\/s, 2 model calls \(1 failed, 1 re-asked\)/);
    p.done();
    assert.equal(out.at(-1), '\n');
  });

  it('off says nothing', () => {
    const out: string[] = [];
    const p = new Progress(2, 'off', (t) => void out.push(t));
    p.call(record());
    p.listener({ type: 'round_end', round: 1, stats: {} } as never);
    p.done();
    assert.deepEqual(out, []);
  });
});
