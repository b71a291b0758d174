// `society mcp`'s server as the terminal runs it (cliHost in `cwd`, or the host a test gives),
// met by the MCP SDK's own client over an in-memory pair: what a test does with it, then both closed.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { cliHost } from '../../src/cli/mcp/cliHost';
import { societyMcpServer } from '../../src/cli/mcp/server';
import type { ToolHost } from '../../src/core/tools/tool';

export async function withMcpClient<T>(
  at: string | ToolHost,
  use: (client: Client) => Promise<T>,
  costLimitUsd = 0,
): Promise<T> {
  const server = societyMcpServer(typeof at === 'string' ? cliHost(at, costLimitUsd) : at, 'test');
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'test', version: '1' });
  await client.connect(clientSide);
  try {
    return await use(client);
  } finally {
    await client.close();
    await server.close();
  }
}
