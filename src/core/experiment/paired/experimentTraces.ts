// Where an experiment keeps its runs: traces/<condition>-seed<n>.jsonl (traceFiles.ts). Its own
// file, so compare's inputs can recognise an experiment without reading its conditions.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A finished run's file name under traces/: the condition's stem and the seed. */
export const RUN_FILE = /^(.+)-seed(\d+)\.jsonl$/;

/** The traces/ folder of an experiment given as its folder or as traces/ itself; undefined when neither. */
export function experimentTraces(dir: string): string | undefined {
  for (const candidate of [path.join(dir, 'traces'), dir]) {
    let names: string[];
    try {
      names = fs.readdirSync(candidate);
    } catch {
      continue;
    }
    if (names.some((n) => RUN_FILE.test(n))) return candidate;
  }
  return undefined;
}
