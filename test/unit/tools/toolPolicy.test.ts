// Issue 70: one policy for every tool call (core/tools/invokeTool.ts), which `society mcp` and the
// editor both call: no tool in an untrusted workspace, a deadline that stops the work, a
// cancel that stops it too (and the server answers the next call), and an answer of bounded size.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { cliHost } from '../../../src/cli/mcp/cliHost';
import { NodeFileSystem, TooManyEntries } from '../../../src/core/format';
import { invokeTool, TOOL_LIMITS } from '../../../src/core/tools/invokeTool';
import { TOOLS } from '../../../src/core/tools/tools';
import { scratchDir } from '../../support/scratch';
import { withMcpClient } from '../../support/mcpSession';

const NEVER_ENDS = 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r';
const tool = (name: string) => TOOLS.find((t) => t.name === name)!;

function workspace(): string {
  const ws = scratchDir('society-tool-policy-');
  fs.mkdirSync(path.join(ws, 'r'));
  fs.writeFileSync(path.join(ws, 'r', 'trace.jsonl'), `${JSON.stringify({ type: 'header', round: 0 })}\n`);
  return ws;
}

describe('the tool-call policy (issue 70)', function () {
  it('refuses every tool in an untrusted workspace, before it reads anything', async () => {
    const host = { ...cliHost(workspace(), 0), trusted: false };
    for (const t of TOOLS) {
      const answer = await invokeTool(t, { run: 'r', query: 'SELECT 1', path: '', paths: ['.'] }, host);
      assert.ok('refusal' in answer, t.name);
      assert.match(answer.refusal, /disabled in Restricted Mode/);
    }
  });

  it('a call past its deadline is stopped and says so', async () => {
    const answer = await invokeTool(
      tool('society_sql'),
      { run: 'r', query: NEVER_ENDS },
      cliHost(workspace(), 0),
      undefined,
      {
        ...TOOL_LIMITS,
        readMs: 1000,
      },
    );
    assert.deepEqual(answer, { refusal: 'society_sql ran past its time limit of 1 s and was stopped' });
  });

  it('an answer over the size cap is summarised, not sent whole', async () => {
    const ws = workspace();
    const limits = { ...TOOL_LIMITS, answerChars: 200 };
    const answer = await invokeTool(
      tool('society_sql'),
      { run: 'r', query: "SELECT repeat('z', 1000)" },
      cliHost(ws, 0),
      undefined,
      limits,
    );
    assert.ok('text' in answer);
    assert.ok(answer.text.length < 800, answer.text);
    assert.match(answer.text, /the answer is \d+ characters, over the 200 a tool gives/);
  });

  it('a cancelled MCP call stops its query, and the server answers the next call', async () => {
    await withMcpClient(cliHost(workspace(), 0), async (client) => {
      for (let i = 0; i < 2; i++) {
        const cancel = new AbortController();
        const asked = client.callTool({ name: 'society_sql', arguments: { run: 'r', query: NEVER_ENDS } }, undefined, {
          signal: cancel.signal,
        });
        cancel.abort();
        await assert.rejects(asked);
      }
      const next = await client.callTool({ name: 'society_sql', arguments: { run: 'r', query: 'SELECT 41 + 1 AS n' } });
      assert.ok(!next.isError, JSON.stringify(next.content));
      assert.deepEqual((next.structuredContent as { untrusted_data: { rows: unknown[] } }).untrusted_data.rows, [[42]]);
    });
  });

  it('`society mcp` over stdio: two cancelled never-ending queries, then the next one is answered', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [path.resolve(__dirname, '../../../bin/society.js'), 'mcp'],
      cwd: workspace(),
      stderr: 'pipe',
    });
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(transport);
    try {
      for (let i = 0; i < 2; i++) {
        const cancel = new AbortController();
        const asked = client.callTool({ name: 'society_sql', arguments: { run: 'r', query: NEVER_ENDS } }, undefined, {
          signal: cancel.signal,
        });
        cancel.abort();
        await assert.rejects(asked);
      }
      const next = await client.callTool({ name: 'society_sql', arguments: { run: 'r', query: 'SELECT 41 + 1 AS n' } });
      assert.deepEqual(
        (next.structuredContent as { untrusted_data: { rows: unknown[] } }).untrusted_data.rows,
        [[42]],
        JSON.stringify(next.content),
      );
    } finally {
      await client.close();
    }
  });

  it('a folder listing stops at its bound (check walks at most so many entries)', async () => {
    const dir = scratchDir('society-tool-walk-');
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, `f${i}.society`), '');
    await assert.rejects(new NodeFileSystem({ maxEntries: 20 }).listFiles(dir), TooManyEntries);
    assert.equal((await new NodeFileSystem({ maxEntries: 40 }).listFiles(dir)).length, 30);
  });
});
