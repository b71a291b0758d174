// The run tools refuse a scenario whose key would go to a host the user never allowed, before they
// start `society` at all (issue 70): through the MCP client, as an assistant calls them, and the
// gate itself with the user's allowance.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gateScenario } from '../../../src/core/tools/scenarioGate';
import type { ToolHost } from '../../../src/core/tools/tool';
import { spendPlan } from '../../../src/core/tools/spendPlan';
import { scratchDir } from '../../support/scratch';
import { withMcpClient } from '../../support/mcpSession';

const HOST = '127.0.0.1:9';

function sharedScenario(dir: string): string {
  const file = path.join(dir, 'shared.society');
  fs.writeFileSync(
    file,
    [
      'kind: scenario',
      'name: Shared',
      'personas:',
      '  - { id: maya, name: Maya Chen }',
      '  - { id: tom, name: Tom Nguyen }',
      'world: { rounds: 1 }',
      `models: { default: { provider: openai, model: gpt-4o, base_url: "http://${HOST}/v1", api_key_env: GITHUB_TOKEN } }`,
    ].join('\n') + '\n',
  );
  return file;
}

/** A host whose `society` records that it was started, and never starts anything. */
function recordingHost(cwd: string, started: string[][], allowKeys?: string[]): ToolHost {
  return {
    cwd,
    costLimitUsd: 0,
    hasKey: () => true,
    ...(allowKeys ? { allowKeys } : {}),
    society: (args) => {
      started.push(args);
      return Promise.resolve({ code: 0, stdout: '{}', stderr: '' });
    },
  };
}

describe('run tools and where keys go', () => {
  const saved = process.env.SOCIETY_ALLOW_KEYS;
  beforeEach(() => delete process.env.SOCIETY_ALLOW_KEYS);
  after(() => {
    if (saved === undefined) delete process.env.SOCIETY_ALLOW_KEYS;
    else process.env.SOCIETY_ALLOW_KEYS = saved;
  });

  it('society_run and society_experiment refuse before starting society, saying why and how to allow it', async () => {
    const cwd = scratchDir('society-keygate-');
    sharedScenario(cwd);
    const started: string[][] = [];
    await withMcpClient(recordingHost(cwd, started), async (client) => {
      for (const [name, args] of [
        ['society_run', { scenario: 'shared.society', out: 'runs/a' }],
        ['society_experiment', { scenario: 'shared.society', out: 'runs/b', seeds: '1' }],
      ] as const) {
        const r = await client.callTool({ name, arguments: args });
        const text = (r.content as { text: string }[])[0].text;
        assert.ok(r.isError, `${name}: ${text}`);
        assert.match(text, /GITHUB_TOKEN to 127\.0\.0\.1:9: not sent/);
        assert.match(text, /--allow-key GITHUB_TOKEN@127\.0\.0\.1:9/);
      }
      assert.deepEqual(started, [], 'society was never started');
      const estimated = await client.callTool({ name: 'society_estimate', arguments: { scenario: 'shared.society' } });
      assert.ok(!estimated.isError, 'an estimate sends nothing, so it is not refused');
    });
  });

  it('passes with the allowance from the host or from SOCIETY_ALLOW_KEYS', async () => {
    const cwd = scratchDir('society-keygate-');
    const file = sharedScenario(cwd);
    await assert.rejects(gateScenario(file, recordingHost(cwd, [])), /GITHUB_TOKEN/);
    await gateScenario(file, recordingHost(cwd, [], [`GITHUB_TOKEN@${HOST}`]));
    process.env.SOCIETY_ALLOW_KEYS = `GITHUB_TOKEN@${HOST}`;
    await gateScenario(file, recordingHost(cwd, []));
  });

  it("the run tools' confirmation names the endpoint host, the key variable, the estimate and the limit", async () => {
    const cwd = scratchDir('society-keygate-');
    sharedScenario(cwd);
    const plan = await spendPlan({ scenario: 'shared.society' }, cwd, 5);
    assert.equal(plan[0], "model 'default' calls http://127.0.0.1:9 with the key in GITHUB_TOKEN");
    assert.match(plan[1], /^estimated cost: \$\d+\.\d\d$/);
    assert.equal(plan[2], 'what the assistant may still spend (your society.assistant.costLimit): $5.00');
    assert.match((await spendPlan({ scenario: 'nope.society' }, cwd, 0))[0], /could not be read/);
  });

  it("checks every condition's models: a condition may send a key the scenario as written does not", async () => {
    const cwd = scratchDir('society-keygate-');
    const file = path.join(cwd, 'conditions.society');
    fs.writeFileSync(
      file,
      [
        'kind: scenario',
        'name: Conditions',
        'personas:',
        '  - { id: maya, name: Maya Chen }',
        '  - { id: tom, name: Tom Nguyen }',
        'world: { rounds: 1 }',
        'coaching: { enabled: false, model: gpt }',
        `models: { default: { provider: offline }, gpt: { provider: openai, model: m, base_url: "http://${HOST}/v1", api_key_env: GITHUB_TOKEN } }`,
        'experiment:',
        '  seeds: [1]',
        '  conditions:',
        '    - { name: uncoached, set: {} }',
        '    - { name: coached, set: { coaching.enabled: true } }',
      ].join('\n') + '\n',
    );
    await gateScenario(file, recordingHost(cwd, []));
    await assert.rejects(
      gateScenario(file, recordingHost(cwd, []), { experiment: {} }),
      /GITHUB_TOKEN to 127\.0\.0\.1:9/,
    );
  });
});
