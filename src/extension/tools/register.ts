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
import { allowedKeyRoutes, confirmKeyRoutes } from '../run/keyRoutes';
import { spendPlan } from '../../core/tools/spendPlan';
import { conditionModels } from '../../core/experiment/conditionModels';
import { loadScenarioFile } from '../../core/format';

const workspaceDir = (): string => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();

/**
 * The host in the editor: the workspace folder, the cost limit setting, the bundled CLI, and the
 * key pairings this workspace allowed (run/keyRoutes.ts), passed on to the CLI's environment.
 */
function editorHost(ctx: SocietyContext, allowKeys: readonly string[]): ToolHost {
  const bin = path.join(ctx.extension.extensionPath, 'bin', 'society.js');
  const cwd = workspaceDir();
  const allowEnv = [process.env.SOCIETY_ALLOW_KEYS, ...allowKeys].filter((a) => a?.trim()).join(',');
  return {
    cwd,
    costLimitUsd: currentRunSettings().costLimitUsd ?? 0,
    // The CLI child reads keys from its environment; keys kept in SecretStorage are not passed on.
    hasKey: (env) => !!process.env[env],
    allowKeys,
    society: (args, signal) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bin, ...args], {
          cwd,
          signal,
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', SOCIETY_ALLOW_KEYS: allowEnv },
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

/**
 * The key pairings a run tool may use: the workspace's, and those the person allows now for the
 * scenario it names (asked as Run Simulation asks). A scenario that cannot be read asks nothing;
 * the gate refuses it.
 */
async function runToolKeys(input: Record<string, unknown>): Promise<string[]> {
  if (typeof input.scenario !== 'string') return allowedKeyRoutes();
  const loaded = await loadScenarioFile(path.resolve(workspaceDir(), input.scenario)).catch(() => undefined);
  if (!loaded?.scenario) return allowedKeyRoutes();
  const s = loaded.scenario;
  return confirmKeyRoutes(s, conditionModels(s));
}

function text(value: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);
}

function languageModelTool(t: SocietyTool, ctx: SocietyContext): vscode.LanguageModelTool<Record<string, unknown>> {
  return {
    async prepareInvocation(options) {
      if (t.kind !== 'run') return { invocationMessage: `${t.title}…` };
      // What it will spend and where keys go, read from the scenario: the person confirms that.
      const input = options.input as { scenario?: unknown; rounds?: unknown };
      const plan =
        typeof input.scenario === 'string'
          ? await spendPlan(
              {
                scenario: input.scenario,
                rounds: typeof input.rounds === 'number' ? input.rounds : undefined,
                experiment: t.name === 'society_experiment',
              },
              workspaceDir(),
              currentRunSettings().costLimitUsd ?? 0,
            )
          : [];
      return {
        invocationMessage: `${t.title}…`,
        confirmationMessages: {
          title: t.title,
          message: new vscode.MarkdownString(
            `${t.description}\n\n${plan.map((l) => `- ${l}`).join('\n')}\n\n\`\`\`json\n${JSON.stringify(options.input, null, 2)}\n\`\`\``,
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
        const allowKeys = t.kind === 'run' ? await runToolKeys(input) : allowedKeyRoutes();
        return text(JSON.stringify(await t.invoke(input, editorHost(ctx, allowKeys), controller.signal), null, 2));
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
