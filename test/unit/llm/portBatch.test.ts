// Messages to and from a chat worker go in batches, one per turn of the event loop (portBatch.ts):
// every message arrives, once, in the order it was queued, and what was queued in one turn is
// one postMessage — through a real MessageChannel, as between the threads.
import * as assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';
import { batchedPost } from '../../../src/core/llm/openai/portBatch';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('chat worker messages in batches', () => {
  it('sends what one turn queued as one batch, in order, and the next turn’s as another', async () => {
    const { port1, port2 } = new MessageChannel();
    const batches: number[][] = [];
    const got = new Promise<void>((done) =>
      port2.on('message', (b: number[]) => {
        batches.push(b);
        if (batches.length === 2) done();
      }),
    );
    const post = batchedPost<number>(port1);
    post(1);
    post(2);
    post(3);
    await turn();
    post(4);
    await got;
    port1.close();
    assert.deepEqual(batches, [[1, 2, 3], [4]]);
  });

  it('sends nothing in a turn that queued nothing', async () => {
    const sent: number[][] = [];
    const post = batchedPost<number>({ postMessage: (b) => sent.push(b) });
    await turn();
    assert.deepEqual(sent, []);
    post(7);
    await turn();
    await turn();
    assert.deepEqual(sent, [[7]]);
  });
});
