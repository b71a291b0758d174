// The assistant tools (core/tools) as VS Code language-model tools, for Copilot's agent mode and
// any chat participant: the same table `society mcp` serves, called through the same policy
// (core/tools/invokeTool.ts: paths confined to the workspace, bounded, cancellable, and every tool
// refused in Restricted Mode). A run tool also asks before it runs (prepareInvocation) and is
// held to the cost limit setting, as a run a person starts is.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SocietyContext } from '../context';
import { invokeTool } from '../../core/tools/invokeTool';
import { runSociety } from '../../core/tools/societyProcess';
import { TOOLS, type SocietyTool, type ToolHost } from '../../core/tools/tools';
import { currentRunSettings } from '../run/costLimit';
import { registerToolProbe } from './toolProbe';

/** The host in the editor: the workspace folder, its trust, the cost limit setting, the bundled CLI. */
function editorHost(ctx: SocietyContext): ToolHost {
  const bin = path.join(ctx.extension.extensionPath, 'bin', 'society.js');
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  return {
    cwd,
    trusted: vscode.workspace.isTrusted,
    costLimitUsd: currentRunSettings().costLimitUsd ?? 0,
    // The CLI child reads keys from its environment; keys kept in SecretStorage are not passed on.
    hasKey: (env) => !!process.env[env],
    society: (args, signal) =>
      runSociety(bin, args, { cwd, signal, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }),
  };
}

function text(value: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);
}

function languageModelTool(t: SocietyTool, ctx: SocietyContext): vscode.LanguageModelTool<Record<string, unknown>> {
  return {
    prepareInvocation(options) {
      if (t.kind !== 'run') return { invocationMessage: `${t.title}…` };
      return {
        invocationMessage: `${t.title}…`,
        confirmationMessages: {
          title: t.title,
          message: new vscode.MarkdownString(
            `${t.description}\n\n\`\`\`json\n${JSON.stringify(options.input, null, 2)}\n\`\`\``,
          ),
        },
      };
    },
    async invoke(options, token) {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        const answer = await invokeTool(t, options.input, editorHost(ctx), controller.signal);
        return text('refusal' in answer ? `Refused: ${answer.refusal}` : answer.text);
      } finally {
        cancel.dispose();
      }
    },
  };
}
export function registerLanguageModelTools(ctx: SocietyContext): vscode.Disposable[] {
  // Hosts without the language-model API (older VS Code, some forks) simply have no tools.
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  return [...TOOLS.map((t) => vscode.lm.registerTool(t.name, languageModelTool(t, ctx))), ...registerToolProbe()];
}
