// Usage figures an endpoint gets wrong (negative, strings, 1e300) are replaced by the estimate and
// noted; the limiter cannot be stalled by them; the usage book counts cached answers apart.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { registryFor, requests } from '../../support/llmFixtures';
import { UsageBook } from '../../../src/core/engine/society/usageBook';
import type { CallRecord } from '../../../src/core/llm/callRecord';
import { Limiter } from '../../../src/core/llm/limits/limiter';
import { TokenBucket } from '../../../src/core/llm/limits/tokenBucket';
import { isCached, markCached } from '../../../src/core/llm/usage';

describe('llm usage figures (real HTTP)', () => {
  const fake = useFakeOpenAI();

  for (const [name, usage] of [
    ['negative', { prompt_tokens: -100, completion_tokens: -5 }],
    ['strings', { prompt_tokens: '12', completion_tokens: 'lots' }],
    ['huge', { prompt_tokens: 1e300, completion_tokens: 1.5 }],
  ] as const) {
    it(`uses the estimate for ${name} token counts and notes the bad values in the call's faults`, async () => {
      fake.server.script = () => reply.usage(usage);
      const records: CallRecord[] = [];
      const model = registryFor(
        fake.server.url,
        { price: { input: 1, output: 2 } },
        { onCall: (r) => records.push(r) },
      ).model('gpt');
      const res = await model.decide(requests.interview());
      assert.ok(Number.isSafeInteger(res.usage.input_tokens) && res.usage.input_tokens > 0);
      assert.ok(Number.isSafeInteger(res.usage.output_tokens) && res.usage.output_tokens > 0);
      assert.ok(typeof res.usage.cost_usd === 'number' && res.usage.cost_usd > 0);
      const [r] = records;
      assert.equal(r.attempts, 1, 'a note is not an attempt');
      assert.equal(r.faults.length, 1);
      assert.equal(r.faults[0].note, true);
      assert.equal(r.faults[0].reason, 'bad_response');
      assert.match(r.faults[0].message, /usage prompt_tokens = .*completion_tokens = .*not token counts/);
    });
  }

  it('takes no note when the endpoint sends no usage', async () => {
    fake.server.script = () => reply.usage(null);
    const records: CallRecord[] = [];
    await registryFor(fake.server.url, {}, { onCall: (r) => records.push(r) })
      .model('gpt')
      .decide(requests.interview());
    assert.deepEqual(records[0].faults, []);
  });

  it('marks cached answers outside their JSON, so a replayed trace is unchanged', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-usage-'));
    try {
      const live = await registryFor(fake.server.url, {}, { cacheDir: dir }).model('gpt').decide(requests.interview());
      const again = await registryFor(fake.server.url, {}, { cacheDir: dir, replay: true })
        .model('gpt')
        .decide(requests.interview());
      assert.equal(isCached(live.usage), false);
      assert.equal(isCached(again.usage), true);
      assert.equal(JSON.stringify(again), JSON.stringify(live));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('llm limits: figures that would stall them', () => {
  it('token bucket: debt is capped at a minute of refill, and non-numbers are ignored', () => {
    const b = TokenBucket.perMinute(600, 0); // 10 per second
    b.take(1e300, 0);
    assert.equal(b.waitMs(1, 0), 60_100, 'one minute of debt plus the token itself');
    b.adjust(Number.NaN, 0);
    b.adjust(-Infinity, 0);
    assert.equal(b.waitMs(1, 0), 60_100);
  });

  it('limiter: a wait beyond what setTimeout can hold sleeps in capped steps, without warnings', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w.name);
    };
    process.on('warning', onWarning);
    const limiter = new Limiter({ concurrency: 1 });
    limiter.pause(Date.now() + 1e13);
    const ac = new AbortController();
    const pending = limiter.acquire(1, ac.signal).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 30));
    ac.abort();
    assert.equal(await pending, 'aborted');
    process.off('warning', onWarning);
    assert.deepEqual(warnings, []);
  });
});

describe('usage book: answers from the cache', () => {
  const usage = (cost: number) => ({ model: 'gpt', input_tokens: 100, output_tokens: 10, cost_usd: cost });

  it('counts cached decisions and what they saved apart, and reports only what was spent', () => {
    const book = new UsageBook();
    book.record('maya', 'act', usage(0.002));
    book.record('ali', 'act', markCached(usage(0.003)));
    assert.deepEqual(
      book.total,
      { calls: 2, input_tokens: 200, output_tokens: 20, cost_usd: 0.005 },
      'totals as in the trace',
    );
    const text = book.format();
    assert.match(text, /model calls: 2 calls, 200 in \+ 20 out tokens, \$0\.0020 \(1 from cache, \$0\.0030 saved\)/);
    assert.match(text, /model gpt: .*\(1 from cache, \$0\.0030 saved\)/);
    assert.match(text, /phase act: .*\(1 from cache/);
    const restored = UsageBook.fromJSON(JSON.parse(JSON.stringify(book.toJSON())));
    assert.equal(restored.format(), text, 'a checkpoint keeps the cached part');
  });

  it('reports a model without a price as unpriced, not $0 (QA: docs promised it, the summary said $0.0000)', () => {
    const book = new UsageBook();
    book.record('maya', 'act', { model: 'gpt', input_tokens: 100, output_tokens: 10, cost_usd: 0.002 });
    book.record('maya', 'coach', { model: 'coach', input_tokens: 50, output_tokens: 5, cost_usd: 0 });
    const text = book.format(new Set(['coach']));
    assert.match(text, /model calls: 2 calls, 150 in \+ 15 out tokens, \$0\.0020 \(not counting coach: no price\)/);
    assert.match(text, /model coach: 1 call, 50 in \+ 5 out tokens, unpriced/);
    assert.match(text, /model gpt: 1 call, 100 in \+ 10 out tokens, \$0\.0020/);
  });

  it('says nothing about the cache when nothing came from it', () => {
    const book = new UsageBook();
    book.record('maya', 'act', usage(0.002));
    assert.doesNotMatch(book.format(), /cache/);
    assert.equal(book.toJSON().cached, undefined);
  });
});
