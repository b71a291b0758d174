// A test's hand on the language-model tools (issue 61), registered only when the extension host's
// environment has SOCIETY_E2E_TOOL_PROBE=1: `society.e2e.invokeTools` (run at activation) reads the calls listed in the
// workspace's .e2e/tool-calls.json, makes each through vscode.lm.invokeTool (so the tools' own
// confirmation, trust and cost checks apply, as for Copilot), writes what each gave to
// .e2e/tool-results.json and opens that file in an editor. It starts once the extension is
// active (the end-to-end test answers the tools' confirmations as they come); no person has it.
import * as vscode from 'vscode';
import { writeEditorFile } from '../writeFile';

export const TOOL_PROBE_ENV = 'SOCIETY_E2E_TOOL_PROBE';
export const TOOL_PROBE_COMMAND = 'society.e2e.invokeTools';

interface Call {
  name: string;
  input: Record<string, unknown>;
}

/** One call's outcome: the tool's answer (its JSON parsed; a refusal is text), or the error it threw (a person's No among them). */
async function invoke(call: Call): Promise<{ name: string; result?: unknown; error?: string }> {
  const cancel = new vscode.CancellationTokenSource();
  try {
    const answer = await vscode.lm.invokeTool(
      call.name,
      { input: call.input, toolInvocationToken: undefined },
      cancel.token,
    );
    const text = answer.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    try {
      // The answer's content, out of its `untrusted_data` envelope (core/tools/untrustedData.ts).
      const parsed = JSON.parse(text) as { untrusted_data?: unknown };
      return { name: call.name, result: 'untrusted_data' in parsed ? parsed.untrusted_data : parsed };
    } catch {
      return { name: call.name, result: text };
    }
  } catch (err) {
    return { name: call.name, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  } finally {
    cancel.dispose();
  }
}

async function invokeTools(): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) return;
  const dir = vscode.Uri.joinPath(root, '.e2e');
  const calls = JSON.parse(
    new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'tool-calls.json'))),
  ) as Call[];
  const results = [];
  for (const call of calls) results.push(await invoke(call));
  const file = vscode.Uri.joinPath(dir, 'tool-results.json');
  await writeEditorFile(file, new TextEncoder().encode(JSON.stringify(results, null, 2)));
  // Shown for the person watching (and the test's screenshot): the answers, the first call's on top.
  await vscode.window.showTextDocument(file, { preview: false });
}

export function registerToolProbe(): vscode.Disposable[] {
  if (process.env[TOOL_PROBE_ENV] !== '1') return [];
  // Once the tools are registered (after activation returns), as an assistant would call them.
  const start = setTimeout(() => void invokeTools(), 1000);
  return [vscode.commands.registerCommand(TOOL_PROBE_COMMAND, invokeTools), { dispose: () => clearTimeout(start) }];
}
