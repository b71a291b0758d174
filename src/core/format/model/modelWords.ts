// A run's model in a few words, as the society view's header and the experiment report name it:
// one Record over the providers table, so the compiler names a new provider here. The offline
// model is never passed off as an LLM, and a local model is named by its file, not by a path of
// the machine that ran it (the trace's header keeps the path as the scenario wrote it).
import { isProvider, type Provider } from './providers';

interface Named {
  provider: string;
  model?: string;
}

/** The last part of a model file's path, either separator. */
export function modelFileName(file: string | undefined): string {
  return (file ?? '').split(/[\\/]/).pop() ?? '';
}

const WORDS: Record<Provider, (m: Named) => string> = {
  offline: () => 'offline rule-based model (not an LLM)',
  openai: (m) => `openai${m.model ? ` ${m.model}` : ''}`,
  vscode: (m) => `vscode${m.model ? ` ${m.model}` : ''}`,
  local: (m) => `local ${modelFileName(m.model)}`.trim(),
};

/** One model in a few words; a provider outside the table (an older trace's) as it was written. */
export function modelWords(m: Named): string {
  return isProvider(m.provider) ? WORDS[m.provider](m) : `${m.provider}${m.model ? ` ${m.model}` : ''}`;
}
