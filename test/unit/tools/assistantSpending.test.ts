// Issue 87: 3. An assistant spends only with the user's word: `society mcp` without --cost-limit
// once started a $568 run with the provider's own key. Now the session has the user's limit ($1
// unless they say otherwise), held across every run tool and metered before each model call; no
// tool argument raises it, and a refusal says how to ask the user.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { cliHost } from '../../../src/cli/mcp/cliHost';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { withMcpClient } from '../../support/mcpSession';
import { scratchDir } from '../../support/scratch';

const root = path.resolve(__dirname, '../../..');
const PER_CALL = (20_000 * 10 + 10 * 30) / 1e6; // $0.2003: 20k prompt tokens at $10 a million

function pricedFolder(url: string, rounds = 4): string {
  const cwd = scratchDir('society-assistant-spend-');
  fs.writeFileSync(
    path.join(cwd, 'priced.society'),
    [
      'kind: scenario',
      'name: Priced',
      'seed: 3',
      'personas:',
      '  - { id: maya, name: Maya Chen, interests: [bouldering] }',
      '  - { id: tom, name: Tom Nguyen, interests: [bouldering] }',
      `world: { rounds: ${rounds} }`,
      `models: { default: { provider: openai, model: fake-model, base_url: "${url}", retries: 0, price: { input: 10, output: 30 } } }`,
      '',
    ].join('\n'),
  );
  return cwd;
}

const textOf = (r: unknown) => (r as { content: { text: string }[] }).content[0].text;

describe('an assistant spends only with the user’s word (issue 87: 3)', function () {
  const fake = useFakeOpenAI();

  it('`society mcp` with no --cost-limit holds the tools to $1: a run estimated above it is refused, and a tool argument cannot raise it', async () => {
    const cwd = pricedFolder(fake.server.url, 40); // ≈ $4.85 by the estimate
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [path.join(root, 'bin', 'society.js'), 'mcp'],
      cwd,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(transport);
    try {
      const r = await client.callTool({
        name: 'society_run',
        arguments: { scenario: 'priced.society', out: 'runs/a', costLimitUsd: 1000, max_cost: 1000 },
      });
      assert.equal(r.isError, true, textOf(r));
      assert.match(textOf(r), /estimated \$\d\.\d\d, above what the cost limit leaves: \$1\.00/);
      assert.match(
        textOf(r),
        /no tool argument raises it\. Ask the user to start `society mcp` again with a higher `--cost-limit USD`/,
      );
      assert.equal(fake.server.count, 0, 'nothing was sent');
    } finally {
      await client.close();
    }
  });

  it('the limit holds for the session: a run is stopped at it (≤ $1 plus one call), and the next is refused', async () => {
    const cwd = pricedFolder(fake.server.url);
    fake.server.script = () => reply.usage({ prompt_tokens: 20_000, completion_tokens: 10, total_tokens: 20_010 });
    await withMcpClient(cliHost(cwd, 1), async (client) => {
      const first = await client.callTool({
        name: 'society_run',
        arguments: { scenario: 'priced.society', out: 'runs/a' },
      });
      assert.match(textOf(first), /stopped at the cost limit.*Ask the user to start `society mcp` again/s);
      const billed = fake.server.chatRequests().length * PER_CALL;
      assert.ok(billed <= 1 + PER_CALL + 1e-9, `billed $${billed.toFixed(4)} under a $1 session limit`);
      const asked = fake.server.count;
      const second = await client.callTool({
        name: 'society_run',
        arguments: { scenario: 'priced.society', out: 'runs/b' },
      });
      assert.equal(second.isError, true, textOf(second));
      assert.match(
        textOf(second),
        /this session's tools have spent \$\d\.\d\d of the user's limit of \$1\.00.*Ask the user/s,
      );
      assert.equal(fake.server.count, asked, 'the second run sent nothing');
    });
  });
});
