// An experiment's conditions as sides to compare (issue 73: given an experiment's folder, compare
// said it "holds no trace.jsonl"). An experiment writes each run as traces/<condition>-seed<n>.jsonl
// (traceFiles.ts); two conditions' runs are two sets, paired by seed as any two sets of runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { conditionFileStem } from '../../format';
import { nameRecord } from '../../text/nameRecord';
import { traceFileName } from '../traceFiles';
import type { CompareSide } from './compareInputs';
import { experimentTraces, RUN_FILE } from './experimentTraces';

export { experimentTraces } from './experimentTraces';

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

export interface ExperimentRecord {
  /** Condition stems in the scenario's order, with the names it writes. */
  names: Map<string, string>;
  /** Each run's recorded outcomes, by its trace file. */
  outcomes: Map<string, Record<string, number | null>>;
  /** The experiment's own outcomes (its `metrics:`), in its order. */
  metrics: string[];
}

/**
 * What experiment.json beside traces/ says: the conditions in the scenario's order and the names it
 * writes, and each run's outcomes (its declared state's too, which a condition's trace alone cannot
 * give: the condition's scenario is nowhere on disk). Empty when there is no such file or it cannot be read.
 */
export function experimentRecord(traces: string): ExperimentRecord {
  const record: ExperimentRecord = { names: new Map(), outcomes: new Map(), metrics: [] };
  const file = path.join(path.dirname(traces), 'experiment.json');
  let json: { conditions?: unknown; runs?: unknown; metrics?: unknown };
  try {
    if (fs.statSync(file).size > MAX_EXPERIMENT_JSON) return record;
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof json;
  } catch {
    return record;
  }
  for (const m of Array.isArray(json.metrics) ? json.metrics : []) if (typeof m === 'string') record.metrics.push(m);
  for (const c of Array.isArray(json.conditions) ? json.conditions : []) {
    const name = (c as { name?: unknown })?.name;
    if (typeof name === 'string') record.names.set(conditionFileStem(name), name);
  }
  for (const r of Array.isArray(json.runs) ? json.runs : []) {
    const { condition, seed, metrics } = (r ?? {}) as { condition?: unknown; seed?: unknown; metrics?: unknown };
    if (typeof condition !== 'string' || !Number.isInteger(seed) || !metrics || typeof metrics !== 'object') continue;
    const values = nameRecord<number | null>();
    for (const [k, v] of Object.entries(metrics)) {
      if (v === null || (typeof v === 'number' && Number.isFinite(v))) values[k] = v;
    }
    record.outcomes.set(path.join(traces, traceFileName(condition, seed as number)), values);
  }
  return record;
}

/**
 * The experiment's conditions that have runs, in the scenario's order, each with the name the
 * scenario writes (`multiplier 1.6`, not its file stem `multiplier-1-6`) where experiment.json
 * says it, else its stem: what a picker lists (issue 88: typing "multiplier 4" found nothing).
 */
export function conditionList(traces: string): { stem: string; name: string }[] {
  const record = experimentRecord(traces);
  const order = [...record.names.keys()];
  const rank = (stem: string) => (order.includes(stem) ? order.indexOf(stem) : order.length);
  return [...conditionRuns(traces).keys()]
    .sort((a, b) => rank(a) - rank(b))
    .map((stem) => ({ stem, name: record.names.get(stem) ?? stem }));
}

/** The stem a condition named by a person (its name as written in the scenario, or its stem) has. */
function stemOf(wanted: string, stems: readonly string[]): string | undefined {
  return stems.find((s) => s === wanted) ?? stems.find((s) => s === conditionFileStem(wanted));
}

/**
 * `A,B` as two condition names when the names hold commas themselves ("talk, groups of 4"): the
 * split at the comma that leaves a known condition on both sides, if exactly one does.
 */
export function splitConditionPair(text: string, known: (name: string) => boolean): [string, string] | undefined {
  const splits: [string, string][] = [];
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
    const a = text.slice(0, i).trim(),
      b = text.slice(i + 1).trim();
    if (a && b && known(a) && known(b)) splits.push([a, b]);
  }
  return splits.length === 1 ? splits[0] : undefined;
}

/** Two conditions of an experiment, resolved: their file stems, with what the experiment says of them. */
export interface ConditionPair {
  traces: string;
  record: ExperimentRecord;
  runs: Map<string, string[]>;
  pair: [string, string];
  nameOf: (stem: string) => string;
}

/**
 * Two conditions of the experiment in `dir`: those named (a pair, or `A,B` as written, names with
 * commas included), or the only two it has. Throws a sentence naming the experiment's conditions
 * when that cannot be.
 */
export function conditionPair(dir: string, asked?: readonly [string, string] | string): ConditionPair {
  const traces = experimentTraces(dir);
  if (!traces) throw new Error(`${dir} is not an experiment's folder: it has no traces/<condition>-seed<n>.jsonl`);
  const runs = conditionRuns(traces);
  // In the scenario's order (its first condition is A), named as it names them, where it says.
  const record = experimentRecord(traces);
  const declared = record.names;
  const order = [...declared.keys()];
  const rank = (stem: string) => (order.includes(stem) ? order.indexOf(stem) : order.length);
  const stems = [...runs.keys()].sort((a, b) => rank(a) - rank(b));
  const nameOf = (stem: string) => declared.get(stem) ?? stem;
  const listed = `its conditions: ${stems.map(nameOf).join('; ')}`;
  const known = (name: string): boolean => stemOf(name, stems) !== undefined || [...declared.values()].includes(name);
  // A pair as written; where no split names two conditions, the plain one, whose unknown name the error below says.
  const plain = (s: string): [string, string] | undefined => {
    const parts = s.split(',').map((x) => x.trim());
    return parts.length === 2 && parts.every((x) => x) ? [parts[0], parts[1]] : undefined;
  };
  const wanted = typeof asked === 'string' ? (splitConditionPair(asked, known) ?? plain(asked)) : asked;
  if (typeof asked === 'string' && !wanted) {
    throw new Error(`'${asked}' does not name two of the experiment's conditions as A,B (${listed})`);
  }
  let pair: [string, string];
  if (wanted) {
    pair = wanted.map((w) => {
      const stem = stemOf(w, stems);
      if (!stem) throw new Error(`the experiment has no condition '${w}' (${listed})`);
      return stem;
    }) as [string, string];
    if (pair[0] === pair[1]) throw new Error(`condition '${wanted[0]}' is compared with itself: name two (${listed})`);
  } else if (stems.length === 2) {
    pair = [stems[0], stems[1]];
  } else {
    throw new Error(`the experiment has ${stems.length} conditions: name two with --conditions A,B (${listed})`);
  }
  return { traces, record, runs, pair, nameOf };
}

/** Two conditions of the experiment in `dir` (conditionPair) as sides A and B, their runs paired by seed. */
export function conditionSides(
  dir: string,
  asked?: readonly [string, string] | string,
): { sides: [CompareSide, CompareSide]; labels: [string, string] } {
  const { record, runs, pair, nameOf } = conditionPair(dir, asked);
  const side = (stem: string): CompareSide => ({
    kind: 'runs',
    files: runs.get(stem)!,
    recorded: record.outcomes,
    condition: true,
    outcomes: record.metrics,
  });
  return { sides: [side(pair[0]), side(pair[1])], labels: [nameOf(pair[0]), nameOf(pair[1])] };
}
