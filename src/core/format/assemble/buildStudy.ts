// A validated study document -> the typed Study (model/study.ts). Only called on a document the
// schema passed, so values have its shapes; the names it uses are checked against the scenario
// in project/studyResolve.ts.
import * as path from 'node:path';
import type { ModelConfig } from '../model/model';
import type { SeedPlan, Study, StudyEffect, StudyHypothesis } from '../model/study';
import { effectConditions } from '../model/study';
import type { Locator } from '../syntax/locate';
import { applyDefaults, documentSchema, societySchema } from '../schema/schema';
import { nameRecord } from '../../text/nameRecord';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A hypothesis' effect as written: `higher`/`than` (a contrast) or `effect: { of, minus }`. */
export function writtenEffect(h: Obj): StudyEffect | undefined {
  if (h.effect && Array.isArray(h.effect.of)) {
    return {
      of: [h.effect.of[0], h.effect.of[1]],
      ...(h.effect.minus ? { minus: [h.effect.minus[0], h.effect.minus[1]] } : {}),
    };
  }
  if (typeof h.higher === 'string' && typeof h.than === 'string') return { of: [h.higher, h.than] };
  return undefined;
}

function hypothesisText(h: Obj, effect: StudyEffect, expect: 'higher' | 'lower'): string {
  if (typeof h.text === 'string' && h.text.trim()) return h.text;
  const [a, b] = effect.of;
  const plain = `${h.metric} is ${expect} in ${a} than in ${b}`;
  if (!effect.minus) return plain;
  return `the effect on ${h.metric} of ${a} over ${b} is ${expect} than that of ${effect.minus[0]} over ${effect.minus[1]}`;
}

export function buildStudy(raw: unknown, at: Locator, file: string): Study {
  const v = applyDefaults(documentSchema('study'), raw) as Obj;
  const hypotheses: StudyHypothesis[] = (v.hypotheses as Obj[]).map((h, i) => {
    const effect = writtenEffect(h)!;
    const expect: 'higher' | 'lower' = h.expect === 'lower' ? 'lower' : 'higher';
    return {
      id: h.id,
      text: hypothesisText(h, effect, expect),
      metric: h.metric,
      effect,
      expect,
      smallest_effect: h.smallest_effect,
      source: at.location(['hypotheses', i]),
    };
  });
  const models: Record<string, ModelConfig> = nameRecord();
  for (const [name, m] of Object.entries((v.models ?? {}) as Obj)) {
    models[name] = {
      name,
      ...(applyDefaults(societySchema.$defs.model, m) as Obj),
      source: at.location(['models', name]),
    } as ModelConfig;
  }
  const named = [...new Set(hypotheses.flatMap((h) => effectConditions(h.effect)))];
  const seeds: SeedPlan = v.seeds?.sequential
    ? { kind: 'sequential', ...v.seeds.sequential }
    : { kind: 'fixed', seeds: v.seeds?.fixed ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] };
  return {
    name: v.name,
    question: v.question,
    scenarioFile: path.resolve(path.dirname(file), v.scenario),
    scenarioWritten: v.scenario,
    conditions: Array.isArray(v.conditions) ? v.conditions : named,
    ...(typeof v.rounds === 'number' ? { rounds: v.rounds } : {}),
    hypotheses,
    models,
    seeds,
    anchors: (v.validity?.anchors ?? []).map((a: Obj) => ({ condition: a.condition, entry: a.entry, as: a.as })),
    anchorSeeds: v.validity?.seeds ?? 6,
    source: at.location([]),
  };
}
