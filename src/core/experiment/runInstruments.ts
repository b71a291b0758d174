// What one run's surveys and judges contribute to an experiment (issue 48): per survey scale the
// mean Cronbach's α and persona-adherence r over its administrations and the test–retest r; per
// judging dimension the mean score of all judges. The experiment averages these over seeds
// (instrumentSummary.ts), as it does the network's metrics.
import type { ScalePsychometrics, JudgingSummary } from '../analysis';

export interface InstrumentValue {
  source: 'survey' | 'judging';
  /** The instrument, or the judging. */
  name: string;
  /** The scale, or the dimension. */
  part: string;
  statistic: 'alpha' | 'adherence_r' | 'retest_r' | 'mean_score';
  value: number;
}

const meanOf = (xs: readonly (number | null | undefined)[]): number | undefined => {
  const ok = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return ok.length ? ok.reduce((s, x) => s + x, 0) / ok.length : undefined;
};

/** The run's instrument values; undefined when it has no scored survey and no judgement. */
export function runInstruments(
  scales: readonly ScalePsychometrics[] | undefined,
  judgings: readonly JudgingSummary[] | undefined,
): InstrumentValue[] | undefined {
  const out: InstrumentValue[] = [];
  const push = (v: Omit<InstrumentValue, 'value'>, value: number | null | undefined): void => {
    if (typeof value === 'number' && Number.isFinite(value)) out.push({ ...v, value });
  };
  for (const s of scales ?? []) {
    const at = { source: 'survey', name: s.instrument, part: s.scale } as const;
    // Administrations are pooled within the run: seeds, not rounds, are the experiment's replicates.
    push({ ...at, statistic: 'alpha' }, meanOf(s.administrations.map((a) => a.alpha)));
    push({ ...at, statistic: 'adherence_r' }, meanOf(s.administrations.map((a) => a.adherence?.r)));
    push({ ...at, statistic: 'retest_r' }, s.retest?.r);
  }
  for (const j of judgings ?? []) {
    for (const d of j.dimensions) {
      push({ source: 'judging', name: j.judging, part: d.dimension, statistic: 'mean_score' }, d.all.mean);
    }
  }
  return out.length ? out : undefined;
}
