// The models folder of the project's cache (scripts/local-model.mjs fetches SmolLM2 there), and a
// model named by its file name alone found in it. One place for both, so `society check` and the
// run resolve `model: SmolLM2-135M-Instruct.Q4_1.gguf` to the same file: a check that refused what
// the run would load (or the reverse) is a check the run ignores.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { societyCache } from './cacheFolder';

/** The installer's models folder. */
export function modelsCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(societyCache(env), 'models');
}

/**
 * The cached file a bare file name (`model: X.gguf`, no folder in it) means, when it is there as a
 * regular file; a name with a folder in it is never looked up in the cache.
 */
export function cachedModelNamed(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (name !== path.basename(name) || name.includes('\\') || name === '.' || name === '..') return undefined;
  const file = path.join(modelsCacheFolder(env), name);
  try {
    return fs.lstatSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
