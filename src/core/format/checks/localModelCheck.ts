// A `provider: local` model's file (`model:`, `embeddings.model:`) is a data path like any other
// (issue 87): confined as dataFile.ts confines census tables and modules — relative to the file
// that names it, inside the workspace folder, links resolved — with one more allowed root, the
// cache folder the model installer fills (scripts/local-model.mjs: $SOCIETY_CACHE/models). An
// absolute path, `..` or a link that leads anywhere else is refused at the value, before a run
// could tell "no such file", "not a file" and "not GGUF" apart for any path on the machine.
import * as path from 'node:path';
import type { Diagnostic } from '../model/diagnostics';
import type { SocietyFileSystem } from '../io/fileSystem';
import { isInside } from '../io/dataFile';
import { cachedModelNamed, modelsCacheFolder } from '../../files/modelsCache';
import type { FileCheck } from './fileCheck';

/**
 * The file `written` (named in `file`) means, as the run resolves it (llm/local/modelFile.ts
 * modelPath): beside the file, else a bare file name found in the installer's models folder.
 */
async function modelTarget(fs: SocietyFileSystem, written: string, file: string): Promise<string> {
  const beside = path.resolve(path.dirname(file), written);
  if ((await fs.kind(beside)) !== undefined) return beside;
  return cachedModelNamed(written) ?? beside;
}

/** Why `written` (named in `file`) may not be a model file, or undefined when it may. */
async function refusal(
  fs: SocietyFileSystem,
  written: string,
  file: string,
  root: string,
): Promise<string | undefined> {
  const target = await modelTarget(fs, written, file);
  const cache = modelsCacheFolder();
  const real = fs.realPath ? await fs.realPath(target) : target;
  const realCache = fs.realPath ? await fs.realPath(cache) : cache;
  if (isInside(realCache, real) || isInside(cache, target)) return undefined;
  if (path.isAbsolute(written)) {
    return `is an absolute path outside the models cache (${cache}): write it relative to this file`;
  }
  if (!isInside(root, target)) {
    return `leaves the workspace folder (${root}); a model file is read inside it or from ${cache}`;
  }
  const realRoot = fs.realPath ? await fs.realPath(root) : root;
  if (!isInside(realRoot, real)) {
    return `leads outside the workspace folder (${root}) through a symbolic link, to ${real}; a model file is read inside it or from ${cache}`;
  }
  return undefined;
}

export const checkLocalModels: FileCheck = async (value, at, file, fs, root) => {
  const models = value.models;
  if (!models || typeof models !== 'object' || Array.isArray(models)) return [];
  const out: Diagnostic[] = [];
  for (const [name, cfg] of Object.entries(models as Record<string, unknown>)) {
    if (!cfg || typeof cfg !== 'object' || (cfg as { provider?: unknown }).provider !== 'local') continue;
    const c = cfg as { model?: unknown; embeddings?: { model?: unknown } };
    const paths: [string, (string | number)[]][] = [];
    if (typeof c.model === 'string' && c.model) paths.push([c.model, ['models', name, 'model']]);
    if (typeof c.embeddings?.model === 'string' && c.embeddings.model) {
      paths.push([c.embeddings.model, ['models', name, 'embeddings', 'model']]);
    }
    for (const [written, where] of paths) {
      const why = await refusal(fs, written, file, root);
      // Confined: `society check` reads its header as it reads a census table (SOC155).
      const problem = why ? undefined : fs.modelFileProblem?.(await modelTarget(fs, written, file), where.length === 3);
      if (!why && !problem) continue;
      out.push({
        code: why ? 'SOC153' : 'SOC155',
        severity: 'error',
        message: why ? `Model file '${written}' ${why}` : `Model file '${written}': ${problem}`,
        file,
        range: at.valueRange(where),
      });
    }
  }
  return out;
};
