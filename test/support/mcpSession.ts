// `society mcp`'s server as the terminal runs it (cliHost in `cwd`), met by the MCP SDK's own
// client over an in-memory pair: what a test does with the client, then both closed.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { cliHost } from '../../src/cli/mcp/cliHost';
import { societyMcpServer } from '../../src/cli/mcp/server';

export async function withMcpClient<T>(cwd: string, use: (client: Client) => Promise<T>, costLimitUsd = 0): Promise<T> {
  const server = societyMcpServer(cliHost(cwd, costLimitUsd), 'test');
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
