// fit.csv: one row per condition and measure — how each setting of a sweep (or each condition)
// fits the observed data, best first, with its rank; fit_rounds.csv: the same round by round.
// A t of ±Infinity (no spread, different means) is written as Infinity, which pandas and R read.
import { csvLine } from '../../text/csv';
import type { MeasureFit } from './fit';
import type { RankedCondition } from './rank';

/** `settings`: what each condition sets, as the report shows it (`state.world.fish.initial=120`). */
export function fitCsv(ranked: readonly RankedCondition[], settings: ReadonlyMap<string, string>): string {
  const lines = [
    csvLine(
      ['rank', 'condition', 'setting', 'score', 'measure', 'series', 'rounds', 'rmse', 'nrmse', 'mae'].concat([
        'ks',
        'ks_p',
        't',
        'df',
        't_p',
      ]),
    ),
  ];
  ranked.forEach((r, i) => {
    for (const f of r.fits) {
      lines.push(
        csvLine([
          i + 1,
          r.condition,
          settings.get(r.condition) ?? '',
          r.score,
          f.measure,
          f.series,
          f.error.n,
          f.error.rmse,
          f.error.nrmse,
          f.error.mae,
          f.ks?.d,
          f.ks?.p,
          f.t.t,
          f.t.df,
          f.t.p,
        ]),
      );
    }
  });
  return lines.join('\n') + '\n';
}

/** fit_rounds.csv: condition, measure, round, observed and simulated means with their counts, KS and t. */
export function fitRoundsCsv(fits: readonly MeasureFit[]): string {
  const lines = [
    csvLine([
      'condition',
      'measure',
      'round',
      'observed',
      'simulated',
      'observed_n',
      'simulated_n',
      'ks',
      'ks_p',
      't',
      't_p',
    ]),
  ];
  for (const f of fits) {
    for (const r of f.rounds) {
      lines.push(
        csvLine([f.condition, f.measure, r.round, r.observed, r.simulated, r.observedN, r.simulatedN]).concat(
          ',',
          csvLine([r.ks?.d, r.ks?.p, r.t.t, r.t.p]),
        ),
      );
    }
  }
  return lines.join('\n') + '\n';
}
