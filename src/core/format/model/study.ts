// A study (`kind: study`): a question asked of a scenario, frozen before its first run. The
// hypotheses name the scenario's conditions and metrics; the models and the seed plan say what it
// must hold on and how many runs decide it. src/core/study runs it and writes the write-up.
import type { ModelConfig, SourceLocation } from './model';

/**
 * A hypothesis' effect, per seed: (of[0] − of[1]) − (minus[0] − minus[1]); without `minus`, a
 * plain contrast. `expect` is the sign it should have.
 */
export interface StudyEffect {
  of: [string, string];
  minus?: [string, string];
}

export interface StudyHypothesis {
  id: string;
  text: string;
  metric: string;
  effect: StudyEffect;
  expect: 'higher' | 'lower';
  /** The smallest effect of interest, in the metric's units. */
  smallest_effect: number;
  source?: SourceLocation;
}

/** Fixed seeds, or batches until every hypothesis is decided, up to a cap. */
export type SeedPlan =
  { kind: 'fixed'; seeds: number[] } | { kind: 'sequential'; start: number; batch: number; max: number };

/** A study condition that corresponds to a condition of a validation library entry, whose human figures anchor it. */
export interface StudyAnchor {
  condition: string;
  entry: string;
  as: string;
}

export interface Study {
  name: string;
  question: string;
  /** The scenario file, resolved (absolute). */
  scenarioFile: string;
  /** As written in the study, relative to it. */
  scenarioWritten: string;
  /** The conditions run, in order: those written, else every condition a hypothesis names. */
  conditions: string[];
  rounds?: number;
  hypotheses: StudyHypothesis[];
  /** Model name → config; each plays every agent and the coach in its own runs. Empty: the scenario's own models. */
  models: Record<string, ModelConfig>;
  seeds: SeedPlan;
  anchors: StudyAnchor[];
  /** Seeds of each anchored validation entry's runs, per model. */
  anchorSeeds: number;
  source?: SourceLocation;
}

/** Every condition a hypothesis' effect reads. */
export function effectConditions(e: StudyEffect): string[] {
  return [...e.of, ...(e.minus ?? [])];
}

/** The per-seed coefficients of an effect: condition → +1 / −1 (summed where a condition appears twice). */
export function effectWeights(e: StudyEffect): Map<string, number> {
  const w = new Map<string, number>();
  const add = (c: string, k: number): void => void w.set(c, (w.get(c) ?? 0) + k);
  add(e.of[0], 1);
  add(e.of[1], -1);
  if (e.minus) {
    add(e.minus[0], -1);
    add(e.minus[1], 1);
  }
  return w;
}
