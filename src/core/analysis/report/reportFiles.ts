// Writes a run report to a folder: report.html, metrics.json, series.csv and, for a world with ties,
// ties.graphml, ties.gexf and ties.csv (reportFileNames.ts).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { toGexf } from '../export/gexf';
import { toGraphML } from '../export/graphml';
import { reportHtmlParts, type ReportHtmlOptions } from './reportHtml';
import { REPORT_FILES, reportFileNames, type ReportFile } from './reportFileNames';
import type { RunReport } from './reportModel';
import { toTiesCsv } from '../export/tiesCsv';
import { seriesCsv } from '../export/seriesCsv';
import { writePiecesSync } from '../../trace/writePieces';

/**
 * The report's numbers as JSON, only those the world has. `network` is exactly what `society
 * metrics <trace> --json` prints for the same round and attribute; `state` the declared state's
 * outcomes under the names experiments give them, and `series` every declared quantity and network
 * metric by round. A world without ties has no network, baselines or tie threshold here; one
 * without rewards no reward curves.
 */
export function reportMetricsJson(report: RunReport): string {
  const { ties, rewards } = report.world;
  return (
    JSON.stringify(
      {
        scenario: report.header.scenario,
        seed: report.header.seed,
        round: report.round,
        complete: report.complete,
        ...(ties
          ? {
              threshold: report.settings.ties.threshold,
              attribute: report.attribute,
              network: report.metrics,
              random_baseline: report.baseline,
              degree_preserving_baseline: report.degreeBaseline,
              rounds: report.overRounds,
            }
          : {}),
        ...(rewards ? { rewards: report.rewards } : {}),
        ...(report.state ? { state: report.state } : {}),
        series: report.series,
        ...(report.surveys ? { surveys: report.surveys } : {}),
        // What the model answered, re-asked, failed and never asked, per decision kind (none offline).
        ...(report.decisions.length ? { decisions: report.decisions } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}

/**
 * Writes the report's files (reportFileNames: the tie files only for a world with ties) into
 * `outDir` (created if needed); returns their paths. Each file is made and written in turn, and the
 * page piece by piece, so at most one file's text is in memory (at 10,000 agents the page alone is
 * ~90 MB). A file system error carries the file it is about in `path`, as Node's own do, so a
 * caller can say which one failed.
 */
export function writeReportFiles(report: RunReport, outDir: string, html: ReportHtmlOptions = {}): string[] {
  mkdirSync(outDir, { recursive: true });
  const contents: Record<ReportFile, () => Iterable<string>> = {
    [REPORT_FILES.html]: () => reportHtmlParts(report, html),
    [REPORT_FILES.metrics]: () => [reportMetricsJson(report)],
    [REPORT_FILES.series]: () => [seriesCsv(report.series)],
    [REPORT_FILES.graphml]: () => [toGraphML(report.graph)],
    [REPORT_FILES.gexf]: () => [
      toGexf(report.graph, { description: `${report.header.scenario.name}: ties at the end of round ${report.round}` }),
    ],
    [REPORT_FILES.csv]: () => [toTiesCsv(report.graph)],
  };
  return reportFileNames(report.world).map((name) => {
    const file = path.join(outDir, name);
    try {
      writePiecesSync(file, contents[name]());
    } catch (err) {
      // A failed write (a full disk) names no file, as a failed open does: say which one it was.
      if (err instanceof Error && (err as NodeJS.ErrnoException).code && !(err as NodeJS.ErrnoException).path) {
        (err as NodeJS.ErrnoException).path = file;
      }
      throw err;
    }
    return file;
  });
}
