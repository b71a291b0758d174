// Completion at a calibration measure's series (`calibration.measures: { fish: | }`): the series a
// run computes round by round — the names `society check` accepts there (SOC130).
import type { Mechanics } from '../model/mechanics';
import { seriesNames } from '../model/timeOutcomeNames';
import type { CursorContext } from './cursor';
import { orderedValue } from './orderedValue';
import type { CompletionItem, CompletionSources } from './types';

/** The series at a measure's value, else undefined (other completions apply). */
export function seriesCompletions(ctx: CursorContext, sources: CompletionSources): CompletionItem[] | undefined {
  const p = ctx.path;
  if (
    ctx.kind !== 'scenario' ||
    ctx.role !== 'value' ||
    p.length !== 3 ||
    p[0] !== 'calibration' ||
    p[1] !== 'measures'
  ) {
    return undefined;
  }
  const m: Mechanics = sources.mechanics?.() ?? { world: [], agents: [], actions: [] };
  return seriesNames(m).map((label, i) => orderedValue(label, i, ctx.replace, { detail: 'series over rounds' }));
}
