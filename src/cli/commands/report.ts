// `society report`: a self-contained HTML report of a run (the interactive society view with the
// trace, a static tie network picture as its no-script fallback, metrics against a random
// baseline, the network over rounds, reward curves) plus metrics.json, series.csv and, for a world
// with ties, ties.graphml, ties.gexf and ties.csv, written next to the trace or into --out. `--static` leaves the interactive view out.
// The trace is streamed: the report of a run of any size is built without holding its events,
// and the interactive view embeds whole rounds up to --view-limit MB (it keeps them in the page).
import path from 'node:path';
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { onePositional, outputFolder, usableAttribute, wroteFiles } from '../options';
import {
  DEFAULT_ATTRIBUTE,
  reportFileNames,
  writeReportFiles,
  runFitSection,
  RunReportBuilder,
  unfinishedNote,
  wholeRound,
} from '../../core/analysis';
import { mayReplace, recordPresent } from '../ownFiles';
import { DERIVED_FILES, ourFiles, removeFile } from '../outFolder';
import { forgetWritten } from '../manifest';
import type { TraceEvent } from '../../core/trace/events';
import { readTraceFile, traceProblemsMessage } from '../../core/trace/reader';
import { ViewBudget } from '../../core/trace/viewBudget';
import { viewEmbed, type ViewEmbed } from '../../core/protocol/viewPage';
import { findViewAssets } from '../viewAssets';
import { ReadProgress } from '../readProgress';
import { declaredOutcomes, runDesign, scenarioOfTrace } from '../../core/analysis';

const USAGE = 'report <trace.jsonl> [--out DIR] [--overwrite] [--attribute NAME] [--static] [--view-limit MB] [-q]';
/** MB of trace the interactive view of a report embeds by default (a browser holds it all). */
export const REPORT_VIEW_LIMIT_MB = 64;

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  ['<trace.jsonl>', 'the trace of a run (complete or not)'],
  ['--out DIR', "folder for the files (default: the trace's folder)"],
  [
    '--overwrite',
    'replace files of the same names there that Society Studio did not write (without it the report refuses; its own earlier report it replaces)',
  ],
  ['--attribute NAME', `persona attribute for homophily and colours (default ${DEFAULT_ATTRIBUTE})`],
  ['--static', 'no interactive view: a script-free page'],
  [
    '--view-limit MB',
    `trace the interactive view embeds: whole rounds up to this size (default ${REPORT_VIEW_LIMIT_MB}; 0: all)`,
    { default: String(REPORT_VIEW_LIMIT_MB) },
  ],
  ['-q, --quiet', 'no progress line or notes on standard error (the page still says what it leaves out)'],
] as const satisfies readonly OptionRow[];

export const reportCommand = command({
  name: 'report',
  usage: USAGE,
  summary: "Write a run's HTML report, metrics.json, series.csv and any ties (GraphML, GEXF, CSV)",
  options: OPTIONS,
  async run(parsed): Promise<number> {
    if (!usableAttribute(parsed.values.attribute, 'report')) return 2;
    const { values, positionals } = parsed;
    const traceFile = onePositional('report', USAGE, positionals, 'trace file');
    if (traceFile === undefined) return 2;
    const viewLimit = Number(values['view-limit']);
    if (!Number.isFinite(viewLimit) || viewLimit < 0) {
      console.error(
        `society report: --view-limit takes a size in MB (0 for the whole trace), not '${values['view-limit']}'`,
      );
      return 2;
    }
    // Before reading a trace of any size: the files must have somewhere to go. A folder made for
    // them goes again if the command fails before writing any (a missing or damaged trace).
    const made = values.out !== undefined ? outputFolder(path.resolve(values.out), 'report') : undefined;
    if (values.out !== undefined && !made) return 1;
    const reportDir = values.out ?? path.dirname(traceFile);
    const quiet = values.quiet === true;
    try {
      if (!mayReplace('report', reportDir, DERIVED_FILES, values.overwrite === true)) return 1;
      let builder: RunReportBuilder | undefined;
      // The scenario the trace names, when it is there unchanged: its declared state and its design.
      const scenario = await scenarioOfTrace(traceFile);
      const declared = scenario ? declaredOutcomes(scenario) : undefined;
      const design = scenario ? runDesign(scenario) : undefined;
      const budget = new ViewBudget(viewLimit);
      const shown: TraceEvent[] = [];
      const progress = new ReadProgress(traceFile, !quiet && process.stderr.isTTY === true);
      const read = await readTraceFile(traceFile, {
        keepEvents: false,
        onProgress: progress.listener,
        onHeader: (h) => {
          builder = new RunReportBuilder(h, {
            attribute: values.attribute ?? DEFAULT_ATTRIBUTE,
            declared,
            ...(design ? { design } : {}),
          });
        },
        onEvent: (e, _line, size) => {
          builder!.add(e);
          if (!values.static && budget.take(e, size)) shown.push(e);
        },
      });
      progress.done();
      if (read.errors.length > 0 || !read.header || !builder) {
        console.error(`society report: ${traceProblemsMessage(traceFile, read.errors)}`);
        return 1;
      }
      // As metrics and export: a trace cut inside round 0 (or only a header) has no network to report.
      try {
        wholeRound({ file: traceFile, lastRound: read.lastRound });
      } catch (err) {
        console.error(`society report: ${(err as Error).message}`);
        return 1;
      }
      const report = builder.finish();
      // What the report leaves out or lacks: said on standard error, and on the page.
      const unfinished = unfinishedNote({
        lastRound: report.round,
        ...(read.latestRound > report.round ? { unfinishedRound: read.latestRound } : {}),
        ...(read.truncated ? { truncated: true } : {}),
      });
      const note =
        unfinished ??
        (report.complete ? undefined : `the trace ends at round ${report.round} without run_end (incomplete run)`);
      const view = values.static
        ? undefined
        : interactiveView(traceFile, read, wholeRoundsOf(shown), quiet, [
            budget.note('society report --view-limit', 'the figures and tables below cover every round'),
            unfinished,
          ]);
      const fit = await runFitSection(traceFile, report.series);
      let files: string[] = [];
      const wrote = wroteFiles('report', () => {
        files = writeReportFiles(report, reportDir, { view, ...(note ? { note } : {}), ...(fit ? { fit } : {}) });
      });
      // Even when a write failed half way: the files written are ours, not a user's.
      const names = reportFileNames(report.world);
      recordPresent(reportDir, names);
      if (!wrote) return 1;
      dropStale(reportDir, names);
      for (const file of files) console.log(file);
      if (quiet) return 0;
      if (values.attribute !== undefined && !report.attributePresent) {
        console.error(
          `society report: note: no agent has the attribute '${values.attribute}': homophily is n/a and the picture is coloured by community`,
        );
      }
      if (note) console.error(`society report: note: ${note}`);
      if (budget.stopped && view) {
        console.error(
          `society report: note: the interactive view holds rounds 0–${budget.stoppedAfter} (--view-limit ${viewLimit} MB); the rest of the report covers all ${report.round} rounds`,
        );
      }
      return 0;
    } finally {
      made?.removeEmpty();
    }
  },
});

/**
 * An earlier report's files this one does not write (the tie files of a run with ties, replaced by
 * a run of a world without them): gone if ours, so the folder holds one report, not two mixed.
 */
function dropStale(dir: string, names: readonly string[]): void {
  const ours = ourFiles(dir);
  const stale = DERIVED_FILES.filter((name) => !names.includes(name) && ours(name));
  for (const name of stale) removeFile(path.join(dir, name));
  forgetWritten(dir, stale);
}

/**
 * Whole rounds only, as the figures: a round the trace cuts off (a crash, a copy made mid-run) is
 * left out of the view too, which otherwise opened at that half round.
 */
function wholeRoundsOf(shown: TraceEvent[]): TraceEvent[] {
  let whole = shown.length;
  while (whole > 0 && shown[whole - 1].type !== 'round_end' && shown[whole - 1].type !== 'run_end') whole--;
  return shown.slice(0, whole);
}

/** The interactive society view to embed, or none (with a note why) when it is not built or fails. */
function interactiveView(
  traceFile: string,
  read: Awaited<ReturnType<typeof readTraceFile>>,
  events: TraceEvent[],
  quiet: boolean,
  notes: (string | undefined)[],
): ViewEmbed | undefined {
  const assets = findViewAssets();
  if (!assets) {
    if (!quiet) {
      console.error(
        'society report: note: the interactive view is not built (npm run build); writing the static report',
      );
    }
    return undefined;
  }
  // (the view says "incomplete trace" itself when there is no run_end)
  const viewNote = notes.filter(Boolean).join('; ');
  try {
    return viewEmbed(
      assets,
      {
        source: { kind: 'file', label: path.basename(traceFile) },
        header: read.header!,
        events,
        complete: read.complete,
        ...(viewNote ? { note: viewNote } : {}),
      },
      { embedded: true },
    );
  } catch (err) {
    if (quiet) return undefined;
    console.error(
      `society report: note: ${err instanceof Error ? err.message : String(err)}; writing the static report`,
    );
    return undefined;
  }
}
