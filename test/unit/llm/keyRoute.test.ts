// Where a key may go (keyRoute.ts): a provider's conventional key to its own host over https
// without a word; every other pairing only as the user allowed it, host and port as URL reads them.
import * as assert from 'node:assert/strict';
import {
  configKeyRefusal,
  keyAllowances,
  keyMayGo,
  keyRouteRefusal,
  keyTarget,
  parseAllowance,
  unallowedKeyRoutes,
  type KeyAllowance,
} from '../../../src/core/llm/keyRoute';
import { modelConfig } from '../../support/llmFixtures';

function mayGo(env: string, url: string, allowed: readonly string[] = []): boolean {
  const target = keyTarget(url);
  assert.ok(target, url);
  return keyMayGo(env, target, keyAllowances(allowed, {}));
}

describe('key route policy', () => {
  it('lets a conventional key go to its own provider host over https, and nowhere else without a word', () => {
    assert.equal(mayGo('OPENAI_API_KEY', 'https://api.openai.com/v1'), true);
    assert.equal(mayGo('OPENAI_API_KEY', 'https://API.OpenAI.com./v1'), true);
    // Issue 87: an Azure key goes only to the resource the user named, not to any *.openai.azure.com.
    assert.equal(mayGo('AZURE_OPENAI_API_KEY', 'https://someone-elses.openai.azure.com'), false);
    assert.equal(
      mayGo('AZURE_OPENAI_API_KEY', 'https://my-res.openai.azure.com', [
        'AZURE_OPENAI_API_KEY@my-res.openai.azure.com',
      ]),
      true,
    );
    assert.equal(mayGo('AZURE_OPENAI_API_KEY', 'https://openai.azure.com.evil.example'), false);
    assert.equal(mayGo('AZURE_OPENAI_API_KEY', 'https://evilopenai.azure.com'), false);
    assert.equal(mayGo('OPENAI_API_KEY', 'http://api.openai.com/v1'), false, 'not over plain http');
    assert.equal(mayGo('OPENAI_API_KEY', 'https://api.openai.com:8443/v1'), false, 'not on another port');
    assert.equal(mayGo('OPENAI_API_KEY', 'https://api.openai.com.evil.example/v1'), false);
    assert.equal(mayGo('GITHUB_TOKEN', 'https://api.openai.com/v1'), false, 'another variable to the right host');
    assert.equal(mayGo('OPENAI_API_KEY', 'https://api.groq.com/openai/v1'), false, "another provider's host");
  });

  it('reads the host as URL does: userinfo is not the host', () => {
    assert.equal(mayGo('OPENAI_API_KEY', 'https://api.openai.com@evil.example/v1'), false);
    assert.equal(mayGo('OPENAI_API_KEY', 'https://user:pw@api.openai.com/v1'), true);
    assert.equal(keyTarget('https://api.openai.com@evil.example/v1')?.host, 'evil.example');
  });

  it('holds an allowance to its host and port, whatever their case, trailing dots or IPv6 spelling', () => {
    assert.equal(mayGo('LAB_KEY', 'http://localhost:8080/v1', ['LAB_KEY@localhost:8080']), true);
    assert.equal(mayGo('LAB_KEY', 'http://LocalHost.:8080/v1', ['LAB_KEY@localhost:8080']), true);
    assert.equal(mayGo('LAB_KEY', 'http://localhost:8081/v1', ['LAB_KEY@localhost:8080']), false);
    assert.equal(mayGo('LAB_KEY', 'http://localhost:8080/v1', ['LAB_KEY@localhost']), false, 'no port: https on 443');
    // Issue 87: a port-less allowance let the key go over plain http on 80, in clear text.
    assert.equal(mayGo('LAB_KEY', 'http://llm.example.com/v1', ['LAB_KEY@llm.example.com']), false);
    assert.equal(mayGo('LAB_KEY', 'http://llm.example.com/v1', ['LAB_KEY@llm.example.com:80']), true, 'said outright');
    assert.equal(mayGo('LAB_KEY', 'https://llm.example.com/v1', ['LAB_KEY@LLM.Example.com.']), true);
    assert.equal(mayGo('LAB_KEY', 'https://llm.example.com/v1', ['LAB_KEY@llm.example.com:443']), true);
    assert.equal(mayGo('LAB_KEY', 'http://[::1]:9000/v1', ['LAB_KEY@[0:0:0:0:0:0:0:1]:9000']), true);
    assert.equal(typeof parseAllowance('LAB_KEY@::1'), 'string', 'IPv6 is written in brackets');
    assert.equal(mayGo('OTHER_KEY', 'http://localhost:8080/v1', ['LAB_KEY@localhost:8080']), false);
    assert.equal(mayGo('lab_key', 'http://localhost:8080/v1', ['LAB_KEY@localhost:8080']), false);
    assert.equal(
      mayGo('LAB_KEY', 'http://127.0.0.1:8080/v1', ['LAB_KEY@localhost:8080']),
      false,
      'names, not addresses',
    );
  });

  it('refuses allowances that are not VAR@HOST[:PORT], naming the entry', () => {
    for (const bad of [
      'LAB_KEY',
      '@localhost',
      'LAB KEY@localhost',
      'K@',
      'K@host:0',
      'K@host:70000',
      'K@user@host',
      'K@h/x',
      'K@*',
      'K@*:8080',
      'K@*.openai.azure.com',
    ]) {
      assert.equal(typeof parseAllowance(bad), 'string', bad);
    }
    assert.throws(() => keyAllowances([], { SOCIETY_ALLOW_KEYS: 'A@x.com,oops' }), /'oops' is not VAR@HOST/);
    assert.throws(() => keyAllowances(['K@*:8443']), /'K@\*:8443': no wildcards: name the one host/);
    const both: KeyAllowance[] = keyAllowances(['A@x.com'], { SOCIETY_ALLOW_KEYS: ' B@y.com:81 , C@[::1]' });
    assert.deepEqual(both, [
      { env: 'A', host: 'x.com' },
      { env: 'B', host: 'y.com', port: 81 },
      { env: 'C', host: '[::1]' },
    ]);
  });

  it('says which variable, which host, why, and how to allow it', () => {
    const m = keyRouteRefusal('gpt', 'GITHUB_TOKEN', 'http://127.0.0.1:4000/v1', []);
    assert.ok(m);
    assert.match(m, /GITHUB_TOKEN/);
    assert.match(m, /127\.0\.0\.1:4000/);
    assert.match(m, /--allow-key GITHUB_TOKEN@127\.0\.0\.1:4000/);
    assert.match(m, /SOCIETY_ALLOW_KEYS=GITHUB_TOKEN@127\.0\.0\.1:4000/);
    assert.match(m, /VS Code/);
    assert.match(keyRouteRefusal('gpt', 'OPENAI_API_KEY', 'http://api.openai.com/v1', []) ?? '', /only over https/);
    assert.match(keyRouteRefusal('gpt', 'K', 'file:///etc/passwd', []) ?? '', /not an http\(s\) URL/);
  });

  it('judges a config by the host its calls go to, its provider default when it names none', () => {
    assert.equal(
      configKeyRefusal(modelConfig('gpt', { api_key_env: 'OPENAI_API_KEY', base_url: undefined }), []),
      undefined,
    );
    assert.ok(configKeyRefusal(modelConfig('gpt', { api_key_env: 'GITHUB_TOKEN', base_url: undefined }), []));
    assert.equal(
      configKeyRefusal(modelConfig('gpt', { base_url: 'http://evil.example' }), []),
      undefined,
      'no key, nothing to send',
    );
  });
});

describe('key routes to ask about', () => {
  it('lists each pairing not yet allowed once, and none for a conventional key or a keyless model', () => {
    const configs = [
      modelConfig('a', { api_key_env: 'GITHUB_TOKEN', base_url: 'http://127.0.0.1:4000/v1' }),
      modelConfig('b', { api_key_env: 'GITHUB_TOKEN', base_url: 'http://127.0.0.1:4000/other' }),
      modelConfig('c', { api_key_env: 'LAB_KEY', base_url: 'https://lab.example.com/v1' }),
      modelConfig('d', { api_key_env: 'OPENAI_API_KEY' }),
      modelConfig('e', { base_url: 'http://evil.example/v1' }),
    ];
    assert.deepEqual(unallowedKeyRoutes(configs, []), [
      { model: 'a', env: 'GITHUB_TOKEN', host: '127.0.0.1:4000', allow: 'GITHUB_TOKEN@127.0.0.1:4000' },
      { model: 'c', env: 'LAB_KEY', host: 'lab.example.com', allow: 'LAB_KEY@lab.example.com' },
    ]);
    assert.deepEqual(
      unallowedKeyRoutes(configs, keyAllowances(['GITHUB_TOKEN@127.0.0.1:4000'], {})).map((a) => a.model),
      ['c'],
    );
  });
});
