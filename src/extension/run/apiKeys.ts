// API keys in VS Code's SecretStorage, under the name of the environment variable a model config
// names (api_key_env), so the same scenario runs in the CLI (environment) and the editor (secrets).
import * as vscode from 'vscode';
import { keyNames } from './modelChoice';
import type { Scenario } from '../../core/format/model';

const secretKey = (envName: string) => `society.apiKey.${envName}`;

/** Keys for every api_key_env of the scenario: SecretStorage first, then the environment. */
export async function loadKeys(secrets: vscode.SecretStorage, scenario: Scenario): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const name of keyNames(scenario)) {
    const key = (await secrets.get(secretKey(name))) ?? process.env[name];
    if (key) keys.set(name, key);
  }
  return keys;
}

/** `Society: Set API Key`: choose (or type) the variable name, then enter the key (masked). */
export async function setApiKey(secrets: vscode.SecretStorage, suggested: string[] = []): Promise<boolean> {
  const picks = [...new Set([...suggested, 'OPENAI_API_KEY'])].map((label) => ({ label }));
  const name = picks.length > 1
    ? (await vscode.window.showQuickPick([...picks, { label: 'Other…' }], { title: 'Set API Key', placeHolder: 'The api_key_env of the model' }))?.label
    : picks[0].label;
  const envName = name === 'Other…'
    ? await vscode.window.showInputBox({ title: 'Set API Key', prompt: 'Name of the key (the model\'s api_key_env)', validateInput: (v) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? undefined : 'Letters, digits and _ only') })
    : name;
  if (!envName) return false;
  const key = await vscode.window.showInputBox({ title: `API key for ${envName}`, password: true, ignoreFocusOut: true, prompt: 'Stored in VS Code\'s secret storage, never in files or traces' });
  if (!key) return false;
  await secrets.store(secretKey(envName), key.trim());
  void vscode.window.showInformationMessage(`Saved the API key ${envName} in VS Code's secret storage.`);
  return true;
}
