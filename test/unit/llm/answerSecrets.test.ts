// Secrets and terminal control codes in what a model or an endpoint sends back: a key quoted in
// an answer is masked before the answer is parsed or cached (so a replay without the key is
// identical); URL credentials stay out of the trace header; excerpts are printable.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { scratchDir } from '../../support/scratch';
import { modelConfig, registryFor, requests, scenario } from '../../support/llmFixtures';
import { buildHeader, publicModelSettings } from '../../../src/core/engine/society/header';
import { ModelCallError } from '../../../src/core/llm/errors';
import { Redactor, maskUrlCredentials } from '../../../src/core/llm/redact';

const KEY = 'sk-qa-Answer0Leak1Key2345';

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('llm answers: secrets and control codes (real HTTP)', () => {
  const fake = useFakeOpenAI();
  let dir: string;
  beforeEach(() => {
    dir = scratchDir('society-answers-');
  });

  it('masks the key in an answer before it is used or cached; the replay, without the key, answers the same', async () => {
    fake.server.script = () => reply.json({ answer: `my key is ${KEY} ok` });
    const live = registryFor(
      fake.server.url,
      { api_key_env: 'LAB_KEY' },
      { secrets: () => KEY, redactor: new Redactor(), cacheDir: dir },
    );
    const answer = await live.model('gpt').decide(requests.interview());
    assert.equal(answer.answer, 'my key is [redacted] ok');
    for (const f of filesUnder(dir)) assert.ok(!fs.readFileSync(f, 'utf8').includes(KEY), `key cached in ${f}`);

    const replay = registryFor(
      fake.server.url,
      { api_key_env: 'LAB_KEY' },
      { secrets: () => undefined, redactor: new Redactor(), cacheDir: dir, replay: true },
    );
    assert.equal(JSON.stringify(await replay.model('gpt').decide(requests.interview())), JSON.stringify(answer));
  });

  it('masks the key an endpoint returns JSON-escaped (sk\\u002d…): not in the answer, the cache or a replay (issue 33: 2)', async () => {
    const escaped = KEY.replace(/-/g, '\\u002d').replace('A', '\\u0041');
    fake.server.script = () => reply.content(`{"answer": "my key is ${escaped} ok"}`);
    const live = registryFor(
      fake.server.url,
      { api_key_env: 'LAB_KEY' },
      { secrets: () => KEY, redactor: new Redactor(), cacheDir: dir },
    );
    const answer = await live.model('gpt').decide(requests.interview());
    assert.equal(answer.answer, 'my key is [redacted] ok');
    for (const f of filesUnder(dir)) {
      const text = fs.readFileSync(f, 'utf8');
      assert.ok(
        !text.includes(KEY) && !text.includes(escaped) && !text.includes('Answer0Leak1Key2345'),
        `key cached in ${f}`,
      );
    }
    const replay = registryFor(
      fake.server.url,
      { api_key_env: 'LAB_KEY' },
      { secrets: () => undefined, redactor: new Redactor(), cacheDir: dir, replay: true },
    );
    assert.equal((await replay.model('gpt').decide(requests.interview())).answer, 'my key is [redacted] ok');
  });

  it("keeps an answer's credential-shaped prose that is not a known secret", async () => {
    fake.server.script = () => reply.json({ answer: 'the secret: tell nobody' });
    const live = registryFor(
      fake.server.url,
      { api_key_env: 'LAB_KEY' },
      { secrets: () => KEY, redactor: new Redactor() },
    );
    assert.equal((await live.model('gpt').decide(requests.interview())).answer, 'the secret: tell nobody');
  });

  it('shows control characters of an unusable answer as escapes', async () => {
    fake.server.script = () => reply.content('no json \u001b]0;pwned\u0007 \u001b[31mRED\u001b[0m');
    const err = await registryFor(fake.server.url)
      .model('gpt')
      .decide(requests.interview())
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(err instanceof ModelCallError);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(err.message), err.message);
    assert.match(err.message, /answer: "no json \\u001b\]0;pwned\\u0007 \\u001b\[31mRED/);
    for (const f of err.faults) assert.ok(!f.message.includes('\u001b'));
  });
});

describe('llm redaction of URLs and messages', () => {
  it('masks user, password and key-like query values of a base_url, keeping the rest as written', () => {
    assert.equal(maskUrlCredentials('http://user:pw-hunter2@host:8000/v1'), 'http://[redacted]@host:8000/v1');
    assert.equal(
      maskUrlCredentials('https://a:b@c@host/v1?api-key=xyz&api-version=2024'),
      'https://[redacted]@host/v1?api-key=[redacted]&api-version=2024',
    );
    assert.equal(maskUrlCredentials('http://127.0.0.1:11434/v1'), 'http://127.0.0.1:11434/v1');
  });

  it('the trace header records base_url without its credentials, the same every time', () => {
    const s = scenario({ gpt: modelConfig('gpt', { base_url: 'http://user:pw-hunter2@127.0.0.1:8000/v1' }) });
    assert.equal(publicModelSettings(s.models.gpt).base_url, 'http://[redacted]@127.0.0.1:8000/v1');
    const a = JSON.stringify(buildHeader(s, { seed: 1, rounds: 2 }));
    assert.ok(!a.includes('hunter2'));
    assert.equal(JSON.stringify(buildHeader(s, { seed: 1, rounds: 2 })), a);
  });

  it('message() shows control characters as escapes', () => {
    assert.equal(new Redactor().message(new Error('bad \u001b[2J\u009b answer')), 'bad \\u001b[2J\\u009b answer');
  });
});
