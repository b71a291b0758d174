// `society experiment merge <shard folders...> --out DIR`: the shards that `society experiment
// --shard i/n` wrote (on one machine or many) into one experiment: the same experiment.html,
// summary.csv, runs.csv and experiment.json as one machine's run, and the traces under DIR/traces.
// Also what a shard says when it is done.
import * as path from 'node:path';
import type { OptionRow } from '../optionRows';
import { command, type Parsed } from '../command';
import { lockOutputFolder, outputFolder, shown, wroteFiles } from '../options';
import {
  formatExperiment,
  gatherTraces,
  mergeShards,
  readShardFile,
  shardProblems,
  shardTraceProblems,
  type ExperimentRun,
  type Shard,
  type ShardInput,
  describeRunFaults,
  runsWithoutAnswers,
  EXPERIMENT_FILES,
} from '../../core/experiment';
import { counted } from '../../core/text/counted';
import { mayReplace, recordPresent } from '../ownFiles';
import { printable } from '../../core/text/printable';
import { maxOf, minOf } from '../../core/stats/extremes';

export const MERGE_USAGE = 'experiment merge <shard folder>... --out DIR [--overwrite] [--json] [-q]';

/** Failed model calls said last; a run with no model answer at all makes the exit code 3, as `society experiment`'s. */
function sayFaults(runs: ExperimentRun['result']['runs']): number {
  const faults = describeRunFaults(runs);
  const dead = runsWithoutAnswers(runs);
  if (faults) console.error(`${dead ? 'error' : 'warning'}: ${printable(faults)}`);
  return dead ? 3 : 0;
}

/** The files a merge writes into --out (besides the traces under traces/). */
const MERGED_FILES: readonly string[] = Object.values(EXPERIMENT_FILES);

/** Merge's options (`society experiment --help` describes them in its `merge` row). */
const MERGE_OPTIONS = [
  ['--out DIR', 'the folder for the merged experiment'],
  ['--overwrite', 'replace what --out holds'],
  ['--json', 'print the claims, summaries and contrasts as JSON'],
  ['-q, --quiet', 'no notes'],
] as const satisfies readonly OptionRow[];

export const experimentMergeCommand = command({
  name: 'experiment merge',
  usage: MERGE_USAGE,
  summary: "Merge an experiment's shards into its report files and traces",
  options: MERGE_OPTIONS,
  run: merge,
});

async function merge({ values, positionals }: Parsed<typeof MERGE_OPTIONS>): Promise<number> {
  if (positionals.length === 0 || values.out === undefined) {
    console.error(
      `society experiment merge: ${positionals.length === 0 ? 'missing the shard folders' : 'missing --out DIR, the folder for the merged experiment'}\nUsage: society ${MERGE_USAGE}`,
    );
    return 2;
  }
  const shards: ShardInput[] = [];
  const unreadable: string[] = [];
  for (const dir of positionals) {
    const file = readShardFile(dir);
    if (typeof file === 'string') unreadable.push(file);
    else shards.push({ dir, file });
  }
  // Whole shards of one experiment first; then whole traces: a trace cut short would pass for a run.
  let problems = unreadable.length ? unreadable : shardProblems(shards);
  if (!problems.length) problems = shardTraceProblems(shards);
  if (problems.length) {
    for (const p of problems) console.error(`society experiment merge: ${printable(p)}`);
    return 1;
  }
  const outDir = path.resolve(values.out);
  const made = outputFolder(outDir, 'experiment merge');
  if (!made) return 1;
  const lock = lockOutputFolder(outDir, 'experiment merge');
  if (!lock) {
    made.removeEmpty();
    return 1;
  }
  try {
    // An earlier merge's files are replaced (merging again is how a fixed shard gets in); a user's are not.
    if (!mayReplace('experiment merge', outDir, MERGED_FILES, values.overwrite === true)) return 1;
    let merged: ReturnType<typeof mergeShards> | undefined;
    let traces: ReturnType<typeof gatherTraces> | undefined;
    const wrote = wroteFiles('experiment merge', () => {
      merged = mergeShards(shards, outDir);
      traces = gatherTraces(shards, outDir);
    });
    // Even when a write failed half way: the files written are ours, not a user's.
    recordPresent(outDir, MERGED_FILES);
    if (!wrote) return 1;
    const r = merged!.result,
      t = traces!;
    const n = shards.length;
    if (values.json) {
      console.log(
        JSON.stringify(
          {
            shards: n,
            runs: r.runs.length,
            shard_wall_seconds: merged!.shardSeconds,
            traces: { linked: t.linked, copied: t.copied, missing: t.missing },
            claims: r.claims,
            summaries: r.summaries,
            contrasts: r.contrasts,
            baselines: r.baselines,
            files: merged!.files,
          },
          null,
          2,
        ),
      );
    } else {
      const secs = merged!.shardSeconds;
      const took = `shards took ${minOf(secs).toFixed(1)}–${maxOf(secs).toFixed(1)} s each (${secs.reduce((a, b) => a + b, 0).toFixed(1)} s in all)`;
      console.log(
        `${printable(r.scenario)}: ${counted(r.runs.length, 'run')} (${counted(r.conditions.length, 'condition')} × ${counted(r.seeds.length, 'seed')}) merged from ${counted(n, 'shard')}; ${took}`,
      );
      if (r.runs.length) console.log(printable(formatExperiment(r)));
      console.log(`\nreport: ${shown(merged!.files[0])}`);
      if (!values.quiet && t.linked + t.copied) {
        console.error(
          `traces: ${t.linked + t.copied} under ${shown(path.join(outDir, 'traces'))} (${t.linked} linked, ${t.copied} copied)`,
        );
      }
    }
    if (t.missing.length) {
      console.error(
        `warning: ${counted(t.missing.length, 'trace')} named in the shard files ${t.missing.length === 1 ? 'is' : 'are'} not there: ${t.missing
          .slice(0, 5)
          .map((f) => printable(shown(f)))
          .join(', ')}${t.missing.length > 5 ? ', …' : ''}`,
      );
    }
    return sayFaults(r.runs);
  } finally {
    lock.release();
    made.removeEmpty();
  }
}

/** What a shard says when it has run (or was stopped): its part, its file, and how to merge. */
export function sayShard(
  run: ExperimentRun,
  name: string,
  shard: Shard,
  o: { json?: boolean; quiet?: boolean },
): number {
  const r = run.result;
  const ran = r.runs.length;
  const file = run.files[0];
  if (o.json) {
    console.log(
      JSON.stringify(
        {
          shard,
          partial: !!run.partial,
          runs_planned: run.partial?.planned ?? ran,
          runs_finished: ran,
          files: run.files,
        },
        null,
        2,
      ),
    );
  } else {
    const runs = run.partial
      ? `${run.partial.finished} of ${counted(run.partial.planned, 'run')}`
      : counted(ran, 'run');
    const planned = r.conditions.length * r.seeds.length;
    console.log(
      `${printable(name)}: shard ${shard.index}/${shard.count}: ${runs} of the plan's ${planned} (${counted(r.conditions.length, 'condition')} × ${counted(r.seeds.length, 'seed')}) in ${run.wallSeconds.toFixed(1)} s on ${counted(run.jobs, 'worker')}`,
    );
    console.log(`shard file: ${shown(file)}`);
    if (!o.quiet) {
      if (!run.partial && ran === 0) {
        console.error(
          `note: shard ${shard.index}/${shard.count} has no runs: the plan has ${counted(planned, 'run')}, fewer than ${shard.count} shards`,
        );
      }
      console.error(
        `note: once all ${shard.count} shards have run, merge their folders: society experiment merge <shard folder>... --out DIR`,
      );
    }
  }
  return sayFaults(r.runs);
}
