// `society experiment merge`: shards of one experiment (shard.ts) back into one. The shards must be
// of the same scenario (content hash) and plan, with the same n and each part 1..n once; their
// runs, in plan order, are analysed and written exactly as one machine's run writes them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { canonicalJSON } from '../engine';
import { analyzeExperiment } from './analyze';
import type { ExperimentResult } from './types';
import { writeExperimentFiles } from './experimentFiles';
import type { RunOutcome } from './outcome';
import { inShard, type ShardFile, type ShardPlan } from './shard';
import { unwholeTrace } from '../trace/traceEnds';
import { maxOf } from '../stats/extremes';
import { copyFileSafely, outputSubfolder } from '../files/safeWrite';
import { bookPathOf } from './traceFiles';

/** A shard file and the folder it was read from. */
export interface ShardInput {
  dir: string;
  file: ShardFile;
}

const PLAN_FIELDS: readonly (keyof ShardPlan)[] = [
  'conditions',
  'seeds',
  'rounds_by_condition',
  'reference',
  'metrics',
  'claims',
  'model',
  'runs',
];
const HOW_TO_AGREE: Partial<Record<keyof ShardPlan, string>> = {
  seeds: 'give every shard the same --seeds',
  rounds_by_condition: 'give every shard the same --rounds',
  reference: 'give every shard the same --reference',
  runs: 'give every shard the same --seeds',
};

/** "2, 5 and 7" */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Groups the shards by what `key` gives, in the order first seen. */
function groups<K>(shards: readonly ShardInput[], key: (s: ShardInput) => K): Map<K, ShardInput[]> {
  const out = new Map<K, ShardInput[]>();
  for (const s of shards) out.set(key(s), [...(out.get(key(s)) ?? []), s]);
  return out;
}

const dirs = (shards: readonly ShardInput[]): string => listed(shards.map((s) => s.dir));
const short = (value: unknown): string => {
  const t = JSON.stringify(value) ?? 'null';
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
};

/** Run k of a plan: condition by condition, seed by seed (plan.ts). */
function planRun(plan: ShardPlan, k: number): { condition: string; seed: number } {
  return {
    condition: plan.conditions[Math.floor(k / plan.seeds.length)].name,
    seed: plan.seeds[k % plan.seeds.length],
  };
}

/**
 * What stops `shards` from being merged, one sentence each (none: they merge). Checked in this
 * order, each only when the ones before it pass: whole shards, one scenario, one plan, one n,
 * each part once, each shard holding its part's runs.
 */
export function shardProblems(shards: readonly ShardInput[]): string[] {
  if (shards.length === 0) return ['no shard folders given'];
  const partial = shards.filter((s) => s.file.partial || s.file.runs_finished < s.file.runs_planned);
  if (partial.length) {
    return partial.map(
      (s) =>
        `${s.dir}: shard ${s.file.shard.index}/${s.file.shard.count} is partial (${s.file.runs_finished} of ${s.file.runs_planned} runs finished): run it again`,
    );
  }
  const byHash = groups(shards, (s) => s.file.scenario.hash);
  if (byHash.size > 1) {
    return [
      `the shards are of different scenarios: ${[...byHash].map(([hash, ss]) => `'${ss[0].file.scenario.name}' ${hash.slice(0, 19)}… (${dirs(ss)})`).join('; ')}`,
    ];
  }
  const problems: string[] = [];
  for (const field of PLAN_FIELDS) {
    const byValue = groups(shards, (s) => canonicalJSON(s.file.plan[field] ?? null));
    if (byValue.size > 1) {
      const how = HOW_TO_AGREE[field];
      problems.push(
        `the shards' plans differ in ${field}: ${[...byValue].map(([, ss]) => `${short(ss[0].file.plan[field])} (${dirs(ss)})`).join(' vs ')}${how ? `; ${how}` : ''}`,
      );
    }
  }
  if (problems.length) return problems;
  const byCount = groups(shards, (s) => s.file.shard.count);
  if (byCount.size > 1) {
    return [
      `the shards disagree on n: ${[...byCount].map(([n, ss]) => `${ss.map((s) => `${s.file.shard.index}/${n}`).join(', ')} (${dirs(ss)})`).join(' vs ')}`,
    ];
  }
  const n = shards[0].file.shard.count;
  const byIndex = groups(shards, (s) => s.file.shard.index);
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) {
    problems.push(
      `missing ${missing.length === 1 ? 'shard' : 'shards'} ${listed(missing.map((i) => `${i}/${n}`))} (of ${n}; given: ${listed([...byIndex.keys()].sort((a, b) => a - b).map((i) => `${i}/${n}`))})`,
    );
  }
  for (const [i, ss] of [...byIndex].sort(([a], [b]) => a - b)) {
    if (ss.length > 1) {
      problems.push(`shard ${i}/${n} is given ${ss.length === 2 ? 'twice' : `${ss.length} times`}: ${dirs(ss)}`);
    }
  }
  if (problems.length) return problems;
  const plan = shards[0].file.plan;
  for (const s of shards) {
    const expected = Array.from({ length: plan.runs }, (_, k) => k).filter((k) => inShard(k, s.file.shard));
    const held = s.file.runs.map((r) => r.index);
    if (canonicalJSON([...held].sort((a, b) => a - b)) !== canonicalJSON(expected)) {
      problems.push(
        `${s.dir}: shard ${s.file.shard.index}/${n} holds runs ${short(held)}, not its part of the plan ${short(expected)}`,
      );
      continue;
    }
    for (const r of s.file.runs) {
      const want = planRun(plan, r.index);
      if (r.outcome.condition !== want.condition || r.outcome.seed !== want.seed) {
        problems.push(
          `${s.dir}: run ${r.index} is ${short(r.outcome.condition)} seed ${r.outcome.seed}, the plan's run ${r.index} is ${short(want.condition)} seed ${want.seed}`,
        );
      }
    }
  }
  return problems;
}

export interface MergedExperiment {
  result: ExperimentResult;
  files: string[];
  /** Each shard's wall seconds, by shard index. */
  shardSeconds: number[];
  /** The longest shard's: what the experiment took with every shard running at once. */
  wallSeconds: number;
}

/** The shards' runs in plan order. The shards must have passed shardProblems. */
export function mergedRuns(shards: readonly ShardInput[]): RunOutcome[] {
  return shards
    .flatMap((s) => s.file.runs)
    .sort((a, b) => a.index - b.index)
    .map((r) => r.outcome);
}

/** Analyses the shards' runs and writes the experiment's files into `outDir`. The shards must have passed shardProblems. */
export function mergeShards(shards: readonly ShardInput[], outDir: string): MergedExperiment {
  const { plan, scenario } = shards[0].file;
  const result = analyzeExperiment(scenario.name, plan.conditions, plan.seeds, mergedRuns(shards), {
    reference: plan.reference,
    metrics: plan.metrics ?? undefined,
    claims: plan.claims ?? undefined,
    ...(plan.world ? { world: plan.world } : {}),
    paperClaims: plan.paper_claims !== false,
  });
  const shardSeconds = [...shards]
    .sort((a, b) => a.file.shard.index - b.file.shard.index)
    .map((s) => s.file.wall_seconds);
  const wallSeconds = Math.max(0, maxOf(shardSeconds));
  // The conditions' order, as the run on one machine has it (an object would put names like '10' first).
  const roundsBy = new Map(plan.conditions.map((c) => [c.name, plan.rounds_by_condition[c.name]] as const));
  const files = writeExperimentFiles(outDir, { result, model: plan.model, roundsBy, wallSeconds, planned: plan.runs });
  return { result, files, shardSeconds, wallSeconds };
}

export interface GatheredTraces {
  linked: number;
  copied: number;
  /** Traces a shard file names that are not in its folder (a shard copied without its traces). */
  missing: string[];
}

/** A run's trace as its shard file names it: `from`, in the shard's folder, or undefined when it names none there. */
interface NamedTrace {
  shard: ShardInput;
  run: ShardFile['runs'][number];
  /** As named, under the shard's folder (for messages). */
  named: string;
  from: string | undefined;
}

/** The traces the shard files name; a shard file names traces in its own folder only. */
function namedTraces(shards: readonly ShardInput[]): NamedTrace[] {
  const out: NamedTrace[] = [];
  for (const shard of shards) {
    const root = path.resolve(shard.dir);
    for (const run of shard.file.runs) {
      if (run.trace === null || run.trace === undefined) continue;
      const from = path.resolve(root, run.trace);
      const inside = from.startsWith(root + path.sep) && fs.existsSync(from);
      out.push({ shard, run, named: path.join(shard.dir, run.trace), from: inside ? from : undefined });
    }
  }
  return out;
}

/**
 * The traces a shard file names that are there but are not the whole run (a copy cut short, a
 * different run's trace), one sentence each: merged, they would pass for whole runs. Two small
 * reads per trace (trace/traceEnds.ts). A missing trace is not one of these: gatherTraces lists it.
 */
export function shardTraceProblems(shards: readonly ShardInput[]): string[] {
  const problems: string[] = [];
  for (const t of namedTraces(shards)) {
    const why = t.from && unwholeTrace(t.from, t.run.outcome.seed);
    if (why) {
      problems.push(
        `${t.named}: the trace of run ${t.run.index} of shard ${t.shard.file.shard.index}/${t.shard.file.shard.count} is not the whole run: ${why}; copy it again from where the shard ran, or run the shard again`,
      );
    }
  }
  return problems;
}

/**
 * Brings the shards' traces together under `outDir/traces`, and their prompt books under
 * `outDir/prompts`: a hard link where the file system allows one (same disk), else a copy. A
 * trace already there is replaced.
 */
export function gatherTraces(shards: readonly ShardInput[], outDir: string): GatheredTraces {
  const into = path.join(outDir, 'traces');
  const out: GatheredTraces = { linked: 0, copied: 0, missing: [] };
  for (const { named, from } of namedTraces(shards)) {
    if (!from) {
      out.missing.push(named);
      continue;
    }
    outputSubfolder(outDir, 'traces');
    const to = path.join(into, path.basename(from));
    if (path.resolve(to) === from) {
      out.linked++;
      continue;
    }
    if (bringFile(from, to) === 'linked') out.linked++;
    else out.copied++;
    // Its prompt book beside it, when the run kept one (a regular file in the shard's prompts/).
    const book = bookPathOf(from);
    const st = fs.lstatSync(book, { throwIfNoEntry: false });
    if (st?.isFile()) bringFile(book, bookPathOf(to), () => outputSubfolder(outDir, 'prompts'));
    else fs.rmSync(bookPathOf(to), { force: true });
  }
  return out;
}

/** `from` at `to`: a hard link where the file system allows one (same disk), else a copy. */
function bringFile(from: string, to: string, makeFolder?: () => void): 'linked' | 'copied' {
  makeFolder?.();
  fs.rmSync(to, { force: true });
  try {
    fs.linkSync(from, to);
    return 'linked';
  } catch {
    copyFileSafely(from, to);
    return 'copied';
  }
}
