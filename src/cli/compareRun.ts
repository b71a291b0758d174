// What `society compare` computes for its two sides: one run against one (compareTraceFiles), or
// run sets paired by seed (comparePaired), each trace read with what its scenario declares when
// that scenario is still there unchanged (traceScenario.ts). Gives the comparison, its text, JSON,
// series CSV and page.
import { compareTraceFiles } from '../core/analysis/compare/compareRuns';
import { formatRunComparison } from '../core/analysis/compare/compareText';
import { runComparisonHtml } from '../core/analysis/compare/compareHtml';
import { comparisonSeriesCsv } from '../core/analysis/compare/compareCsv';
import { digestTraceFile } from '../core/analysis/compare/traceDigest';
import { comparePaired, type LabelledDigest } from '../core/experiment/paired/pairedRuns';
import { formatPairedComparison } from '../core/experiment/paired/pairedText';
import { pairedComparisonHtml } from '../core/experiment/paired/pairedHtml';
import { pairedSeriesCsv } from '../core/experiment/paired/pairedCsv';
import type { CompareSide } from './compareInputs';
import { shown } from './options';
import { declaredOfTrace } from './traceScenario';

export interface CompareOutput {
  text: string;
  json: string;
  csv: string;
  html: string;
}

const filesOf = (s: CompareSide): string[] => (s.kind === 'run' ? [s.file] : s.files);

async function digests(files: readonly string[]): Promise<LabelledDigest[]> {
  const out: LabelledDigest[] = [];
  // One at a time: a set of large traces is never in memory at once (each digest is small).
  for (const file of files) {
    out.push({ label: shown(file), digest: await digestTraceFile(file, await declaredOfTrace(file)) });
  }
  return out;
}

export async function compareSides(a: CompareSide, b: CompareSide, labels: [string, string]): Promise<CompareOutput> {
  if (a.kind === 'run' && b.kind === 'run') {
    const c = await compareTraceFiles(
      { file: a.file, label: shown(a.file), declared: await declaredOfTrace(a.file) },
      { file: b.file, label: shown(b.file), declared: await declaredOfTrace(b.file) },
    );
    return {
      text: formatRunComparison(c),
      json: JSON.stringify(c, null, 2) + '\n',
      csv: comparisonSeriesCsv(c.series),
      html: runComparisonHtml(c),
    };
  }
  const c = comparePaired(
    { label: labels[0], runs: await digests(filesOf(a)) },
    { label: labels[1], runs: await digests(filesOf(b)) },
  );
  return {
    text: formatPairedComparison(c),
    json: JSON.stringify(c, null, 2) + '\n',
    csv: pairedSeriesCsv(c.series),
    html: pairedComparisonHtml(c),
  };
}
