// A society's worth of calls, issued phase by phase as the engine does, with 25% of requests
// failing in every way the server can fail: the run completes, every injected fault is in the
// call records, and every decision is answered (by the LLM, or by the offline model when a
// decision fails for good and on_error says so).
import * as assert from 'node:assert/strict';
import { FakeOpenAI, INJECTED_FAULTS, faultMix, startFakeOpenAI } from '../../support/fakeOpenAI';
import { registryFor } from '../../support/llmFixtures';
import { drive } from '../../support/phaseDriver';
import type { CallRecord } from '../../../src/core/llm/callRecord';

describe('llm under 25% injected faults (real HTTP)', () => {
  let server: FakeOpenAI;
  before(async () => {
    server = await startFakeOpenAI();
  });
  after(async () => {
    await server.close();
  });

  it('completes, records every fault, and loses no turn', async function () {
    const mix = faultMix(0.25, 7);
    server.script = mix.script;
    const records: CallRecord[] = [];
    // A 1 s timeout: long enough that only injected hangs time out, even on a busy machine.
    const model = registryFor(
      server.url,
      { concurrency: 16, timeout_ms: 1000, retries: 8, on_error: 'offline' },
      { onCall: (r) => records.push(r) },
    ).model('gpt');
    const agents = 16,
      rounds = 2,
      turns = 4;
    const result = await drive(model, { agents, rounds, turns });

    // choose, speak × turns, evaluate × 2, advise, reflect
    const expected = rounds * agents * (1 + turns + 2 + 1 + 1);
    assert.equal(result.decisions, expected, 'every decision was made');
    assert.equal(records.length, expected, 'every decision was recorded');
    assert.equal(
      records.filter((r) => r.outcome === 'failed').length,
      result.fallbacks.length,
      'each failure fell back to the offline model',
    );

    const recorded = Object.fromEntries(INJECTED_FAULTS.map((k) => [k, 0])) as Record<string, number>;
    for (const r of records) for (const f of r.faults) recorded[f.reason]++;
    // Each injected fault appears exactly once in the records. A busy machine can make an answer
    // outlive the client's 1 s: the client then rightly records a timeout instead of what that
    // answer held. The server sees most of these (its client hung up first: abandoned); the rest
    // (an answer written just as the client gave up) show as timeouts beyond those, and each can
    // stand for at most one answer of another kind. So: every hang is a recorded timeout, and
    // every other fault is recorded once unless a late timeout took its place.
    const due: Record<string, number> = { ...mix.injected };
    for (const n of server.abandoned) {
      const kind = mix.faultOf.get(n);
      if (kind !== undefined) due[kind]--;
      due.timeout++;
    }
    const late = recorded.timeout - due.timeout;
    const said = `recorded ${JSON.stringify(recorded)}, injected ${JSON.stringify(mix.injected)}, abandoned ${server.abandoned.length}`;
    assert.ok(late >= 0, `every hang is a recorded timeout: ${said}`);
    let replaced = 0;
    for (const k of INJECTED_FAULTS.filter((f) => f !== 'timeout')) {
      assert.ok(recorded[k] <= due[k], `no ${k} recorded that was not injected: ${said}`);
      replaced += due[k] - recorded[k];
    }
    assert.ok(replaced <= late, `each missing fault is one a late timeout took the place of: ${said}`);
    if (server.abandoned.length === 0 && late === 0) assert.deepEqual(recorded, { ...mix.injected });
    const injectedTotal = Object.values(mix.injected).reduce((a, b) => a + b, 0);
    assert.ok(
      injectedTotal > server.requests.length * 0.15,
      `faults were injected (${injectedTotal} of ${server.requests.length})`,
    );
    for (const k of INJECTED_FAULTS) assert.ok(mix.injected[k] > 0, `some ${k} faults`);
  });
});
