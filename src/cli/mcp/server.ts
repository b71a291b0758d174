// `society mcp`: the assistant tools (core/tools) over the Model Context Protocol, with the
// official SDK. A tool's answer is its result as JSON text and structured content; a refusal or a
// bad query is an error result whose text says why, never a crash of the server.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { QueryError } from '../../core/query/database';
import { TOOLS, ToolRefusal, type SocietyTool, type ToolHost } from '../../core/tools/tools';
import { registerResources } from './resources';

/** A tool's result, or its refusal as an error result. */
export async function callTool(
  t: SocietyTool,
  args: unknown,
  host: ToolHost,
  signal?: AbortSignal,
): Promise<CallToolResult> {
  try {
    const input = z.object(t.input).parse(args);
    const result = await t.invoke(input, host, signal);
    return {
      content: [{ type: 'text', text: JSON.stringify(result, null, 2) }],
      structuredContent:
        result && typeof result === 'object' && !Array.isArray(result)
          ? (result as Record<string, unknown>)
          : undefined,
    };
  } catch (err) {
    const known =
      err instanceof ToolRefusal || err instanceof QueryError || err instanceof z.ZodError || err instanceof Error;
    return { isError: true, content: [{ type: 'text', text: known ? (err as Error).message : String(err) }] };
  }
}

export function societyMcpServer(host: ToolHost, version: string): McpServer {
  const server = new McpServer({ name: 'society-studio', version });
  for (const t of TOOLS) {
    server.registerTool(
      t.name,
      {
        title: t.title,
        description: t.description,
        inputSchema: t.input,
        annotations: { readOnlyHint: t.kind === 'read', openWorldHint: t.kind === 'run' },
      },
      (args: unknown, extra: { signal: AbortSignal }) => callTool(t, args, host, extra.signal),
    );
  }
  registerResources(server, host.cwd);
  return server;
}
