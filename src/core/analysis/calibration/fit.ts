// How close simulated runs come to an observed dataset, measure by measure: the simulated series
// a measure maps to, averaged over a condition's runs, against the observed values averaged over
// samples, round by round (RMSE over rounds); the two distributions of values (KS: every run's
// value at every observed round against every observed value); and their means (Welch's t).
// Per round too, where there are several runs and samples to compare. Only rounds both sides have
// are pooled.
import type { RunSeries } from '../metrics/runSeries';
import { ks2Sample, type KsResult } from '../../stats/ks';
import { errors, type ErrorResult } from '../../stats/rmse';
import { welchTTest, type TTestResult } from '../../stats/tTest';
import type { ObservedData } from '../../format';
import { own } from '../../text/nameRecord';
import { pushAll } from '../../text/pushAll';

export interface SimulatedRun {
  condition: string;
  seed: number;
  series: RunSeries;
}

export interface RoundFit {
  round: number;
  /** Mean of the observed values at this round (over samples). */
  observed: number | null;
  /** Mean of the runs' values at this round. */
  simulated: number | null;
  observedN: number;
  simulatedN: number;
  ks?: KsResult;
  t: TTestResult;
}

export interface MeasureFit {
  condition: string;
  measure: string;
  /** The run's series it is compared with. */
  series: string;
  rounds: RoundFit[];
  /** Mean simulated against mean observed, over the observed rounds. */
  error: ErrorResult;
  ks?: KsResult;
  t: TTestResult;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : null);

/** The value of `series` after `round` in a run, if it has one. */
function valueAt(run: SimulatedRun, series: string, round: number): number | null {
  const i = run.series.rounds.indexOf(round);
  const v = i < 0 ? null : (own(run.series.metrics, series)?.[i] ?? null);
  return v !== null && Number.isFinite(v) ? v : null;
}

/**
 * The fit of every condition's runs to the observed data. `measures` maps an observed measure to
 * the series it is compared with (a measure not in it is compared with the series of its own
 * name). Observed rows naming a condition count for that condition only.
 */
export function fitRuns(
  runs: readonly SimulatedRun[],
  observed: ObservedData,
  measures: Readonly<Record<string, string>> = {},
): MeasureFit[] {
  const conditions = [...new Set(runs.map((r) => r.condition))];
  const fits: MeasureFit[] = [];
  for (const condition of conditions) {
    const mine = runs.filter((r) => r.condition === condition);
    for (const measure of observed.measures) {
      const points = observed.points.filter(
        (p) => p.measure === measure && (p.condition === undefined || p.condition === condition),
      );
      if (!points.length) continue;
      fits.push(measureFit(condition, measure, own(measures, measure) ?? measure, mine, points));
    }
  }
  return fits;
}

function measureFit(
  condition: string,
  measure: string,
  series: string,
  runs: readonly SimulatedRun[],
  points: ObservedData['points'],
): MeasureFit {
  const roundsSeen = [...new Set(points.map((p) => p.round))].sort((a, b) => a - b);
  const allSim: number[] = [],
    allObs: number[] = [];
  const rounds = roundsSeen.map((round): RoundFit => {
    const obs = points.filter((p) => p.round === round).map((p) => p.value);
    const sim = runs.map((r) => valueAt(r, series, round)).filter((v): v is number => v !== null);
    // A round no run has (past the run's end) has nothing to compare with: pooling its observed
    // values alone would move KS and t with values no run could have matched.
    if (sim.length && obs.length) {
      pushAll(allSim, sim);
      pushAll(allObs, obs);
    }
    const ks = sim.length > 1 && obs.length > 1 ? ks2Sample(sim, obs) : undefined;
    return {
      round,
      observed: mean(obs),
      simulated: mean(sim),
      observedN: obs.length,
      simulatedN: sim.length,
      ...(ks ? { ks } : {}),
      t: welchTTest(sim, obs),
    };
  });
  const ks = ks2Sample(allSim, allObs);
  return {
    condition,
    measure,
    series,
    rounds,
    error: errors(
      rounds.map((r) => r.simulated),
      rounds.map((r) => r.observed),
    ),
    ...(ks ? { ks } : {}),
    t: welchTTest(allSim, allObs),
  };
}
