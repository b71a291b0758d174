// The assistant tools (core/tools) as VS Code language-model tools, for Copilot's agent mode and
// any chat participant: the same table `society mcp` serves. A run tool asks before it runs
// (prepareInvocation), is refused in Restricted Mode and within the cost limit setting, as a run
// a person starts is; answers are the tools' small JSON results.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { z } from 'zod';
import type { SocietyContext } from '../context';
import { QueryError } from '../../core/query/database';
import { TOOLS, ToolRefusal, type SocietyTool, type ToolHost } from '../../core/tools/tools';
import { currentRunSettings } from '../run/costLimit';
import { registerToolProbe } from './toolProbe';

/** The host in the editor: the workspace folder, the cost limit setting, the bundled CLI. */
function editorHost(ctx: SocietyContext): ToolHost {
  const bin = path.join(ctx.extension.extensionPath, 'bin', 'society.js');
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  return {
    cwd,
    costLimitUsd: currentRunSettings().costLimitUsd ?? 0,
    // The CLI child reads keys from its environment; keys kept in SecretStorage are not passed on.
    hasKey: (env) => !!process.env[env],
    society: (args, signal) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bin, ...args], {
          cwd,
          signal,
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '',
          stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
      }),
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
      if (t.kind === 'run' && !vscode.workspace.isTrusted) {
        return text(
          `Refused: ${t.title} runs a society, which Restricted Mode does not allow; trust the workspace first.`,
        );
      }
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        const input = z.object(t.input).parse(options.input);
        return text(JSON.stringify(await t.invoke(input, editorHost(ctx), controller.signal), null, 2));
      } catch (err) {
        if (err instanceof ToolRefusal || err instanceof QueryError || err instanceof z.ZodError) {
          return text(`Refused: ${err.message}`);
        }
        throw err;
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
