// Writes a run report to a folder: report.html, metrics.json, series.csv, ties.graphml, ties.gexf and ties.csv.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { toGexf } from '../export/gexf';
import { toGraphML } from '../export/graphml';
import { REPORT_FILES, reportHtmlParts, type ReportHtmlOptions } from './reportHtml';
import type { RunReport } from './reportModel';
import { toTiesCsv } from '../export/tiesCsv';
import { seriesCsv } from '../export/seriesCsv';
import { writePiecesSync } from '../../trace/writePieces';

/**
 * The report's numbers as JSON. `network` is exactly what `society metrics <trace> --json`
 * prints for the same round and attribute; `state` the declared state's outcomes under the names
 * experiments give them, and `series` every declared quantity and network metric by round.
 */
export function reportMetricsJson(report: RunReport): string {
  return (
    JSON.stringify(
      {
        scenario: report.header.scenario,
        seed: report.header.seed,
        round: report.round,
        complete: report.complete,
        threshold: report.settings.ties.threshold,
        attribute: report.attribute,
        network: report.metrics,
        random_baseline: report.baseline,
        degree_preserving_baseline: report.degreeBaseline,
        rounds: report.overRounds,
        rewards: report.rewards,
        ...(report.state ? { state: report.state } : {}),
        series: report.series,
        ...(report.surveys ? { surveys: report.surveys } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}

/**
 * Writes the six files into `outDir` (created if needed); returns their paths. Each file is made
 * and written in turn, and the page piece by piece, so at most one file's text is in memory
 * (at 10,000 agents the page alone is ~90 MB). A file system error carries the file it is about
 * in `path`, as Node's own do, so a caller can say which one failed.
 */
export function writeReportFiles(report: RunReport, outDir: string, html: ReportHtmlOptions = {}): string[] {
  mkdirSync(outDir, { recursive: true });
  const contents: [string, () => Iterable<string>][] = [
    [REPORT_FILES.html, () => reportHtmlParts(report, html)],
    [REPORT_FILES.metrics, () => [reportMetricsJson(report)]],
    [REPORT_FILES.series, () => [seriesCsv(report.series)]],
    [REPORT_FILES.graphml, () => [toGraphML(report.graph)]],
    [
      REPORT_FILES.gexf,
      () => [
        toGexf(report.graph, {
          description: `${report.header.scenario.name}: ties at the end of round ${report.round}`,
        }),
      ],
    ],
    [REPORT_FILES.csv, () => [toTiesCsv(report.graph)]],
  ];
  return contents.map(([name, parts]) => {
    const file = path.join(outDir, name);
    try {
      writePiecesSync(file, parts());
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
