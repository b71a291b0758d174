// What `society compare` and the editor's Compare Runs compute for two sides: one run against one (compareTraceFiles), or
// run sets paired by seed (comparePaired), each trace read with what its scenario declares when
// that scenario is still there unchanged (traceScenario.ts). Gives the comparison, its text, JSON,
// series CSV and page.
import {
  compareTraceFiles,
  formatRunComparison,
  runComparisonHtml,
  comparisonSeriesCsv,
  digestTraceFile,
  declaredOfRun,
} from '../../analysis';
import { comparePaired, type LabelledDigest } from './pairedRuns';
import { formatPairedComparison } from './pairedText';
import { pairedComparisonHtml } from './pairedHtml';
import { pairedSeriesCsv } from './pairedCsv';
import type { CompareSide } from './compareInputs';

export interface CompareOutput {
  text: string;
  json: string;
  csv: string;
  html: string;
}

const filesOf = (s: CompareSide): string[] => (s.kind === 'run' ? [s.file] : s.files);

async function digests(
  side: CompareSide,
  shown: (p: string) => string,
  declared: typeof declaredOfRun,
): Promise<LabelledDigest[]> {
  const out: LabelledDigest[] = [];
  const recorded = side.kind === 'runs' ? side.recorded : undefined;
  // One at a time: a set of large traces is never in memory at once (each digest is small).
  for (const file of filesOf(side)) {
    const digest = await digestTraceFile(file, await declared(file));
    // What the experiment recorded fills in what the trace alone cannot give (its declared state).
    const extra = recorded?.get(file);
    if (extra) digest.outcomes = { ...extra, ...digest.outcomes };
    out.push({ label: shown(file), digest });
  }
  return out;
}

/**
 * One run against one, or the sets paired by seed. `labels` name the sides' arguments, `shown` a
 * trace file; `nonce` makes the page's style allowed by it (a webview) instead of by its hash.
 */
export async function compareSides(
  a: CompareSide,
  b: CompareSide,
  o: {
    labels: [string, string];
    shown?: (p: string) => string;
    nonce?: string;
    /** Read the scenario files the traces name for their declared state (default); off in an untrusted workspace. */
    scenarios?: boolean;
  },
): Promise<CompareOutput> {
  const shown = o.shown ?? ((p: string) => p);
  const declared = o.scenarios === false ? async () => undefined : (f: string) => declaredOfRun(f);
  if (a.kind === 'run' && b.kind === 'run') {
    const c = await compareTraceFiles(
      { file: a.file, label: shown(a.file), declared: await declared(a.file) },
      { file: b.file, label: shown(b.file), declared: await declared(b.file) },
    );
    return {
      text: formatRunComparison(c),
      json: JSON.stringify(c, null, 2) + '\n',
      csv: comparisonSeriesCsv(c.series),
      html: runComparisonHtml(c, o.nonce),
    };
  }
  const c = comparePaired(
    { label: o.labels[0], runs: await digests(a, shown, declared) },
    { label: o.labels[1], runs: await digests(b, shown, declared) },
    {
      conditions: a.kind === 'runs' && a.condition === true && b.kind === 'runs' && b.condition === true,
      ...(a.kind === 'runs' && a.outcomes?.length ? { declared: a.outcomes } : {}),
    },
  );
  return {
    text: formatPairedComparison(c),
    json: JSON.stringify(c, null, 2) + '\n',
    csv: pairedSeriesCsv(c.series),
    html: pairedComparisonHtml(c, o.nonce),
  };
}
