// Choosing the model of a run in the editor: the `society.run.model` setting (the scenario's own
// models by default), or a quick pick of the scenario's models, the offline model, every VS Code
// language model that is available and the GGUF model files at hand (core/llm/local/modelFolders.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ModelChoice } from './modelChoice';
import { modelsCacheFolder } from '../../core/files/modelsCache';
import { MAX_LISTED, localModelFiles } from '../../core/llm/local/modelFolders';

/** GGUF files in the workspace, the `society.run.modelsFolder` folder and the project's model cache. */
async function ggufFiles(): Promise<string[]> {
  let found: string[] = [];
  try {
    found = (await vscode.workspace.findFiles('**/*.gguf', '**/node_modules/**', MAX_LISTED)).map((u) => u.fsPath);
  } catch {
    // No folder open: only the named folder and the cache.
  }
  const named = vscode.workspace.getConfiguration('society').get<string>('run.modelsFolder', '').trim();
  return localModelFiles(found, [...(named ? [named] : []), modelsCacheFolder()]);
}

type Item = vscode.QuickPickItem & { choice: ModelChoice };

export async function pickModelChoice(): Promise<ModelChoice | undefined> {
  const items: Item[] = [
    { label: '$(file-code) As the scenario says', description: 'its models section', choice: { kind: 'scenario' } },
    {
      label: '$(circuit-board) Offline rule-based model',
      description: 'no LLM, no key, deterministic',
      choice: { kind: 'offline' },
    },
  ];
  try {
    for (const m of await vscode.lm.selectChatModels()) {
      items.push({
        label: `$(sparkle) ${m.name}`,
        description: `VS Code language model · ${m.vendor} ${m.family}`,
        choice: { kind: 'vscode', model: m.id, label: m.name },
      });
    }
  } catch {
    // No language model access (no chat extension): the list stays as it is.
  }
  for (const file of await ggufFiles()) {
    const name = path.basename(file);
    items.push({
      label: `$(file-binary) ${name}`,
      description: `local model, in-process · ${path.dirname(file)}`,
      choice: { kind: 'local', file, label: name },
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Run the simulation with',
    placeHolder: 'Model for every agent and the coach',
  });
  return picked?.choice;
}

/** The model choice the settings ask for. */
export async function settingChoice(): Promise<ModelChoice | undefined> {
  const setting = vscode.workspace.getConfiguration('society').get<string>('run.model', 'scenario');
  if (setting === 'offline') return { kind: 'offline' };
  if (setting === 'ask') return pickModelChoice();
  return { kind: 'scenario' };
}
