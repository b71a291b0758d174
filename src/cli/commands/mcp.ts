// `society mcp`: an MCP server over standard input and output for any MCP client (an assistant
// that checks, runs and asks a society): the tools of core/tools, and the docs, examples and run
// files as resources (cli/mcp).
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliHost } from '../mcp/cliHost';
import { packageRoot } from '../mcp/packageRoot';
import { societyMcpServer } from '../mcp/server';
import { ALLOW_KEY_ROW, grantKeys } from '../keyGrants';
import { ASSISTANT_COST_LIMIT_USD } from '../../core/tools/assistantBudget';
import { printable } from '../../core/text/printable';

const USAGE = 'mcp [--cost-limit USD|none] [--allow-key VAR@HOST[:PORT]]...';

/** The installed package's version, which the server reports to its clients. */
function packageVersion(): string {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version);
  } catch {
    return '0.0.0';
  }
}

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  [
    '--cost-limit USD',
    "what the assistant's tools may spend in this session, all runs and experiments together, metered before every model call; only you set it, never a tool argument (default: $SOCIETY_COST_LIMIT, else $1; `none`: no limit)",
  ],
  ALLOW_KEY_ROW,
] as const satisfies readonly OptionRow[];

export const mcpCommand = command({
  name: 'mcp',
  usage: USAGE,
  summary: 'An MCP server over stdio: assistants check, run and query societies',
  options: OPTIONS,
  async run(parsed): Promise<number> {
    if (!grantKeys('mcp', parsed.values['allow-key'])) return 2;
    // The user's word, or $1: an assistant never spends without a limit nobody set (issue 87: 3).
    const text = parsed.values['cost-limit'] ?? process.env.SOCIETY_COST_LIMIT ?? String(ASSISTANT_COST_LIMIT_USD);
    const limit = text.trim() === 'none' ? 0 : Number(text);
    if (text.trim() !== 'none' && (!/^\d+(\.\d+)?$/.test(text.trim()) || !(limit > 0) || !Number.isFinite(limit))) {
      console.error(`society mcp: --cost-limit takes dollars above 0 (e.g. 2.5), or none, not '${printable(text)}'`);
      return 2;
    }
    if (limit === 0) console.error('society mcp: --cost-limit none: the tools may spend without a limit');
    const server = societyMcpServer(cliHost(process.cwd(), limit), packageVersion());
    await server.connect(new StdioServerTransport());
    // Served until the client closes standard input.
    await new Promise<void>((resolve) => process.stdin.once('close', resolve).once('end', resolve));
    await server.close();
    return 0;
  },
});
