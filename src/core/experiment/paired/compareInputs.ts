// What `society compare` (and the editor's Compare Runs) is given for each side: a trace file, a run folder (holding trace.jsonl),
// or a folder of run folders (one per seed: the trace.jsonl files one or two levels down, as
// `runs/<name>/trace.jsonl` or `runs/<name>/seed-3/trace.jsonl`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ioReason } from '../../files/ioReason';
import { pushAll } from '../../text/pushAll';
import { experimentTraces } from './experimentTraces';

/** The trace a run folder holds (`society run --out`, the editor's runs folder). */
export const TRACE_FILE = 'trace.jsonl';

export type CompareSide =
  | { kind: 'run'; file: string }
  | {
      kind: 'runs';
      files: string[];
      /**
       * Outcomes the experiment recorded for a run, by its trace file: its declared state's
       * (`agents.coins.mean`…), which its trace alone cannot give (a condition's scenario is not on disk).
       */
      recorded?: ReadonlyMap<string, Readonly<Record<string, number | null>>>;
      /** A condition of an experiment (conditionSides): its scenario and settings differ from another's by design. */
      condition?: true;
      /** The experiment's own outcomes (its `metrics:`): their series are drawn first (issue 88). */
      outcomes?: readonly string[];
    };

function isFile(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() === true;
}

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/** The side `arg` names; throws with a sentence (naming it as `shown` does) when it names none. */
export function compareSide(arg: string, shown: (p: string) => string = (p) => p): CompareSide {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(arg);
  } catch (err) {
    throw new Error(`${shown(arg)}: ${ioReason(err, 'run folder or trace')}`, { cause: err });
  }
  if (!stat.isDirectory()) return { kind: 'run', file: arg };
  const own = path.join(arg, TRACE_FILE);
  if (isFile(own)) return { kind: 'run', file: own };
  const files: string[] = [];
  for (const sub of subfolders(arg)) {
    const trace = path.join(sub, TRACE_FILE);
    if (isFile(trace)) files.push(trace);
    else {
      pushAll(
        files,
        subfolders(sub)
          .map((s) => path.join(s, TRACE_FILE))
          .filter(isFile),
      );
    }
  }
  if (!files.length) {
    if (experimentTraces(arg)) {
      throw new Error(
        `${shown(arg)} is an experiment: compare two of its conditions with \`society compare ${shown(arg)} --conditions A,B\``,
      );
    }
    throw new Error(
      `${shown(arg)} holds no ${TRACE_FILE}, neither in it nor in the run folders one or two levels down`,
    );
  }
  return { kind: 'runs', files };
}
