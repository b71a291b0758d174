// The files an experiment leaves in its folder: experiment.html, summary.csv, runs.csv,
// series.csv, experiment.json and, with surveys or judges, instruments.csv. One writer for a run
// on one machine (runExperiment) and for shards merged (`society experiment merge`), so the two
// write the same bytes for the same runs.
import { decisionsOver } from './runFaults';
import * as path from 'node:path';
import type { ExperimentResult } from './types';
import { EXPERIMENT_FILES, renderExperimentHtml, runsCsv, summaryCsv } from './experimentReport';
import { partialFields } from './partial';
import { seriesSummary, seriesSummaryCsv } from './seriesSummary';
import { instrumentRows, instrumentsCsv } from './instrumentSummary';
import { writeFileSafely } from '../files/safeWrite';

export interface ExperimentFilesInput {
  result: ExperimentResult;
  /** The models, as the report names them (modelLine). */
  model: string;
  /** Each condition's run length, in the conditions' order. */
  roundsBy: ReadonlyMap<string, number>;
  wallSeconds: number;
  /** Runs planned; fewer in `result` makes the files partial. */
  planned: number;
}

/** Writes the experiment's files into `outDir`; gives their paths, the page first. */
export function writeExperimentFiles(outDir: string, o: ExperimentFilesInput): string[] {
  const { result, model, wallSeconds } = o;
  const finished = result.runs.length;
  const partial = finished < o.planned ? { planned: o.planned, finished } : undefined;
  const rounds = Object.fromEntries(o.roundsBy);
  // `rounds`: the run length when every condition has the same, else null (then `rounds_by_condition` says).
  const lengths = new Set(o.roundsBy.values());
  const files: [string, string][] = [
    [EXPERIMENT_FILES.html, renderExperimentHtml(result, { model, rounds, wallSeconds, partial })],
    [EXPERIMENT_FILES.summary, summaryCsv(result)],
    [EXPERIMENT_FILES.runs, runsCsv(result)],
    [EXPERIMENT_FILES.series, seriesSummaryCsv(seriesSummary(result))],
    [
      EXPERIMENT_FILES.json,
      JSON.stringify(
        {
          ...partialFields(o.planned, finished),
          ...result,
          // Each run's series is summarised in series.csv (and kept whole in shard files): in
          // every run here it would make the file grow with rounds × metrics × runs.
          runs: result.runs.map(({ series: _series, ...run }) => run),
          rounds: lengths.size === 1 ? [...lengths][0] : null,
          rounds_by_condition: rounds,
          model,
          wall_seconds: wallSeconds,
          // Per decision kind, over every run: what the model answered, re-asked, failed and never asked.
          ...(decisionsOver(result.runs).length ? { decisions: decisionsOver(result.runs) } : {}),
        },
        null,
        2,
      ),
    ],
  ];
  // Only experiments with surveys or judges have instruments.csv: the others' files stay as they were.
  const instruments = instrumentsCsv(instrumentRows(result));
  if (instruments !== undefined) files.push([EXPERIMENT_FILES.instruments, instruments]);
  for (const [name, text] of files) writeFileSafely(path.join(outDir, name), text);
  return files.map(([name]) => path.join(outDir, name));
}
