// An experiment's conditions as sides to compare (issue 73: given an experiment's folder, compare
// said it "holds no trace.jsonl"). An experiment writes each run as traces/<condition>-seed<n>.jsonl
// (traceFiles.ts); two conditions' runs are two sets, paired by seed as any two sets of runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { conditionFileStem } from '../../format';
import type { CompareSide } from './compareInputs';

const RUN_FILE = /^(.+)-seed(\d+)\.jsonl$/;

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

/** Each condition's finished runs (its file stem → trace files, by seed), in the order first seen. */
export function conditionRuns(traces: string): Map<string, string[]> {
  const found = new Map<string, { seed: number; file: string }[]>();
  for (const name of fs.readdirSync(traces).sort()) {
    const m = RUN_FILE.exec(name);
    if (!m || !fs.statSync(path.join(traces, name)).isFile()) continue;
    const runs = found.get(m[1]) ?? [];
    runs.push({ seed: Number(m[2]), file: path.join(traces, name) });
    found.set(m[1], runs);
  }
  return new Map([...found].map(([stem, runs]) => [stem, runs.sort((a, b) => a.seed - b.seed).map((r) => r.file)]));
}

/** Largest experiment.json read for its conditions' names and order (it also holds every run's figures). */
const MAX_EXPERIMENT_JSON = 64 * 1024 * 1024;

/**
 * The conditions as the experiment lists them (experiment.json beside traces/): their stems in the
 * scenario's order, and the names it writes. Empty when there is no such file, or it cannot be read.
 */
export function declaredConditions(traces: string): Map<string, string> {
  const file = path.join(path.dirname(traces), 'experiment.json');
  try {
    if (fs.statSync(file).size > MAX_EXPERIMENT_JSON) return new Map();
    const conditions = (JSON.parse(fs.readFileSync(file, 'utf8')) as { conditions?: unknown }).conditions;
    if (!Array.isArray(conditions)) return new Map();
    const names = conditions.map((c) => (c as { name?: unknown })?.name).filter((n) => typeof n === 'string');
    return new Map(names.map((n) => [conditionFileStem(n), n]));
  } catch {
    return new Map();
  }
}

/** The stem a condition named by a person (its name as written in the scenario, or its stem) has. */
function stemOf(wanted: string, stems: readonly string[]): string | undefined {
  return stems.find((s) => s === wanted) ?? stems.find((s) => s === conditionFileStem(wanted));
}

/**
 * Two conditions of the experiment in `dir` as sides A and B: those named, or the only two it has.
 * Throws a sentence naming the experiment's conditions when that cannot be.
 */
export function conditionSides(
  dir: string,
  wanted?: readonly [string, string],
): { sides: [CompareSide, CompareSide]; labels: [string, string] } {
  const traces = experimentTraces(dir);
  if (!traces) throw new Error(`${dir} is not an experiment's folder: it has no traces/<condition>-seed<n>.jsonl`);
  const runs = conditionRuns(traces);
  // In the scenario's order (its first condition is A), named as it names them, where it says.
  const declared = declaredConditions(traces);
  const order = [...declared.keys()];
  const rank = (stem: string) => (order.includes(stem) ? order.indexOf(stem) : order.length);
  const stems = [...runs.keys()].sort((a, b) => rank(a) - rank(b));
  const nameOf = (stem: string) => declared.get(stem) ?? stem;
  const listed = `its conditions: ${stems.map(nameOf).join(', ')}`;
  let pair: string[];
  if (wanted) {
    pair = wanted.map((w) => {
      const stem = stemOf(w, stems);
      if (!stem) throw new Error(`the experiment has no condition '${w}' (${listed})`);
      return stem;
    });
    if (pair[0] === pair[1]) throw new Error(`condition '${wanted[0]}' is compared with itself: name two (${listed})`);
  } else if (stems.length === 2) {
    pair = stems;
  } else {
    throw new Error(`the experiment has ${stems.length} conditions: name two with --conditions A,B (${listed})`);
  }
  const side = (stem: string): CompareSide => ({ kind: 'runs', files: runs.get(stem)! });
  return { sides: [side(pair[0]), side(pair[1])], labels: [nameOf(pair[0]), nameOf(pair[1])] };
}
