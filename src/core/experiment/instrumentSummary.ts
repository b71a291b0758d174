// The experiment's instruments (issue 48): each run's survey and judge values (runInstruments.ts)
// averaged per condition over its runs, with a 95% t-interval across runs (stats/meanInterval.ts);
// correlations (adherence r, retest r) averaged on Fisher's z, so their intervals stay in (−1, 1).
// Written as instruments.csv, a table in experiment.html and a line per scale in the terminal;
// nothing at all for experiments without surveys or judges, so their files stay as they were.
import { correlationInterval, meanInterval, type MeanInterval } from '../stats/meanInterval';
import { escapeMarkup as e } from '../text/markup';
import { formatReal } from '../analysis';
import { isolated } from '../text/isolated';
import { csvLine } from './csv';
import type { ExperimentResult } from './types';
import type { InstrumentValue } from './runInstruments';

export const INSTRUMENTS_FILE = 'instruments.csv';

export interface InstrumentRow extends Omit<InstrumentValue, 'value'> {
  condition: string;
  estimate: MeanInterval;
}

/** The statistics that are correlations, averaged on Fisher's z. */
const CORRELATIONS = new Set<InstrumentValue['statistic']>(['adherence_r', 'retest_r']);

const keyOf = (v: Omit<InstrumentValue, 'value'>): string => JSON.stringify([v.source, v.name, v.part, v.statistic]);

/** One row per condition × instrument value seen in any run, conditions in order, values as first seen. */
export function instrumentRows(r: ExperimentResult): InstrumentRow[] {
  const kinds = new Map<string, Omit<InstrumentValue, 'value'>>();
  for (const run of r.runs) for (const v of run.instruments ?? []) if (!kinds.has(keyOf(v))) kinds.set(keyOf(v), v);
  const rows: InstrumentRow[] = [];
  for (const { name: condition } of r.conditions) {
    const runs = r.runs.filter((x) => x.condition === condition);
    for (const [key, kind] of kinds) {
      const values = runs.flatMap((x) => (x.instruments ?? []).filter((v) => keyOf(v) === key).map((v) => v.value));
      if (!values.length) continue;
      rows.push({
        ...kind,
        condition,
        estimate: CORRELATIONS.has(kind.statistic) ? correlationInterval(values) : meanInterval(values),
      });
    }
  }
  return rows;
}

/** instruments.csv; undefined when no run has an instrument value. */
export function instrumentsCsv(rows: readonly InstrumentRow[]): string | undefined {
  if (!rows.length) return undefined;
  const head = ['condition', 'source', 'instrument', 'scale', 'statistic', 'mean', 'ci_low', 'ci_high', 'runs'];
  const lines = rows.map((x) =>
    csvLine([
      x.condition,
      x.source,
      x.name,
      x.part,
      x.statistic,
      x.estimate.mean,
      x.estimate.low,
      x.estimate.high,
      x.estimate.n,
    ]),
  );
  return [csvLine(head), ...lines].join('\n') + '\n';
}

const num = (x: number | null): string => (x === null || !Number.isFinite(x) ? '—' : formatReal(x, 3));
/** The bounds a statistic cannot pass: an α at most 1 (a correlation's z-interval stays in (−1, 1)). */
const BOUNDS: Partial<Record<InstrumentValue['statistic'], [number, number]>> = {
  alpha: [-Infinity, 1],
};
/**
 * The interval as shown: cut at the statistic's bounds (as experiment/shownInterval.ts does for
 * metrics: the true mean lies within them, so the cut keeps the coverage); instruments.csv keeps
 * the t-interval as computed.
 */
const shown = (m: MeanInterval, statistic: InstrumentValue['statistic']): string => {
  if (m.low === null || m.high === null) return '—';
  const [lo, hi] = BOUNDS[statistic] ?? [-Infinity, Infinity];
  return `${num(Math.max(lo, m.low))} … ${num(Math.min(hi, m.high))}`;
};
const LABEL: Record<InstrumentValue['statistic'], string> = {
  alpha: 'α',
  adherence_r: 'adherence r',
  retest_r: 'retest r',
  mean_score: 'mean score',
};

/** The experiment page's "Instruments" section; empty without instrument values. */
export function instrumentsSection(rows: readonly InstrumentRow[]): string {
  if (!rows.length) return '';
  const body = rows
    .map(
      (x) =>
        `<tr><td><bdi>${e(x.condition)}</bdi></td><td>${e(x.source)}</td><td><bdi>${e(x.name)}</bdi></td><td><bdi>${e(x.part)}</bdi></td><td>${e(LABEL[x.statistic])}</td><td class="num">${num(x.estimate.mean)}</td><td class="num">${shown(x.estimate, x.statistic)}</td><td class="num">${x.estimate.n}</td></tr>`,
    )
    .join('');
  return `<h2>Instruments</h2>
<p>Surveys and judges per condition, averaged over its runs with a 95% t-interval across runs. Per run: a scale's Cronbach's α and persona-adherence r are the means over its administrations, its test–retest r correlates the first administration with the last; a judging dimension's score is the mean over all judges and targets. The interval is Student's t over runs, cut at a correlation's ±1 and α's 1 (with few seeds it can pass them; a score's interval is not cut at its rubric's range). Every row is in <a href="${INSTRUMENTS_FILE}"><code>${INSTRUMENTS_FILE}</code></a>.</p>
<div class="scroll"><table><tr><th>condition</th><th>source</th><th>instrument / judging</th><th>scale / dimension</th><th>statistic</th><th>mean</th><th>95% CI</th><th>runs</th></tr>${body}</table></div>
`;
}

/** The terminal's lines: one per scale or dimension, every condition's statistics on it. */
export function instrumentLines(rows: readonly InstrumentRow[]): string[] {
  const parts = new Map<string, InstrumentRow[]>();
  for (const x of rows) {
    const key = `${x.source === 'survey' ? 'survey' : 'judging'} ${isolated(x.name)} / ${isolated(x.part)}`;
    parts.set(key, [...(parts.get(key) ?? []), x]);
  }
  const lines = [...parts].map(([key, xs]) => {
    const conditions = [...new Set(xs.map((x) => x.condition))];
    const said = conditions.map((c) => {
      const stats = xs
        .filter((x) => x.condition === c)
        .map(
          (x) =>
            `${LABEL[x.statistic]} ${num(x.estimate.mean)} (${shown(x.estimate, x.statistic).replace(' … ', '…')})`,
        );
      return `${isolated(c)}: ${stats.join(', ')}`;
    });
    return `  ${key} — ${said.join('; ')}`;
  });
  return lines.length ? ['', '  Instruments (mean over runs, 95% CI):', ...lines] : [];
}
