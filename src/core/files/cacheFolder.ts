// The user's own folder for what the studio keeps between runs (models, speeds, the key that signs
// which files are ours): outside any repository, so a folder someone shares cannot carry it.
import * as os from 'node:os';
import * as path from 'node:path';

/** The cache folder: $SOCIETY_CACHE, else ~/.cache/society-studio. */
export function societyCache(env: NodeJS.ProcessEnv = process.env): string {
  const own = env.SOCIETY_CACHE?.trim();
  return own ? path.resolve(own) : path.join(os.homedir(), '.cache', 'society-studio');
}
