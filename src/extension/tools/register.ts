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
import { ASSISTANT_COST_LIMIT_USD, assistantBudget, type AssistantBudget } from '../../core/tools/assistantBudget';
import { registerToolProbe } from './toolProbe';
import { allowedKeyRoutes, confirmKeyRoutes } from '../run/keyRoutes';
import { spendPlan } from '../../core/tools/spendPlan';
import { conditionModels } from '../../core/experiment';
import { loadScenarioFile } from '../../core/format';
import { confinedPath } from '../../core/files/confined';

let held: AssistantBudget | undefined;

/**
 * The tools' budget for this window: the user's own `society.assistant.costLimit` (application
 * scope: a workspace's settings cannot raise it), $1 when unset, none at 0. What was spent stays
 * counted when the user changes the limit.
 */
function toolBudget(): AssistantBudget | undefined {
  const limit =
    vscode.workspace.getConfiguration('society').inspect<number>('assistant.costLimit')?.globalValue ??
    ASSISTANT_COST_LIMIT_USD;
  if (!(limit > 0)) return undefined;
  if (held?.limitUsd !== limit) {
    const spent = held?.spentUsd ?? 0;
    held = assistantBudget(
      limit,
      `raise the user setting society.assistant.costLimit (now $${limit.toFixed(2)} for this window), or run it themselves`,
    );
    held.spentUsd = spent;
  }
  return held;
}

const workspaceDir = (): string => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();

/**
 * The host in the editor: the workspace folder, its trust, the cost limit setting, the bundled CLI,
 * and the key pairings this workspace allowed (run/keyRoutes.ts), passed on to the CLI's environment.
 */
function editorHost(ctx: SocietyContext, allowKeys: readonly string[]): ToolHost {
  const bin = path.join(ctx.extension.extensionPath, 'bin', 'society.js');
  const cwd = workspaceDir();
  const allowEnv = [process.env.SOCIETY_ALLOW_KEYS, ...allowKeys].filter((a) => a?.trim()).join(',');
  const budget = toolBudget();
  return {
    cwd,
    trusted: vscode.workspace.isTrusted,
    costLimitUsd: budget?.limitUsd ?? 0,
    ...(budget ? { budget } : {}),
    // The CLI child reads keys from its environment; keys kept in SecretStorage are not passed on.
    hasKey: (env) => !!process.env[env],
    allowKeys,
    society: (args, signal, onProgress) =>
      runSociety(bin, args, {
        cwd,
        signal,
        onProgress,
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', SOCIETY_ALLOW_KEYS: allowEnv },
      }),
  };
}

/**
 * The key pairings a run tool may use: the workspace's, and those the person allows now for the
 * scenario it names (asked as Run Simulation asks). A scenario that cannot be read asks nothing;
 * the gate refuses it.
 */
async function runToolKeys(input: Record<string, unknown>): Promise<string[]> {
  if (typeof input.scenario !== 'string' || !vscode.workspace.isTrusted) return allowedKeyRoutes();
  // Read only inside the workspace, as the tool itself will (core/files/confined.ts); else the tool refuses.
  let file: string;
  try {
    file = confinedPath(workspaceDir(), input.scenario, 'read');
  } catch {
    return allowedKeyRoutes();
  }
  const loaded = await loadScenarioFile(file).catch(() => undefined);
  if (!loaded?.scenario) return allowedKeyRoutes();
  const s = loaded.scenario;
  return confirmKeyRoutes(s, conditionModels(s));
}

/** What the budget leaves, for the confirmation (0: no limit). */
function allowanceLeft(): number {
  const b = toolBudget();
  return b ? Math.max(0, b.limitUsd - b.spentUsd) : 0;
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
              allowanceLeft(),
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
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        const input = (options.input ?? {}) as Record<string, unknown>;
        const allowKeys = t.kind === 'run' ? await runToolKeys(input) : allowedKeyRoutes();
        const answer = await invokeTool(t, input, editorHost(ctx, allowKeys), controller.signal);
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
