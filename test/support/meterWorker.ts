// A worker thread that spends against a shared meter (spendMeter.test.ts): each call asks the
// meter, "costs" $1 (100k input tokens at $10 a million) after a short wait, until refused.
import { parentPort, workerData } from 'node:worker_threads';
import { SpendLimitReached, SpendMeter, type SpendMeterPort } from '../../src/core/llm/spendMeter';

const meter = SpendMeter.attach(workerData as SpendMeterPort);
const price = { input: 10, output: 0 };
void (async () => {
  let made = 0;
  for (;;) {
    let call;
    try {
      call = await meter.admit();
    } catch (err) {
      if (!(err instanceof SpendLimitReached)) throw err;
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
    call.end({ input_tokens: 100_000, output_tokens: 0 }, price);
    made++;
  }
  parentPort!.postMessage(made);
})();
