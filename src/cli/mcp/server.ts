// `society mcp`: the assistant tools (core/tools) over the Model Context Protocol, with the
// official SDK. Every call goes through core/tools/invokeTool.ts (paths confined, time and answer
// bounded, cancellation honoured); its answer is the result as JSON text and structured content,
// a refusal an error result whose text says why, never a crash of the server.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { invokeTool, type ToolLimits } from '../../core/tools/invokeTool';
import { TOOLS, type SocietyTool, type ToolHost } from '../../core/tools/tools';
import { registerResources } from './resources';
import { registerPrompts } from './prompts';
import { withHeartbeat, type ProgressExtra } from './heartbeat';
import { DATA_NOTE, SERVER_INSTRUCTIONS } from '../../core/tools/untrustedData';

/** A tool's result, or its refusal as an error result. */
export async function callTool(
  t: SocietyTool,
  args: unknown,
  host: ToolHost,
  signal?: AbortSignal,
  limits?: ToolLimits,
): Promise<CallToolResult> {
  const answer = await invokeTool(t, args, host, signal, limits);
  if ('refusal' in answer) return { isError: true, content: [{ type: 'text', text: answer.refusal }] };
  const { result, text } = answer;
  return {
    content: [{ type: 'text', text }],
    structuredContent:
      result && typeof result === 'object' && !Array.isArray(result) ? (result as Record<string, unknown>) : undefined,
  };
}

export function societyMcpServer(host: ToolHost, version: string, limits?: ToolLimits): McpServer {
  const server = new McpServer({ name: 'society-studio', version }, { instructions: SERVER_INSTRUCTIONS });
  for (const t of TOOLS) {
    server.registerTool(
      t.name,
      {
        title: t.title,
        description: `${t.description} ${DATA_NOTE}`,
        inputSchema: t.input,
        annotations: { readOnlyHint: t.kind === 'read', openWorldHint: t.kind === 'run' },
      },
      (args: unknown, extra: { signal: AbortSignal } & ProgressExtra) =>
        withHeartbeat(extra, t.name, host, (h) => callTool(t, args, h, extra.signal, limits)),
    );
  }
  registerResources(server, host.cwd);
  registerPrompts(server);
  return server;
}
