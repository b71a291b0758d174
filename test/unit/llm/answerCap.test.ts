// A model's answer is read up to a cap (openai/answerCap.ts): an endpoint that sends a body past it
// — announced, or streamed without end — fails that call with a fault saying so, recorded like
// any other; the process neither reads it whole nor crashes. On the calling thread and in a worker.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { registryFor, requests } from '../../support/llmFixtures';
import type { CallRecord } from '../../../src/core/llm/callRecord';
import { maxAnswerBytes } from '../../../src/core/llm/openai/answerCap';
import { closeChatPools } from '../../../src/core/llm/openai/chatPool';

const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** An endpoint whose answers never end (chunked), or announce `announced` bytes and then stream. */
async function hugeEndpoint(
  announced?: number,
): Promise<{ url: string; sent: () => number; close: () => Promise<void> }> {
  let sent = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(announced ? { 'content-length': String(announced) } : {}),
    });
    const pump = (): void => {
      while (!res.destroyed && sent < 200 * 1024 * 1024) {
        sent += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => res.destroy());
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    sent: () => sent,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('bounded answer bodies (real HTTP)', function () {
  const saved = process.env.SOCIETY_MAX_ANSWER_MB;
  before(() => {
    process.env.SOCIETY_MAX_ANSWER_MB = '1';
  });
  after(async () => {
    if (saved === undefined) delete process.env.SOCIETY_MAX_ANSWER_MB;
    else process.env.SOCIETY_MAX_ANSWER_MB = saved;
    await closeChatPools();
  });

  it('reads the cap from SOCIETY_MAX_ANSWER_MB, 8 MB unless set', () => {
    assert.equal(maxAnswerBytes({}), 8 * 1024 * 1024);
    assert.equal(maxAnswerBytes({ SOCIETY_MAX_ANSWER_MB: '0.5' }), 512 * 1024);
    assert.equal(maxAnswerBytes({ SOCIETY_MAX_ANSWER_MB: 'lots' }), 8 * 1024 * 1024);
  });

  for (const [name, announced, threads] of [
    ['a body without end, on the calling thread', undefined, 0],
    ['a body announced at 300 MB, on the calling thread', 300 * 1024 * 1024, 0],
    ['a body without end, in a worker thread', undefined, 2],
  ] as const) {
    it(`fails the call with a bad_response fault for ${name}`, async () => {
      const endpoint = await hugeEndpoint(announced);
      try {
        const records: CallRecord[] = [];
        const model = registryFor(
          endpoint.url,
          { retries: 0, on_error: 'skip' },
          { threads, onCall: (r) => records.push(r) },
        ).model('gpt');
        await assert.rejects(model.decide(requests.speak()), /larger than 1 MB and was not read/);
        assert.equal(records.length, 1);
        assert.equal(records[0].outcome, 'failed');
        assert.deepEqual(
          records[0].faults.map((f) => f.reason),
          ['bad_response'],
        );
        assert.match(records[0].faults[0].message, /SOCIETY_MAX_ANSWER_MB/);
        // It stopped reading: far less than the 200 MB the endpoint would send went out.
        assert.ok(endpoint.sent() < 64 * 1024 * 1024, `${endpoint.sent()} bytes sent`);
      } finally {
        await endpoint.close();
      }
    });
  }
});
