// The command `society run` prints for continuing a stopped run, with every option the resume
// needs to load the same scenario and answer as the run did: without `--scenario NAME`, following
// it on a file holding several scenarios resumed another one and failed on a content hash.
import * as path from 'node:path';
import { shellWord } from '../core/text/shellWord';

export interface ResumeOptions {
  /** The scenario file and the run folder (absolute or relative to `cwd`). */
  file: string;
  out: string;
  /** Which scenario of the file (given when it holds several). */
  scenario?: string;
  /** `--root`, `--cache` and `--replay` as the run had them. */
  root?: string;
  cache?: string;
  replay?: boolean;
  /** `--allow-module` and `--module-time-limit S`: a resumed run with a module runs it as the run did. */
  allowModule?: boolean;
  moduleTimeLimit?: string;
  /** `--play AGENT` and its options (`play-timeout`, …) as given: a played run resumes played. */
  play?: Record<string, string | undefined>;
}

/** `society run FILE [--scenario NAME] [--root DIR] --out DIR [--cache DIR] [--replay] [--allow-module] [--module-time-limit S] --resume`, paths as typed from `cwd`. */
export function resumeCommand(o: ResumeOptions, cwd = process.cwd()): string {
  const from = (p: string, here: string): string => shellWord(path.relative(cwd, path.resolve(cwd, p)) || here);
  return [
    'society run',
    from(o.file, o.file),
    ...(o.scenario !== undefined ? ['--scenario', shellWord(o.scenario)] : []),
    ...(o.root !== undefined ? ['--root', from(o.root, '.')] : []),
    '--out',
    from(o.out, '.'),
    ...(o.cache !== undefined ? ['--cache', from(o.cache, '.')] : []),
    ...(o.replay ? ['--replay'] : []),
    ...(o.allowModule ? ['--allow-module'] : []),
    ...(o.moduleTimeLimit !== undefined ? ['--module-time-limit', shellWord(o.moduleTimeLimit)] : []),
    ...Object.entries(o.play ?? {}).flatMap(([k, v]) => (v !== undefined ? [`--${k}`, shellWord(v)] : [])),
    '--resume',
  ].join(' ');
}
