// A long tool call (a run on a real model takes minutes) keeps an assistant's MCP client waiting
// past its request timeout unless progress arrives: the server sends progress while a call that
// carries a progress token is under way, through the SDK's own client and server.
import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { withHeartbeat, type ProgressExtra } from '../../../src/cli/mcp/heartbeat';
import type { ToolHost } from '../../../src/core/tools/tool';

const host: ToolHost = {
  cwd: '.',
  costLimitUsd: 0,
  hasKey: () => false,
  society: async () => ({ code: 0, stdout: '', stderr: '' }),
};

describe('society mcp: progress while a tool works', () => {
  it('a call with a progress token is told it is under way, beat by beat, until it ends', async () => {
    const server = new McpServer({ name: 'heartbeat-test', version: '1' });
    const seen: { progress: number; message?: string }[] = [];
    let enough!: () => void;
    const twoBeats = new Promise<void>((resolve) => (enough = resolve));
    // The tool ends only once the client has had two heartbeats.
    server.registerTool('slow', { description: 'waits' }, (extra: ProgressExtra) =>
      withHeartbeat(
        extra,
        'slow',
        host,
        async () => {
          await twoBeats;
          return { content: [{ type: 'text' as const, text: 'done' }] };
        },
        20,
      ),
    );
    const [a, b] = InMemoryTransport.createLinkedPair();
    await server.connect(b);
    const client = new Client({ name: 't', version: '1' });
    await client.connect(a);
    try {
      const r = await client.callTool({ name: 'slow', arguments: {} }, undefined, {
        timeout: 10_000,
        resetTimeoutOnProgress: true,
        onprogress: (p) => {
          seen.push(p);
          if (seen.length >= 2) enough();
        },
      });
      assert.equal((r.content as { text: string }[])[0].text, 'done');
      assert.deepEqual(
        seen.slice(0, 2).map((p) => p.progress),
        [1, 2],
      );
      assert.match(seen[0].message ?? '', /^slow: under way for \d+ s$/);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('a call without a progress token gets no notification', async () => {
    let sent = 0;
    const extra: ProgressExtra = { sendNotification: async () => void sent++ };
    assert.equal(await withHeartbeat(extra, 'quick', host, async () => 7, 1), 7);
    assert.equal(sent, 0);
  });
});
