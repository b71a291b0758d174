// What Hedges' g means for runs of a model, said wherever g is reported (issue 88: an experiment
// page gave g of 28.9 and 690 with nothing saying why). g divides a difference by the spread
// between seeds; for a model that spread is how much its runs differ, not how much people differ,
// so g is not on the scale of effect sizes measured on people.
import type { TraceHeader } from '../trace/events';

/** Whether every model the runs name is the offline rule-based model. */
export function ruleBasedModels(models: readonly TraceHeader['models'][]): boolean {
  return models.length > 0 && models.every((m) => Object.values(m).every((c) => c.provider === 'offline'));
}

/** The same from experiment runs' `made_by.models` (`key: provider model url; …`). */
export function ruleBasedMadeBy(runs: readonly { made_by?: { models: string } }[]): boolean {
  const named = runs.flatMap((r) => (r.made_by ? r.made_by.models.split('; ') : []));
  return named.length > 0 && named.every((m) => /^[^:]*: offline /.test(m));
}

/** The sentence under a table with Hedges' g. */
export function effectSizeNote(ruleBased: boolean): string {
  const spread = ruleBased
    ? 'the seed-to-seed variation of a rule-based model (the same agents, redrawn by its random streams)'
    : "the seed-to-seed variation of the model's runs (one model sampled again)";
  return (
    `Hedges' g is the difference in units of the spread between seeds: here ${spread}, not the variation ` +
    'between people or groups of people. It is not comparable to effect sizes from studies of people, and a ' +
    'large g says the runs are consistent, not that the effect is large: read the difference in the ' +
    "outcome's own units, with its 95% CI."
  );
}
