// society_files: what a run, experiment or study folder holds (its files and their sizes, its
// runs by condition and seed), and the local model files this machine has in the cache the
// installer uses — so an assistant can find the trace, the write-up or a model to name without
// guessing and without reading a folder behind the tools' back. Bounded in entries and depth;
// paths relative to the working folder (model files by name: that is how a study names them).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { societyCache } from '../llm/local/settings';
import { pathArg } from './pathArg';
import { tool } from './tool';

/** Entries listed at most, over every level. */
const MAX_ENTRIES = 2_000;
const MAX_DEPTH = 4;

interface Listed {
  path: string;
  bytes?: number;
  folder?: true;
}

function walk(root: string, dir: string, depth: number, out: Listed[]): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return true;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (out.length >= MAX_ENTRIES) return false;
    const full = path.join(dir, e.name);
    const rel = path.relative(root, full).split(path.sep).join('/');
    // A link is listed, never followed: where it leads may be outside the working folder.
    if (e.isSymbolicLink()) out.push({ path: `${rel} (a link, not followed)` });
    else if (e.isDirectory()) {
      out.push({ path: `${rel}/`, folder: true });
      if (depth < MAX_DEPTH && !walk(root, full, depth + 1, out)) return false;
    } else if (e.isFile()) out.push({ path: rel, bytes: fs.statSync(full).size });
  }
  return true;
}

/** The GGUF files in the model cache, by name, with their sizes. */
function cachedModels(): { file: string; bytes: number }[] {
  const dir = path.join(societyCache(), 'models');
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.gguf'))
      .map((e) => ({ file: e.name, bytes: fs.statSync(path.join(dir, e.name)).size }));
  } catch {
    return [];
  }
}

export const filesTool = tool({
  name: 'society_files',
  title: 'List run and model files',
  description:
    "List what a run, experiment or study folder holds (files with sizes, folders, up to 4 levels and 2,000 entries; links are named, not followed) and, with models: true, the local GGUF model files in this machine's model cache (a study or scenario names one by its file name).",
  input: {
    folder: pathArg('read', 'a run, experiment or study folder inside the working folder').optional(),
    models: z.boolean().default(false).describe('also list the local model files of the model cache'),
  },
  kind: 'read',
  async invoke({ folder, models }, host) {
    const out: Listed[] = [];
    const whole = folder ? walk(folder, folder, 1, out) : true;
    return {
      ...(folder
        ? {
            folder: path.relative(host.cwd, folder) || '.',
            entries: out,
            ...(whole ? {} : { cut: `listed the first ${MAX_ENTRIES} entries` }),
          }
        : {}),
      ...(models ? { models: cachedModels() } : {}),
    };
  },
});
