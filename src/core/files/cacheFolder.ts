// The user's own folder for what the studio keeps between runs (models, speeds, the key that signs
// which files are ours): outside any repository, so a folder someone shares cannot carry it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The cache folder when nothing says otherwise. */
export function defaultCache(): string {
  return path.join(os.homedir(), '.cache', 'society-studio');
}

/**
 * Where scripts/local-model.mjs, run with $SOCIETY_CACHE, notes the folder it installed into, so
 * later commands find the runtime and models there without the variable (issue 86: `estimate`
 * said node-llama-cpp "is not installed" unless SOCIETY_CACHE was set again).
 */
export function rememberedCacheNote(): string {
  return path.join(defaultCache(), 'cache-folder.txt');
}

/** The remembered folder: an absolute path to an existing folder, read capped; else undefined. */
function rememberedCache(): string | undefined {
  try {
    const note = rememberedCacheNote();
    const st = fs.lstatSync(note);
    if (!st.isFile() || st.size > 4096) return undefined;
    const folder = fs.readFileSync(note, 'utf8').trim();
    return path.isAbsolute(folder) && fs.statSync(folder).isDirectory() ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** The cache folder: $SOCIETY_CACHE, else the one the install script last used with it, else ~/.cache/society-studio. */
export function societyCache(env: NodeJS.ProcessEnv = process.env): string {
  const own = env.SOCIETY_CACHE?.trim();
  return own ? path.resolve(own) : (rememberedCache() ?? defaultCache());
}
