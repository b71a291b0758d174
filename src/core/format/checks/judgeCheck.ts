// Checks of `judges:` (issue 48, rubric judges; docs/judges.md): each judge is `offline`,
// `offline:<name>` or a model of `models` (SOC120); a named rubric is a shipped one (SOC121); a
// dimension's range is a range, its anchors inside it and its offline signal a known one
// (SOC122); the groups judged exist (SOC123); a judging can happen as written — its rounds within
// the run, its judges and its name not repeated (SOC124, warnings). Unknown names get did-you-mean.
import { JUDGE_SIGNALS, isOfflineJudge } from '../model/judges';
import { report, unknownName, type Report } from './mechanicsReport';
import { SHIPPED_RUBRICS } from '../model/rubrics';
import { groupNames, type CheckContext } from './checkContext';
import { type Obj, isObj } from './checkKit';

/** The scenario's judgings: their rubrics, groups and rounds. */
export function judgesCheck(ctx: CheckContext): void {
  const { v, at, unsure, rounds } = ctx;
  const groups = groupNames(ctx);
  const out = ctx.out;
  if (unsure || !Array.isArray(v.judges)) return;
  const r: Report = { v, at, m: { world: [], agents: [], actions: [] }, unsure, out };
  const models = [...new Set(['default', ...(isObj(v.models) ? Object.keys(v.models) : [])])];
  const names = new Set<string>();
  v.judges.forEach((j: unknown, i) => {
    if (!isObj(j)) return;
    const name = typeof j.name === 'string' ? j.name : `#${i + 1}`;
    if (names.has(name)) {
      report(
        r,
        'SOC124',
        'warning',
        `Two judgings are named '${name}': their judgements would mix in the report`,
        at.valueRange(['judges', i, 'name']),
      );
    }
    names.add(name);
    checkBy(r, j, i, name, models);
    checkRubric(r, j, i, name);
    (Array.isArray(j.groups) ? j.groups : []).forEach((g: unknown, k) => {
      if (typeof g !== 'string' || groups.includes(g)) return;
      unknownName(r, 'SOC123', at.valueRange(['judges', i, 'groups', k]), g, groups, {
        unknown: `Unknown group '${g}' to judge in '${name}'`,
        kind: 'groups',
        none: 'the scenario has no groups (give personas a `group` or declare a population)',
      });
    });
    (Array.isArray(j.rounds) ? j.rounds : []).forEach((n: unknown, k) => {
      if (typeof n === 'number' && n > rounds) {
        report(
          r,
          'SOC124',
          'warning',
          `'${name}' judges at round ${n}, after the last round (${rounds}): nothing is judged then`,
          at.valueRange(['judges', i, 'rounds', k]),
        );
      }
    });
  });
  return;
}

function checkBy(r: Report, j: Obj, i: number, name: string, models: string[]): void {
  const seen = new Set<string>();
  (Array.isArray(j.by) ? j.by : []).forEach((judge: unknown, k) => {
    if (typeof judge !== 'string') return;
    const range = r.at.valueRange(['judges', i, 'by', k]);
    if (seen.has(judge)) {
      report(
        r,
        'SOC124',
        'warning',
        `Judge '${judge}' is named twice in '${name}': it would be compared with itself`,
        range,
      );
    }
    seen.add(judge);
    if (isOfflineJudge(judge) || models.includes(judge)) return;
    unknownName(r, 'SOC120', range, judge, ['offline', ...models], {
      unknown: `Unknown judge '${judge}' in '${name}': a judge is \`offline\`, \`offline:<name>\` or a model of \`models\``,
      kind: 'judges',
      none: 'declare the model under `models`',
    });
  });
}

function checkRubric(r: Report, j: Obj, i: number, name: string): void {
  const at = r.at;
  if (typeof j.rubric === 'string') {
    if (SHIPPED_RUBRICS[j.rubric]) return;
    unknownName(r, 'SOC121', at.valueRange(['judges', i, 'rubric']), j.rubric, Object.keys(SHIPPED_RUBRICS), {
      unknown: `Unknown rubric '${j.rubric}' in '${name}': a rubric is a shipped one or declared with its \`dimensions\``,
      kind: 'shipped rubrics',
      none: 'declare its dimensions',
    });
    return;
  }
  if (!isObj(j.rubric) || !isObj(j.rubric.dimensions)) return;
  for (const [dim, d] of Object.entries(j.rubric.dimensions)) {
    if (!isObj(d)) continue;
    const path = ['judges', i, 'rubric', 'dimensions', dim];
    const { min, max } = d;
    if (typeof min === 'number' && typeof max === 'number' && min >= max) {
      report(
        r,
        'SOC122',
        'error',
        `Dimension '${dim}' of '${name}' has min ${min} not below max ${max}`,
        at.valueRange([...path, 'max']),
      );
      continue;
    }
    if (isObj(d.anchors) && typeof min === 'number' && typeof max === 'number') {
      for (const score of Object.keys(d.anchors)) {
        if (Number(score) >= min && Number(score) <= max) continue;
        report(
          r,
          'SOC122',
          'error',
          `Anchor ${score} of dimension '${dim}' is outside its range ${min}..${max}`,
          at.keyRange([...path, 'anchors', score]),
        );
      }
    }
    if (typeof d.offline === 'string' && !(JUDGE_SIGNALS as readonly string[]).includes(d.offline)) {
      unknownName(r, 'SOC122', at.valueRange([...path, 'offline']), d.offline, JUDGE_SIGNALS, {
        unknown: `Unknown offline signal '${d.offline}' for dimension '${dim}'`,
        kind: 'signals',
        none: '',
      });
    }
  }
}
