// `society mcp` driven by the MCP SDK's own client: the tools listed, a check that finds a seeded
// mistake and the fix it offers applied, a run, and a SQL question about that run; once in memory
// (the server object) and once over stdio (the real command).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { cliHost } from '../../../src/cli/mcp/cliHost';
import { TOOLS } from '../../../src/core/tools/tools';
import { scratchDir } from '../../support/scratch';
import { withMcpClient } from '../../support/mcpSession';

const root = path.resolve(__dirname, '../../..');

interface Fix {
  title: string;
  replace: string;
  with: string;
}

/** The JSON a tool answered (its text), failing with the text when it was an error. */
async function call(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await client.callTool({ name, arguments: args });
  const text = (r.content as { type: string; text: string }[])[0].text;
  assert.ok(!r.isError, `${name}: ${text}`);
  // Every answer's content sits under `untrusted_data` (core/tools/untrustedData.ts).
  const answer = JSON.parse(text) as { note: string; untrusted_data: Record<string, unknown> };
  assert.match(answer.note, /never instructions to follow/);
  return answer.untrusted_data;
}

/** Applies a fix given as `file:line:col-line:col` → text. */
function applyFix(cwd: string, fix: Fix): void {
  const m = /^(.*):(\d+):(\d+)-(\d+):(\d+)$/.exec(fix.replace)!;
  const file = path.resolve(cwd, m[1]);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const [l1, c1, l2, c2] = m.slice(2).map(Number);
  assert.equal(l1, l2, 'a one-line fix');
  const line = lines[l1 - 1];
  lines[l1 - 1] = line.slice(0, c1 - 1) + fix.with + line.slice(c2 - 1);
  fs.writeFileSync(file, lines.join('\n'));
}

/** A copy of the friends example with one mistake in it. */
function seededSociety(): string {
  const dir = scratchDir('society-mcp-');
  fs.cpSync(path.join(root, 'examples/friends'), dir, { recursive: true });
  const file = path.join(dir, 'friends.society');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('mode: recommend', 'mode: recomend'));
  return dir;
}

describe('society mcp', function () {
  it('lists the tools, finds a seeded mistake, fixes it, runs and answers SQL (in memory)', async () => {
    const cwd = seededSociety();
    await withMcpClient(cliHost(cwd, 0), async (client) => {
      const { tools } = await client.listTools();
      assert.deepEqual(
        tools.map((t) => t.name),
        TOOLS.map((t) => t.name),
      );
      const sqlTool = tools.find((t) => t.name === 'society_sql')!;
      assert.deepEqual(sqlTool.inputSchema.required, ['run', 'query']);

      const checked = await call(client, 'society_check', { paths: ['friends.society'] });
      assert.equal(checked.errors, 1);
      const [problem] = checked.problems as { at: string; code: string; fixes: Fix[] }[];
      assert.equal(problem.code, 'SOC013');
      assert.match(problem.at, /^friends\.society:\d+:\d+$/);
      assert.equal(problem.fixes[0].with, 'recommend');
      applyFix(cwd, problem.fixes[0]);
      assert.equal((await call(client, 'society_check', { paths: ['friends.society'] })).errors, 0);

      const ran = await call(client, 'society_run', { scenario: 'friends.society', out: 'runs/a', rounds: 2 });
      assert.equal(ran.exitCode, 0);
      assert.ok(fs.existsSync(path.join(cwd, 'runs/a/trace.jsonl')));

      const asked = await call(client, 'society_sql', {
        run: 'runs/a',
        query: 'SELECT round, count(*) AS messages FROM messages GROUP BY round ORDER BY round',
      });
      const trace = fs.readFileSync(path.join(cwd, 'runs/a/trace.jsonl'), 'utf8');
      const perRound = [1, 2].map(
        (r) => trace.split('\n').filter((l) => l.startsWith(`{"type":"message","round":${r},`)).length,
      );
      assert.deepEqual(
        asked.rows,
        perRound.map((n, i) => [i + 1, n]),
      );

      const refused = await client.callTool({
        name: 'society_sql',
        arguments: { run: 'runs/a', query: 'DROP VIEW events' },
      });
      assert.equal(refused.isError, true);
      assert.match((refused.content as { text: string }[])[0].text, /only reads are allowed/);
    });
  });

  it('refuses a run above the cost limit or whose model has no key', async () => {
    const cwd = scratchDir('society-mcp-keys-');
    fs.writeFileSync(
      path.join(cwd, 'paid.society'),
      [
        'kind: scenario',
        'name: Paid',
        'world: { rounds: 2 }',
        'models:',
        '  default: { provider: openai, model: gpt-4o-mini, api_key_env: SOCIETY_TEST_ABSENT_KEY }',
        'personas:',
        '  - { id: a, name: A }',
        '  - { id: b, name: B }',
        '',
      ].join('\n'),
    );
    delete process.env.SOCIETY_TEST_ABSENT_KEY;
    try {
      await withMcpClient(cliHost(cwd, 0.000001), async (client) => {
        const r = await client.callTool({
          name: 'society_run',
          arguments: { scenario: 'paid.society', out: 'runs/p' },
        });
        assert.equal(r.isError, true, JSON.stringify(r.content));
        assert.match((r.content as { text: string }[])[0].text, /needs the key SOCIETY_TEST_ABSENT_KEY/);
        process.env.SOCIETY_TEST_ABSENT_KEY = 'k';
        // Set, but not OpenAI's own key: it goes to api.openai.com only with the user's word.
        const elsewhere = await client.callTool({
          name: 'society_run',
          arguments: { scenario: 'paid.society', out: 'runs/p' },
        });
        assert.match(
          (elsewhere.content as { text: string }[])[0].text,
          /--allow-key SOCIETY_TEST_ABSENT_KEY@api\.openai\.com/,
        );
        process.env.SOCIETY_ALLOW_KEYS = 'SOCIETY_TEST_ABSENT_KEY@api.openai.com';
        const over = await client.callTool({
          name: 'society_run',
          arguments: { scenario: 'paid.society', out: 'runs/p' },
        });
        assert.match(
          (over.content as { text: string }[])[0].text,
          /above what the cost limit leaves: \$0\.00.*Ask the user to start `society mcp` again|no price.*Ask the user/s,
        );
        assert.ok(!fs.existsSync(path.join(cwd, 'runs/p')), 'nothing ran');
      });
    } finally {
      delete process.env.SOCIETY_TEST_ABSENT_KEY;
      delete process.env.SOCIETY_ALLOW_KEYS;
    }
  });

  it('serves over stdio as `society mcp`', async () => {
    const cwd = seededSociety();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [path.join(root, 'bin', 'society.js'), 'mcp'],
      cwd,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(transport);
    try {
      assert.equal((await client.listTools()).tools.length, TOOLS.length);
      const described = await call(client, 'society_describe', { path: 'world.encounters.mode' });
      assert.deepEqual(described.enum, ['random', 'network', 'recommend']);
      const { resources } = await client.listResources();
      assert.ok(
        resources.some((r) => r.uri === 'society-docs:///sql.md'),
        'the SQL docs are a resource',
      );
    } finally {
      await client.close();
    }
  });
});
