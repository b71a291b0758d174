// A ChatClient over the VS Code Language Model API (vscode.lm), so a `vscode` model in a scenario,
// or the "VS Code language model" choice of a run, needs no key. The API has no system role: the
// system prompt goes first as a user message.
import * as vscode from 'vscode';
import type { ModelConfig } from '../../core/format';
import type { ChatClient, ChatRequest, ChatResult } from '../../core/llm/chat';
import { ProviderError } from '../../core/llm/errors';
import { vscodeIdentity } from '../../core/llm/registry';
import { allowed, refusalMessage } from '../trust/policy';

const JUSTIFICATION = 'Society Studio simulates conversations between the personas of your scenario with this model.';

/** Finds the chat model a config names (by id, family or name); the first available when unnamed. */
export async function pickLanguageModel(cfg: ModelConfig): Promise<vscode.LanguageModelChat> {
  const all = await vscode.lm.selectChatModels();
  const wanted = cfg.model;
  const found = wanted ? all.find((m) => m.id === wanted || m.family === wanted || m.name === wanted) : all[0];
  if (!found) {
    throw new ProviderError(
      'rejected',
      wanted
        ? `no VS Code language model '${wanted}' is available (available: ${all.map((m) => m.id).join(', ') || 'none'})`
        : 'no VS Code language model is available (install or sign in to a chat extension such as GitHub Copilot)',
    );
  }
  return found;
}

export function languageModelClient(cfg: ModelConfig): ChatClient {
  let model: Promise<vscode.LanguageModelChat> | undefined;
  return {
    identity: vscodeIdentity(cfg),
    async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
      // Runs are refused in Restricted Mode already; a model call must never slip through.
      if (!allowed('modelCall', vscode.workspace.isTrusted)) {
        throw new ProviderError('rejected', refusalMessage('modelCall'));
      }
      model ??= pickLanguageModel(cfg);
      const chat = await model;
      const messages = request.messages.map((m) =>
        m.role === 'assistant'
          ? vscode.LanguageModelChatMessage.Assistant(m.content)
          : vscode.LanguageModelChatMessage.User(m.content),
      );
      const cancel = new vscode.CancellationTokenSource();
      const onAbort = () => cancel.cancel();
      signal?.addEventListener('abort', onAbort);
      try {
        const response = await chat.sendRequest(messages, { justification: JUSTIFICATION }, cancel.token);
        let content = '';
        for await (const part of response.text) content += part;
        const input = (await Promise.all(messages.map((m) => chat.countTokens(m, cancel.token)))).reduce(
          (a, b) => a + b,
          0,
        );
        const output = await chat.countTokens(content, cancel.token);
        return { content, tokens: { input_tokens: input, output_tokens: output }, faults: [] };
      } catch (err) {
        if (signal?.aborted) throw err;
        if (err instanceof vscode.LanguageModelError) {
          const reason =
            err.code === vscode.LanguageModelError.NoPermissions().code ||
            err.code === vscode.LanguageModelError.Blocked().code
              ? 'rejected'
              : 'server_error';
          throw new ProviderError(reason, `VS Code language model ${chat.id}: ${err.message}`);
        }
        throw new ProviderError(
          'network',
          `VS Code language model ${chat.id}: ${err instanceof Error ? err.message : String(err)}`,
        );
      } finally {
        signal?.removeEventListener('abort', onAbort);
        cancel.dispose();
      }
    },
  };
}
