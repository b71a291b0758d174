// A claim (`experiment.claims`) names two conditions and a metric; `experiment.metrics` names
// metrics. A name the experiment does not have used to pass `check` and the whole experiment ran
// to say "not testable" (issue 41): here it is an error where it is written (SOC078), with the
// names there are and the one meant. The metrics are the network's (the schema's list, which the
// experiment's own list is tested against) and the declared state's outcomes as runs report them
// (stateOutcomeNames.ts).
import type { Diagnostic } from '../model/diagnostics';
import type { Range } from '../model/model';
import type { Locator } from '../syntax/locate';
import { readMechanics } from '../assemble/mechanicsSource';
import { report, unknownName, type Report } from './mechanicsReport';
import { schemaAtPath, type SchemaNode } from '../schema/schema';
import { STATE_METRIC, stateOutcomeNames, whyNotReported } from '../model/stateOutcomeNames';
import { looksLikeTimeOutcome } from '../model/timeOutcomeNames';
import { checkTimeOutcome } from './timeOutcomeCheck';
import { type Obj, isObj, list } from './checkKit';

/** The network metrics an experiment compares: the schema's enum of `experiment.metrics`. */
export function networkMetrics(): string[] {
  const items = schemaAtPath('scenario', ['experiment', 'metrics'])?.items;
  const branches = [items, ...((items?.anyOf ?? []) as SchemaNode[])];
  return branches.flatMap((x) =>
    Array.isArray(x?.enum) ? x.enum.filter((n): n is string => typeof n === 'string') : [],
  );
}

/** How many generations close in a run of the scenario's own length (`generations:`), else 0. */
function generationsOf(v: Obj): number {
  const every = isObj(v.generations) ? v.generations.every : undefined;
  const rounds = isObj(v.world) ? v.world.rounds : undefined;
  if (typeof every !== 'number' || !(every > 0)) return 0;
  return Math.max(1, Math.floor((typeof rounds === 'number' ? rounds : 10) / every));
}

/** The whole days in the scenario's rounds, with places (`day:`'s parts a round each; one part without it). */
function daysOf(v: Obj): number {
  if (!isObj(v.places)) return 0;
  const parts = Array.isArray(v.day) && v.day.length ? v.day.length : 1;
  const rounds = isObj(v.world) && typeof v.world.rounds === 'number' ? v.world.rounds : 10;
  return Math.floor(rounds / parts);
}

/**
 * Checks one metric name against what the scenario `v` measures, reporting into `out` at `range`
 * (SOC078, or SOC103–SOC105 for a time outcome); `code` and `where` word the report. Shared by
 * claims and a study's hypotheses (project/studyResolve.ts), whose ranges are in another file.
 */
export function metricChecker(
  v: Obj,
  at: Locator,
  unsure: boolean,
  out: Diagnostic[],
  personas: readonly { raw: unknown }[] = [],
): (metric: unknown, range: Range, where: string) => void {
  const r: Report = { v, at, unsure, out, m: readMechanics(v, at) ?? { world: [], agents: [], actions: [] } };
  const module = typeof v.module === 'string' && v.module !== '';
  const generations = generationsOf(v);
  const days = daysOf(v);
  const metrics = [...networkMetrics(), ...stateOutcomeNames(r.m, { module, generations, days })];
  return (metric, range, where) => {
    if (typeof metric !== 'string' || metric === '' || metrics.includes(metric)) return;
    // A later generation's gain: a condition or --rounds may make runs longer than the scenario's.
    const gain = /^agents\.([A-Za-z_]\w*)\.gain\.g[1-9][0-9]*$/.exec(metric);
    if (gain && generations > 0 && r.m.agents.some((q) => q.name === gain[1])) return;
    // A later day's share likewise: runs may be longer than the scenario's rounds.
    const day = /^knowledge\.([A-Za-z_]\w*)\.share\.day[1-9][0-9]*$/.exec(metric);
    if (day && days > 0 && r.m.knowledge?.some((k) => k.id === day[1])) return;
    if (looksLikeTimeOutcome(metric)) return checkTimeOutcome(r, metric, range, personas);
    const why = whyNotReported(metric, r.m, { module });
    if (why) return report(r, 'SOC078', 'error', `Metric '${metric}' is not measured: ${why}`, range);
    unknownName(r, 'SOC078', range, metric, metrics, {
      unknown: `Unknown metric '${metric}' ${where}`,
      kind: 'metrics',
      none: 'none',
    });
  };
}

/**
 * SOC078 for every condition and metric a claim names, and every metric `experiment.metrics`
 * names, that the experiment does not have; SOC103–SOC105 for a time outcome's. None while the scenario has syntax errors (names
 * may be missing from what was recovered).
 */
export function checkClaims(
  v: Obj,
  at: Locator,
  unsure: boolean,
  personas: readonly { raw: unknown }[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (unsure || !isObj(v.experiment)) return out;
  const check = metricChecker(v, at, unsure, out, personas);
  const checkMetric = (metric: unknown, path: (string | number)[], where: string): void =>
    check(metric, at.valueRange(path), where);
  const r: Report = { v, at, unsure, out, m: { world: [], agents: [], actions: [] } };
  const conditions = list(v.experiment.conditions)
    .map((c) => (isObj(c) && typeof c.name === 'string' ? c.name : undefined))
    .filter((n): n is string => n !== undefined);
  // Without conditions the scenario as written is the one condition (experiment/plan.ts).
  const names = conditions.length ? conditions : ['as written'];
  list(v.experiment.claims).forEach((claim, i) => {
    if (!isObj(claim)) return;
    const path = ['experiment', 'claims', i];
    for (const side of ['higher', 'than'] as const) {
      const name = claim[side];
      if (typeof name !== 'string' || names.includes(name)) continue;
      unknownName(r, 'SOC078', at.valueRange([...path, side]), name, names, {
        unknown: `Unknown condition '${name}' in a claim`,
        kind: 'conditions',
        none: 'none',
      });
    }
    // A condition against itself: the paired difference is 0 in every run, so the claim can never hold.
    if (typeof claim.higher === 'string' && claim.higher === claim.than && names.includes(claim.than)) {
      report(
        r,
        'SOC078',
        'error',
        `A claim compares condition '${claim.than}' with itself: the difference is 0 in every run, so it can never hold. Name another condition in \`than\``,
        at.valueRange([...path, 'than']),
      );
    }
    checkMetric(claim.metric, [...path, 'metric'], 'in a claim');
  });
  // The schema lists the network metrics `experiment.metrics` may name and reports any other: here,
  // the state's and the time outcomes (SOC103–SOC105).
  list(v.experiment.metrics).forEach((metric, i) => {
    if (typeof metric === 'string' && (STATE_METRIC.test(metric) || looksLikeTimeOutcome(metric))) {
      checkMetric(metric, ['experiment', 'metrics', i], 'to compare');
    }
  });
  return out;
}
