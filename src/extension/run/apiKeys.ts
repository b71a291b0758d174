// API keys in VS Code's SecretStorage, under the name of the environment variable a model config
// names (api_key_env), so the same scenario runs in the CLI (environment) and the editor (secrets).
// SecretStorage cannot list what it holds, so the names (never the keys) are kept in globalState
// for Clear API Key to offer.
import * as vscode from 'vscode';
import { keyNames } from './modelChoice';
import type { Scenario } from '../../core/format';

const secretKey = (envName: string) => `society.apiKey.${envName}`;

/**
 * Keys for every api_key_env of the scenario: SecretStorage first, then the environment. A blank
 * stored value (Set API Key once saved whitespace as '') counts as no key: it must not hide the
 * environment's.
 */
export async function loadKeys(
  secrets: Pick<vscode.SecretStorage, 'get'>,
  scenario: Scenario,
): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const name of keyNames(scenario)) {
    const key = nonBlank(await secrets.get(secretKey(name))) ?? nonBlank(process.env[name]);
    if (key) keys.set(name, key);
  }
  return keys;
}

const nonBlank = (v: string | undefined): string | undefined => (v?.trim() ? v.trim() : undefined);

/** Set API Key's check of the key typed: something other than spaces. */
export const validateApiKey = (v: string): string | undefined => (v.trim() ? undefined : 'Enter the key (it is empty)');

const NAMES = 'society.apiKeyNames';

/** The names of the keys this extension stored (globalState), for Clear API Key. */
export class KeyNames {
  constructor(private readonly state: vscode.Memento) {}
  list(): string[] {
    return this.state.get<string[]>(NAMES, []);
  }
  async add(name: string): Promise<void> {
    await this.state.update(NAMES, [...new Set([...this.list(), name])].sort());
  }
  async remove(name: string): Promise<void> {
    await this.state.update(
      NAMES,
      this.list().filter((n) => n !== name),
    );
  }
}

const validName = (v: string): string | undefined =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? undefined : 'Letters, digits and _ only';

/** `Society: Set API Key`: choose (or type) the variable name, then enter the key (masked). */
export async function setApiKey(
  secrets: vscode.SecretStorage,
  suggested: string[] = [],
  names?: KeyNames,
): Promise<boolean> {
  const picks = [...new Set([...suggested, 'OPENAI_API_KEY'])].map((label) => ({ label }));
  const name =
    picks.length > 1
      ? (
          await vscode.window.showQuickPick([...picks, { label: 'Other…' }], {
            title: 'Set API Key',
            placeHolder: 'The api_key_env of the model',
          })
        )?.label
      : picks[0].label;
  const envName =
    name === 'Other…'
      ? await vscode.window.showInputBox({
          title: 'Set API Key',
          prompt: "Name of the key (the model's api_key_env)",
          validateInput: validName,
        })
      : name;
  if (!envName) return false;
  const typed = await vscode.window.showInputBox({
    title: `API key for ${envName}`,
    password: true,
    ignoreFocusOut: true,
    prompt: "Stored in VS Code's secret storage, never in files or traces",
    validateInput: validateApiKey,
  });
  // Escape, or (where validateInput is not enforced) a blank key: nothing is stored.
  const key = typed?.trim();
  if (!key) return false;
  await secrets.store(secretKey(envName), key);
  await names?.add(envName);
  void vscode.window.showInformationMessage(`Saved the API key ${envName} in VS Code's secret storage.`);
  return true;
}

/**
 * `Society: Clear API Key`: pick a stored key's name (or type one stored before names were kept)
 * and delete it from SecretStorage. The environment, which the editor falls back to, is untouched.
 */
export async function clearApiKey(secrets: vscode.SecretStorage, names: KeyNames): Promise<boolean> {
  const OTHER = 'Other…';
  const stored = names.list();
  const picked = (
    await vscode.window.showQuickPick(
      [...stored.map((label) => ({ label, description: 'in secret storage' })), { label: OTHER }],
      {
        title: 'Clear API Key',
        placeHolder: stored.length
          ? "The key to remove from VS Code's secret storage"
          : 'No keys recorded: type the name of one',
      },
    )
  )?.label;
  const envName =
    picked === OTHER
      ? await vscode.window.showInputBox({
          title: 'Clear API Key',
          prompt: "Name of the key (the model's api_key_env)",
          validateInput: validName,
        })
      : picked;
  if (!envName) return false;
  const had = (await secrets.get(secretKey(envName))) !== undefined;
  await secrets.delete(secretKey(envName));
  await names.remove(envName);
  const env = process.env[envName]
    ? ` The environment variable ${envName} is still set and is used when no stored key is.`
    : '';
  void vscode.window.showInformationMessage(
    had
      ? `Removed the API key ${envName} from VS Code's secret storage.${env}`
      : `No API key ${envName} was stored.${env}`,
  );
  return had;
}
