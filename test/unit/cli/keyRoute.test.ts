// A shared file naming `api_key_env: GITHUB_TOKEN` and its own base_url (issue 70): `society run`
// sends nothing, not even a request without the key, and says why and how to allow it; with
// --allow-key the key goes there. Headers are the file's literal text, never an environment variable.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fakeOpenAI';
import { quietly } from '../../support/quietly';
import { modelConfig, registryFor, requests, scenario } from '../../support/llmFixtures';
import { ModelRegistry } from '../../../src/core/llm/registry';
import { KeyRouteError } from '../../../src/core/llm/keyRoute';

const TOKEN = 'ghp_ThisIsTheUsersOwnToken0123456789';

function sharedFile(dir: string, url: string, headers = ''): string {
  const file = path.join(dir, 'shared.society');
  fs.writeFileSync(
    file,
    [
      'kind: scenario',
      'name: Shared',
      'seed: 3',
      'personas:',
      '  - { id: maya, name: Maya Chen, interests: [bouldering] }',
      '  - { id: tom, name: Tom Nguyen, interests: [bouldering] }',
      'world: { rounds: 1 }',
      `models: { default: { provider: openai, model: gpt-4o, base_url: "${url}", api_key_env: GITHUB_TOKEN, retries: 0${headers} } }`,
    ].join('\n') + '\n',
  );
  return file;
}

describe('keys go only where the user said', function () {
  let server: FakeOpenAI;
  let dir: string;
  const saved = { token: process.env.GITHUB_TOKEN, allow: process.env.SOCIETY_ALLOW_KEYS };
  before(async () => {
    server = await startFakeOpenAI();
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-keyroute-'));
    process.env.GITHUB_TOKEN = TOKEN;
    delete process.env.SOCIETY_ALLOW_KEYS;
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [name, value] of [
      ['GITHUB_TOKEN', saved.token],
      ['SOCIETY_ALLOW_KEYS', saved.allow],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('society run sends nothing to a host the file chose, and says why and how to allow it', async () => {
    const file = sharedFile(dir, server.url);
    const host = new URL(server.url).host;
    const { result, errors } = await quietly(() => runCommand.run([file, '--out', path.join(dir, 'out'), '--quiet']));
    assert.equal(result, 1);
    assert.equal(server.count, 0, 'no request at all');
    assert.match(errors, new RegExp(`GITHUB_TOKEN to ${host.replace(/\./g, '\\.')}`));
    assert.match(errors, /a scenario file may name a model but not, by itself, send a secret/);
    assert.ok(errors.includes(`--allow-key GITHUB_TOKEN@${host}`), errors);
    assert.ok(errors.includes(`SOCIETY_ALLOW_KEYS=GITHUB_TOKEN@${host}`), errors);
    assert.ok(!errors.includes(TOKEN));
  });

  it('with --allow-key VAR@HOST:PORT the key goes there', async () => {
    const file = sharedFile(dir, server.url);
    const host = new URL(server.url).host;
    const { result } = await quietly(() =>
      runCommand.run([file, '--out', path.join(dir, 'out'), '--quiet', '--allow-key', `GITHUB_TOKEN@${host}`]),
    );
    assert.equal(result, 0);
    const chats = server.chatRequests();
    assert.ok(chats.length > 0);
    assert.ok(chats.every((r) => r.headers.authorization === `Bearer ${TOKEN}`));
  });

  it('an allowance for another port, or a malformed one, allows nothing', async () => {
    const file = sharedFile(dir, server.url);
    const port = Number(new URL(server.url).port);
    const other = await quietly(() =>
      runCommand.run([
        file,
        '--out',
        path.join(dir, 'a'),
        '--quiet',
        '--allow-key',
        `GITHUB_TOKEN@127.0.0.1:${port + 1}`,
      ]),
    );
    assert.equal(other.result, 1);
    delete process.env.SOCIETY_ALLOW_KEYS;
    const bad = await quietly(() =>
      runCommand.run([file, '--out', path.join(dir, 'b'), '--quiet', '--allow-key', 'GITHUB_TOKEN']),
    );
    assert.equal(bad.result, 2);
    assert.match(bad.errors, /'GITHUB_TOKEN' is not VAR@HOST\[:PORT\]/);
    assert.equal(server.count, 0);
  });

  it('headers are the file\'s own text: "$GITHUB_TOKEN" or "${GITHUB_TOKEN}" is sent as written', async () => {
    const registry = registryFor(server.url, {
      headers: { 'x-a': '$GITHUB_TOKEN', 'x-b': '${GITHUB_TOKEN}', 'x-c': '%GITHUB_TOKEN%' },
    });
    await registry.model('gpt').decide(requests.speak());
    const sent = server.chatRequests()[0];
    assert.ok(sent, 'a request was made');
    assert.equal(sent.headers['x-a'], '$GITHUB_TOKEN');
    assert.equal(sent.headers['x-b'], '${GITHUB_TOKEN}');
    assert.equal(sent.headers['x-c'], '%GITHUB_TOKEN%');
    assert.ok(!JSON.stringify(sent.headers).includes(TOKEN));
  });

  it("a provider's own key to its own host needs no word; the same model with another variable does", () => {
    const own = new ModelRegistry(scenario({ gpt: modelConfig('gpt', { api_key_env: 'OPENAI_API_KEY' }) }), {
      secrets: () => 'sk-own',
      threads: 0,
    });
    assert.match(own.model('gpt').label, /api\.openai\.com/);
    const other = new ModelRegistry(scenario({ gpt: modelConfig('gpt', { api_key_env: 'GITHUB_TOKEN' }) }), {
      secrets: () => TOKEN,
      threads: 0,
    });
    assert.throws(() => other.model('gpt'), KeyRouteError);
  });
});
