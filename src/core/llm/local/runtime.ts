// Finding node-llama-cpp: the package's own dependencies first (a developer who installed it next
// to the extension), else the cache folder scripts/local-model.mjs installs it into. Found on the
// main thread, before a run, so a host without it gets the sentence saying how to install it
// rather than one failed decision per call.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NODE_LLAMA_CPP_VERSION, runtimeFolder } from './settings';

/** How to install the runtime, for every message that finds it missing. */
export function installHint(env: NodeJS.ProcessEnv = process.env): string {
  return (
    `install it with \`node scripts/local-model.mjs --runtime\` in a clone of Society Studio, or ` +
    `\`npm install --prefix "${runtimeFolder(env)}" --omit=optional --ignore-scripts node-llama-cpp@${NODE_LLAMA_CPP_VERSION} ` +
    `@node-llama-cpp/${process.platform}-${process.arch}@${NODE_LLAMA_CPP_VERSION}\` (docs/models.md#local-models)`
  );
}

export class RuntimeMissingError extends Error {
  override readonly name = 'RuntimeMissingError';
  constructor(model: string, env: NodeJS.ProcessEnv = process.env) {
    super(
      `model '${model}': provider 'local' runs models through node-llama-cpp, which is not installed here: ${installHint(env)}`,
    );
  }
}

/** The module entry of node-llama-cpp (an absolute path), or undefined when it is not installed. */
export function findRuntime(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return require.resolve('node-llama-cpp');
  } catch {
    // Not beside us: the cache folder.
  }
  const entry = path.join(runtimeFolder(env), 'node_modules', 'node-llama-cpp', 'dist', 'index.js');
  return fs.existsSync(entry) ? entry : undefined;
}
