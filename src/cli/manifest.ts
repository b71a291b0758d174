// Which files in a folder our commands wrote: `society run` its trace and checkpoint, `society
// report` its five files. `--overwrite` removes only files listed here (and, in a folder from
// before the list existed, the report files beside a trace of ours), never a user's file: it once
// deleted any report.html, metrics.json or ties.* in --out, even where no run had ever been.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MANIFEST_FILE = '.society-files.json';

/** The files listed as ours in `dir`, or undefined when the folder has no list. */
export function writtenFiles(dir: string): Set<string> | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as { files?: unknown };
    return new Set(
      Array.isArray(parsed.files)
        ? parsed.files.filter((f): f is string => typeof f === 'string' && !f.includes('/') && !f.includes('\\'))
        : [],
    );
  } catch {
    return undefined;
  }
}

function save(dir: string, files: Set<string>): void {
  fs.writeFileSync(
    path.join(dir, MANIFEST_FILE),
    JSON.stringify(
      {
        note: 'files Society Studio wrote here; `society run --overwrite` removes only these',
        files: [...files].sort(),
      },
      null,
      2,
    ) + '\n',
  );
}

/** Lists `names` (file names in `dir`) as written by us. */
export function recordWritten(dir: string, names: readonly string[]): void {
  const files = writtenFiles(dir) ?? new Set<string>();
  for (const n of names) files.add(n);
  save(dir, files);
}

/** Takes `names` off the list (they were removed). */
export function forgetWritten(dir: string, names: readonly string[]): void {
  const files = writtenFiles(dir);
  if (!files) return;
  for (const n of names) files.delete(n);
  save(dir, files);
}
