// No secret reaches an output: error messages, call records, the cache, labels — even when the
// endpoint echoes the key back in an error body.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { registryFor, requests } from '../../support/llmFixtures';
import type { CallRecord } from '../../../src/core/llm/callRecord';
import { MissingKeyError } from '../../../src/core/llm/registry';
import { Redactor } from '../../../src/core/llm/redact';

const KEY = 'sk-proj-Zq8v3LmN0pQrStUvWxYz123456';
const HEADER_SECRET = 'tok_9f8e7d6c5b4a';

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('llm secrets (real HTTP)', () => {
  const fake = useFakeOpenAI();

  it('sends the key as a header but never lets it into errors, records, labels or the cache', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-secrets-'));
    try {
      // The endpoint echoes the credentials it received in its error message, as some proxies do.
      fake.server.script = (r) =>
        r.n === 0
          ? reply.status(
              401,
              `Incorrect API key provided: ${r.headers.authorization}; x-auth-token=${r.headers['x-auth-token']}`,
            )
          : undefined;
      const records: CallRecord[] = [];
      const registry = registryFor(
        fake.server.url,
        { api_key_env: 'LAB_KEY', headers: { 'X-Auth-Token': HEADER_SECRET } },
        {
          secrets: (n) => (n === 'LAB_KEY' ? KEY : undefined),
          cacheDir: dir,
          onCall: (r) => records.push(r),
        },
      );
      const model = registry.model('gpt');
      const err = await model.decide(requests.interview()).then(
        () => undefined,
        (e: Error) => e,
      );
      const ok = await model.decide(requests.speak());
      assert.equal(fake.server.requests[0].headers.authorization, `Bearer ${KEY}`);
      assert.equal(fake.server.requests[0].headers['x-auth-token'], HEADER_SECRET);
      assert.ok(err, 'the 401 failed the decision');
      const outputs = [
        err!.message,
        String(err!.stack),
        JSON.stringify(err),
        JSON.stringify(records),
        JSON.stringify(ok),
        model.label,
        ...filesUnder(dir).map((f) => fs.readFileSync(f, 'utf8')),
      ];
      assert.ok(outputs.length > 6);
      for (const out of outputs) {
        assert.ok(!out.includes(KEY), `key leaked into: ${out.slice(0, 200)}`);
        assert.ok(!out.includes(HEADER_SECRET), `header secret leaked into: ${out.slice(0, 200)}`);
      }
      assert.match(err!.message, /Incorrect API key provided: Bearer \[redacted\]/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a missing key names the variable, not a value, before any request', () => {
    const registry = registryFor(fake.server.url, { api_key_env: 'ABSENT_KEY_VAR' }, { secrets: () => undefined });
    assert.throws(
      () => registry.model('gpt'),
      (e: Error) => e instanceof MissingKeyError && /environment variable ABSENT_KEY_VAR/.test(e.message),
    );
    assert.equal(fake.server.requests.length, 0);
  });
});

describe('llm redactor', () => {
  it('masks registered secrets and credential-shaped text', () => {
    const r = new Redactor().add('hunter2-very-secret');
    assert.equal(r.redact('pw hunter2-very-secret!'), 'pw [redacted]!');
    assert.equal(r.redact('Authorization: Bearer abcdefghijklmnop'), 'Authorization: Bearer [redacted]');
    assert.equal(r.redact('key sk-abcdefghijklmnopqrstuv used'), 'key [redacted] used');
    assert.equal(r.redact('{"api_key": "zzzzzzzzzz"}'), '{"api_key": "[redacted]"}');
    assert.equal(r.redact('https://user:p4ssw0rd@host/v1'), 'https://user:[redacted]@host/v1');
    assert.equal(r.redact('nothing to hide, 42 tokens'), 'nothing to hide, 42 tokens');
  });
  it('treats auth-like header values as secrets', () => {
    const r = new Redactor().addHeaders({ 'X-Api-Token': 'abc123xyz', 'X-Team': 'research-lab' });
    assert.equal(r.redact('abc123xyz research-lab'), '[redacted] research-lab');
  });
});
