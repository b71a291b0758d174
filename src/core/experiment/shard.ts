// One machine's slice of an experiment (`society experiment --shard i/n`): run k of the plan
// (0..N-1, condition by condition, seed by seed) belongs to shard (k mod n) + 1, so every shard
// holds runs of every condition and of spread-out seeds, and shard sizes differ by one at most.
// A shard writes shard.json (its runs' outcomes, with the plan they came from); `society
// experiment merge` checks that the shards are of one plan and writes the experiment's files.
import type { WorldFacts } from '../analysis';
import { experimentWorld } from './experimentWorld';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExperimentPlan, ExperimentRunSpec } from './plan';
import type { RunOutcome } from './outcome';
import type { DeclaredClaim, ExperimentCondition, Scenario } from '../format';
import { scenarioHash } from '../engine';
import { paperClaimsApply } from './paperClaimsApply';
import { writeFileSafely } from '../files/safeWrite';

export interface Shard {
  /** 1..count */
  index: number;
  count: number;
}

export const SHARD_FILE = 'shard.json';
export const SHARD_FORMAT = 'society-experiment-shard';
export const SHARD_FORMAT_VERSION = 1;

/** `2/4` as a shard, or why it is none (a sentence for `--shard`). */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*$/.exec(text);
  if (!m) return `--shard takes i/n (this machine's part i of n), as in 2/4; got '${text}'`;
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1) return `--shard ${text}: n must be at least 1`;
  if (index < 1 || index > count) {
    return `--shard ${text}: i must be between 1 and ${count} (shards are numbered 1 to n)`;
  }
  return { index, count };
}

/** Whether run `k` (its plan index) is one of `shard`'s. */
export function inShard(k: number, shard: Shard): boolean {
  return k % shard.count === shard.index - 1;
}

/** The plan's runs a shard runs, numbered 0..m-1 as a plan of their own; `planIndex[j]` is run j's index in the whole plan. */
export function shardPlan(plan: ExperimentPlan, shard: Shard | undefined): ExperimentPlan & { planIndex: number[] } {
  if (!shard) return { ...plan, planIndex: plan.runs.map((r) => r.index) };
  const mine = plan.runs.filter((r) => inShard(r.index, shard));
  return {
    ...plan,
    runs: mine.map((r, j): ExperimentRunSpec => ({ ...r, index: j })),
    planIndex: mine.map((r) => r.index),
  };
}

/** What every shard of one experiment must agree on. */
export interface ShardPlan {
  conditions: ExperimentCondition[];
  seeds: number[];
  rounds_by_condition: Record<string, number>;
  reference: string;
  /** The scenario's `experiment.metrics`, or null for the default set. */
  metrics: string[] | null;
  /** The scenario's `experiment.claims` (absent: none, or a shard written before they existed). */
  claims?: DeclaredClaim[];
  /** false: the seed paper's claims are not tested (paperClaimsApply); absent: they are. */
  paper_claims?: false;
  /** The models, as the report names them (modelLine). */
  model: string;
  /** What the world provides (experimentWorld.ts); absent in shards written before it was recorded. */
  world?: WorldFacts;
  /** Runs in the whole plan (conditions × seeds). */
  runs: number;
}

export interface ShardRun {
  /** The run's index in the whole plan. */
  index: number;
  /** Its trace, relative to the shard's folder; null without traces (--no-traces). */
  trace: string | null;
  outcome: RunOutcome;
}

export interface ShardFile {
  format: typeof SHARD_FORMAT;
  version: typeof SHARD_FORMAT_VERSION;
  scenario: { name: string; hash: string };
  plan: ShardPlan;
  shard: Shard;
  partial: boolean;
  runs_planned: number;
  runs_finished: number;
  wall_seconds: number;
  runs: ShardRun[];
}

/** A shard's file, from what runExperiment ran: `outcomes[j]` is run j of `shardPlan`'s, undefined when it did not finish. */
export function shardFileOf(o: {
  scenario: Scenario;
  plan: ExperimentPlan;
  shard: Shard;
  planIndex: readonly number[];
  outcomes: readonly (RunOutcome | undefined)[];
  outDir: string;
  tracePaths?: readonly string[];
  roundsBy: ReadonlyMap<string, number>;
  reference?: string;
  model: string;
  wallSeconds: number;
}): ShardFile {
  const runs: ShardRun[] = [];
  o.outcomes.forEach((outcome, j) => {
    if (!outcome) return;
    const trace = o.tracePaths ? path.relative(o.outDir, o.tracePaths[j]).split(path.sep).join('/') : null;
    runs.push({ index: o.planIndex[j], trace, outcome });
  });
  return {
    format: SHARD_FORMAT,
    version: SHARD_FORMAT_VERSION,
    scenario: { name: o.scenario.name, hash: scenarioHash(o.scenario) },
    plan: {
      conditions: o.plan.conditions,
      seeds: o.plan.seeds,
      rounds_by_condition: Object.fromEntries(o.roundsBy),
      reference: o.reference ?? o.plan.conditions[0].name,
      metrics: o.scenario.experiment?.metrics ?? null,
      ...(o.scenario.experiment?.claims?.length ? { claims: o.scenario.experiment.claims } : {}),
      ...(paperClaimsApply(o.scenario) ? {} : { paper_claims: false as const }),
      model: o.model,
      world: experimentWorld(o.scenario, o.plan.conditions),
      runs: o.plan.runs.length,
    },
    shard: o.shard,
    partial: runs.length < o.planIndex.length,
    runs_planned: o.planIndex.length,
    runs_finished: runs.length,
    wall_seconds: o.wallSeconds,
    runs,
  };
}

/** Writes `dir/shard.json`; gives its path. */
export function writeShardFile(dir: string, file: ShardFile): string {
  const at = path.join(dir, SHARD_FILE);
  writeFileSafely(at, JSON.stringify(file, null, 2) + '\n');
  return at;
}

/**
 * The shard file in `dir` (the folder a shard wrote, or its shard.json itself), or a sentence
 * saying why there is none usable.
 */
export function readShardFile(dir: string): ShardFile | string {
  const file = path.basename(dir) === SHARD_FILE ? dir : path.join(dir, SHARD_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `${file}: no shard file (\`society experiment <scenario> --shard i/n --out DIR\` writes DIR/${SHARD_FILE})`
      : `${file}: cannot be read (${code ?? String(err)})`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return `${file}: not JSON (${err instanceof Error ? err.message : String(err)})`;
  }
  const f = json as Partial<ShardFile> | null;
  if (!f || typeof f !== 'object' || f.format !== SHARD_FORMAT) {
    return `${file}: not a shard file (format is not '${SHARD_FORMAT}')`;
  }
  if (f.version !== SHARD_FORMAT_VERSION) {
    return `${file}: shard file version ${String(f.version)}, this society reads version ${SHARD_FORMAT_VERSION}`;
  }
  const shape = [
    f.scenario && typeof f.scenario.name === 'string' && typeof f.scenario.hash === 'string',
    f.plan &&
      Array.isArray(f.plan.conditions) &&
      Array.isArray(f.plan.seeds) &&
      typeof f.plan.runs === 'number' &&
      typeof f.plan.reference === 'string',
    f.shard &&
      Number.isSafeInteger(f.shard.index) &&
      Number.isSafeInteger(f.shard.count) &&
      f.shard.count >= 1 &&
      f.shard.index >= 1 &&
      f.shard.index <= f.shard.count,
    Array.isArray(f.runs) &&
      f.runs.every((r) => r && Number.isSafeInteger(r.index) && r.outcome && typeof r.outcome === 'object'),
  ];
  if (!shape.every(Boolean)) {
    return `${file}: a damaged shard file (${['scenario', 'plan', 'shard', 'runs'][shape.findIndex((ok) => !ok)]} is missing or malformed)`;
  }
  return f as ShardFile;
}
