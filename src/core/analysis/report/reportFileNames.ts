// The files a run report is made of, and which of them a world has: a world without ties (a public
// goods game, an ultimatum game) gets no tie files, as its page gets no tie sections (issue 73).
import type { WorldFacts } from '../metrics/table/metric';

/** The companion files written next to report.html. */
export const REPORT_FILES = {
  html: 'report.html',
  metrics: 'metrics.json',
  series: 'series.csv',
  graphml: 'ties.graphml',
  gexf: 'ties.gexf',
  csv: 'ties.csv',
} as const;

export type ReportFile = (typeof REPORT_FILES)[keyof typeof REPORT_FILES];

/** The tie network's files: written only for a world with ties. */
const TIE_FILES: readonly ReportFile[] = [REPORT_FILES.graphml, REPORT_FILES.gexf, REPORT_FILES.csv];

/** The files a report of this world is made of, the page first. */
export function reportFileNames(world: WorldFacts): ReportFile[] {
  return Object.values(REPORT_FILES).filter((name) => world.ties || !TIE_FILES.includes(name));
}
