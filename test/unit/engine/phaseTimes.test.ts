// The benchmark's profile (SimulationOptions.phaseTimes, bench/engineChild.ts SOCIETY_BENCH_PHASES):
// it times each planned phase, the stages' commits and the kernel, and changes nothing the run writes.
import * as assert from 'node:assert/strict';
import { example, traceOf } from './traceHelpers';

describe('phase times', () => {
  it('fills a time for every phase, the commits and the kernel, and the trace is the same', async function () {
    const plain = await traceOf(await example('commons/commons.society'));
    const times = new Map<string, number>();
    assert.equal(await traceOf(await example('commons/commons.society'), { phaseTimes: times }), plain);
    for (const key of ['kernel', 'commit', 'meet', 'evaluate', 'learn']) {
      assert.ok((times.get(key) ?? -1) >= 0, `${key}: ${[...times.keys()].join(', ')}`);
    }
    assert.ok(times.size > 5, `the commons' action phases too: ${[...times.keys()].join(', ')}`);
  });
});
