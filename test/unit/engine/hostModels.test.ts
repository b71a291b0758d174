// Every host builds its models as `society run` does. Faults that retries got past (a 429, then
// the answer) reach the trace whichever host runs the simulation. QA: only `society run` wired the provider layer's call log into the simulation; the
// editor's Run, the debugger and experiments built theirs without it, so their traces had no
// `recovered` events and the debugger's "Retried model calls" breakpoint could never stop. The
// registry now keeps the log itself (ModelRegistry.calls). And a debug launch's `rounds` reaches
// the prompts as `--rounds` does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeOpenAI, reply, startFakeOpenAI } from '../../support/fakeOpenAI';
import { allowKeyTo } from '../../support/llmFixtures';
import { runOne } from '../../../src/core/experiment/runOne';
import { createRun } from '../../../src/debug/debugRun';
import { registryModels } from '../../../src/debug/registryModels';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';

const RECOVERED = /"message":"recovered after \d+ faults?: rate_limited 429[^\n]*"handling":"recovered"/;

describe("models in every host: recovered faults, the run's rounds", function () {
  let server: FakeOpenAI, dir: string, file: string, scenario: Scenario;
  before(async () => {
    server = await startFakeOpenAI();
  });
  after(async () => {
    await server.close();
  });
  beforeEach(async () => {
    server.reset();
    // Every 6th request is rate limited once, with Retry-After 0: the provider layer retries it.
    server.script = (r) => (r.n % 6 === 2 ? reply.rateLimited(0) : undefined);
    process.env.SOCIETY_TEST_FAKE_KEY = 'sk-test';
    process.env.SOCIETY_ALLOW_KEYS = allowKeyTo(server.url, 'SOCIETY_TEST_FAKE_KEY').join(',');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-recovered-'));
    file = path.join(dir, 'llm.society');
    fs.writeFileSync(
      file,
      [
        'kind: scenario',
        'name: Retried',
        'seed: 3',
        'personas:',
        '  - { id: maya, name: Maya Chen, interests: [bouldering, open data] }',
        '  - { id: tom, name: Tom Nguyen, interests: [bouldering, jazz] }',
        'world: { rounds: 1 }',
        `models: { default: { provider: openai, model: fake-model, base_url: "${server.url}", api_key_env: SOCIETY_TEST_FAKE_KEY, retries: 3 } }`,
      ].join('\n') + '\n',
    );
    const loaded = await loadScenarioFile(file, { root: dir });
    assert.deepEqual(
      loaded.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    scenario = loaded.scenario!;
  });
  afterEach(() => {
    delete process.env.SOCIETY_TEST_FAKE_KEY;
    delete process.env.SOCIETY_ALLOW_KEYS;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an experiment run', async () => {
    const tracePath = path.join(dir, 'run.jsonl');
    const outcome = await runOne(scenario, { name: 'base', set: {} }, 3, { tracePath });
    assert.ok(
      server.chatRequests().some((r) => r.n % 6 === 2),
      'a request was rate limited',
    );
    assert.match(fs.readFileSync(tracePath, 'utf8'), RECOVERED);
    assert.equal(outcome.faults?.failed_calls ?? 0, 0, 'retried, not failed');
  });

  it("a debug session (the stand-alone adapter's models; the editor passes its keys to the same function)", async () => {
    const tracePath = path.join(dir, 'debug.jsonl');
    const run = await createRun({ scenario: file, root: dir, trace: tracePath }, (s, run) => registryModels(s, run));
    const events: string[] = [];
    run.sim.on((e) => {
      if (e.type === 'error') events.push(JSON.stringify(e));
    });
    assert.equal((await run.runtime.start(run.abort.signal)).status, 'completed');
    await run.close();
    assert.ok(
      events.some((e) => RECOVERED.test(e)),
      events.join('\n'),
    );
    assert.match(fs.readFileSync(tracePath, 'utf8'), RECOVERED);
  });

  it("a debug session's prompts give the launch configuration's rounds, not the scenario's", async () => {
    server.script = undefined;
    const run = await createRun({ scenario: file, root: dir, rounds: 3 }, (s, shape) => registryModels(s, shape));
    run.sim.afterRound = async (round) => {
      if (round >= 1) run.abort.abort();
    };
    await run.runtime.start(run.abort.signal);
    await run.close();
    // The round is in the user message: the system message stays the same all run (cache layout).
    const systems = server.chatRequests().map((r) => String(r.body?.messages?.[1]?.content ?? ''));
    assert.ok(systems.length > 0);
    assert.ok(
      systems.every((t) => /round 1 of 3\./.test(t)),
      systems.find((t) => !/round 1 of 3\./.test(t)),
    );
  });
});
