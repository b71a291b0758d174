// The debugger beside a model's decision (issues 86, 88): stopped in an agent's turn after a model
// chose its partner, Variables has a "Model call" scope, named by the agent's name, with the
// messages sent by role, the raw answer and the parse result, as the endpoint got and gave them.
// An offline run has no such scope (no call was made).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { scratchDir } from '../../support/scratch';
import { STATE_WAIT_MS } from '../../support/stateWait';
import { useFakeOpenAI } from '../../support/fakeOpenAI';
import { deadEndpointScenario } from '../../support/deadEndpoint';

const repo = path.resolve(__dirname, '../../..');
const scenario = (models: string): string => `kind: scenario
name: Asked
seed: 1
personas:
  - id: ann
    name: Ann Lee
    interests: [chess]
  - id: bob
    name: Bob Ray
    interests: [chess, tea]
world:
  setting: A room.
  rounds: 2
  encounters: { mode: random, per_round: 1 }
  conversation: { turns: 2 }
models:
  default: ${models}
`;
const ANN_LINE = 5; // `- id: ann`, 1-based

async function expand(dc: DebugClient, ref: number): Promise<Map<string, DebugProtocol.Variable>> {
  return new Map((await dc.variablesRequest({ variablesReference: ref })).body.variables.map((v) => [v.name, v]));
}

describe('society debug adapter: the Model call scope', function () {
  this.timeout(4 * STATE_WAIT_MS);
  const fake = useFakeOpenAI();
  let dc: DebugClient;
  let dir: string;
  before(() => {
    dir = scratchDir('society-dap-call-');
  });
  beforeEach(async () => {
    dc = new DebugClient(process.execPath, path.join(repo, 'src/debug/adapterMain.ts'), 'society', {
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() },
    });
    dc.defaultTimeout = STATE_WAIT_MS;
    await dc.start();
  });
  afterEach(async () => {
    await dc.stop();
  });

  /** Launches `file` stopped at Ann's turn in round 2 (her decisions of round 1 made). */
  async function atAnnsTurn(file: string): Promise<DebugProtocol.Scope[]> {
    const stopped = dc.waitForEvent('stopped');
    await Promise.all([
      dc
        .waitForEvent('initialized')
        .then(() =>
          dc.setBreakpointsRequest({
            source: { path: file },
            breakpoints: [{ line: ANN_LINE, condition: 'round >= 2' }],
          }),
        )
        .then(() => dc.configurationDoneRequest()),
      dc.launch({ scenario: file }),
    ]);
    await stopped;
    return (await dc.scopesRequest({ frameId: 3 })).body.scopes;
  }

  it("shows the messages sent, the raw answer and the parse result of the agent's model decision, by name", async () => {
    const file = path.join(dir, 'asked.society');
    fs.writeFileSync(file, scenario(`{ provider: openai, model: fake-model, base_url: "${fake.server.url}" }`));
    const scopes = await atAnnsTurn(file);
    assert.equal(scopes.length, 3, scopes.map((s) => s.name).join(', '));
    assert.equal(scopes[0].name, 'Agent Ann Lee');
    const named = /^Model call: Ann Lee · (\w+), round (1|2)$/.exec(scopes[1].name);
    assert.ok(named, scopes[1].name);
    assert.equal(scopes[2].name, 'World');
    const call = await expand(dc, scopes[1].variablesReference);
    assert.equal(call.get('model')!.value, '"default"');
    assert.equal(call.get('parse')!.value, '"ok"');
    const messages = await expand(dc, call.get('messages')!.variablesReference);
    const shown = [...messages.values()].map((v) => JSON.parse(v.value) as string);
    // The request the endpoint got for this decision: its kind, and these very messages.
    const sent = fake.server
      .chatRequests()
      .filter((r) => r.body.response_format?.json_schema?.name === named[1])
      .find(
        (r) =>
          JSON.stringify((r.body.messages as { content: string }[]).map((m) => m.content)) === JSON.stringify(shown),
      );
    assert.ok(sent, `no ${named[1]} request with the messages shown`);
    assert.deepEqual(
      [...messages.keys()],
      (sent.body.messages as { role: string }[]).map((m, i) => `${i + 1}. ${m.role}`),
    );
    assert.match(shown[0], /Ann Lee/, 'the system prompt is her persona');
    assert.ok(JSON.parse(call.get('answer')!.value).length > 0);
  });

  it('an offline decision has no Model call scope', async () => {
    const file = path.join(dir, 'offline.society');
    fs.writeFileSync(file, scenario('{ provider: offline }'));
    const scopes = await atAnnsTurn(file);
    assert.deepEqual(
      scopes.map((s) => s.name),
      ['Agent Ann Lee', 'World'],
    );
  });

  it('"Failed model calls" shows the failed call: what was sent and the error, beside the event', async () => {
    const file = await deadEndpointScenario(dir);
    const stopped = dc.waitForEvent('stopped');
    await Promise.all([
      dc
        .waitForEvent('initialized')
        .then(() => dc.setExceptionBreakpointsRequest({ filters: ['failedCall'] }))
        .then(() => dc.configurationDoneRequest()),
      dc.launch({ scenario: file }),
    ]);
    await stopped;
    const scopes = (await dc.scopesRequest({ frameId: 4 })).body.scopes;
    const named = scopes.map((s) => s.name);
    assert.equal(named[0], 'Event: Failed model calls');
    assert.match(named[1], /^Model call: (Ann|Bob) · choose_partner, round 1$/, named.join(', '));
    const call = await expand(dc, scopes[1].variablesReference);
    assert.match(call.get('error')!.value, /ECONNREFUSED/);
    assert.ok(!call.has('answer'), 'no answer came');
    const messages = await expand(dc, call.get('messages')!.variablesReference);
    assert.equal([...messages.keys()][0], '1. system');
  });
});
