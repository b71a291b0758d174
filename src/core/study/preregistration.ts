// The study frozen before its first run: its text and the plan read from it, and every file it
// uses, hashed (preregistration.json, beside the results). A later run of the same study compares
// against it: a changed hypothesis, model or seed plan is a deviation the write-up states; a
// changed scenario is refused (runs of two worlds would be mixed); a preregistration file edited
// after it was written no longer matches its own hash, and the write-up says so.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Study } from '../format';
import { fileSha256 } from '../files/fileSha256';

export const PREREGISTRATION_FILE = 'preregistration.json';

export interface FrozenPlan {
  hypotheses: {
    id: string;
    text: string;
    metric: string;
    effect: Study['hypotheses'][number]['effect'];
    expect: string;
    smallest_effect: number;
  }[];
  conditions: string[];
  models: string[];
  seeds: Study['seeds'];
  rounds: number | null;
}

export interface Preregistration {
  format: 'society-preregistration';
  version: 1;
  written_at: string;
  /** The study file's text, whole, as it was when the plan was frozen. */
  study_text: string;
  /** Each file the study uses (the study, its scenario, what that includes): path relative to the study's folder, sha256. */
  files: { path: string; sha256: string }[];
  plan: FrozenPlan;
  /** sha256 of this object's canonical JSON without `hash`: an edit of the file shows. */
  hash: string;
}

export interface Deviation {
  kind: 'hypothesis' | 'models' | 'seeds' | 'conditions' | 'rounds' | 'edited' | 'study_text';
  text: string;
}

export function frozenPlan(study: Study): FrozenPlan {
  return {
    hypotheses: study.hypotheses.map((h) => ({
      id: h.id,
      text: h.text,
      metric: h.metric,
      effect: h.effect,
      expect: h.expect,
      smallest_effect: h.smallest_effect,
    })),
    conditions: study.conditions,
    models: Object.keys(study.models),
    seeds: study.seeds,
    rounds: study.rounds ?? null,
  };
}

/** JSON with keys sorted, so the same content hashes the same whatever order it was built in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

export function hashOf(p: Omit<Preregistration, 'hash'>): string {
  return sha256(canonical(p));
}

export function makePreregistration(
  study: Study,
  studyFile: string,
  files: readonly string[],
  now: Date,
): Preregistration {
  const dir = path.dirname(studyFile);
  const body: Omit<Preregistration, 'hash'> = {
    format: 'society-preregistration',
    version: 1,
    written_at: now.toISOString(),
    study_text: fs.readFileSync(studyFile, 'utf8'),
    files: files.map((f) => ({ path: path.relative(dir, f).split(path.sep).join('/'), sha256: fileSha256(f) })),
    plan: frozenPlan(study),
  };
  return { ...body, hash: hashOf(body) };
}

/** The file's preregistration, or why it cannot be read (a sentence). */
export function readPreregistration(file: string): Preregistration | { why: string } | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile()) return { why: `${PREREGISTRATION_FILE} is not a regular file` };
    if (st.size > 8 << 20) return { why: `${PREREGISTRATION_FILE} is over 8 MB` };
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as Preregistration;
    if (v?.format !== 'society-preregistration' || !v.plan || !Array.isArray(v.files)) {
      return { why: `${PREREGISTRATION_FILE} is not a preregistration this version wrote` };
    }
    return v;
  } catch (e) {
    return { why: `${PREREGISTRATION_FILE} cannot be read: ${(e as Error).message}` };
  }
}

/** Files the study uses whose content differs from the preregistered: the scenario's world changed. */
export function changedFiles(p: Preregistration, studyFile: string, files: readonly string[]): string[] {
  const dir = path.dirname(studyFile);
  const now = new Map(files.map((f) => [path.relative(dir, f).split(path.sep).join('/'), f]));
  const out: string[] = [];
  for (const f of p.files) {
    const current = now.get(f.path);
    // The study file itself is compared by its plan (deviations), not refused.
    if (current === studyFile) continue;
    if (!current || !fs.existsSync(current) || fileSha256(current) !== f.sha256) out.push(f.path);
  }
  for (const rel of now.keys()) if (!p.files.some((f) => f.path === rel)) out.push(rel);
  return out;
}

/** How the study as it is now departs from its preregistration. */
export function deviationsFrom(p: Preregistration, study: Study, studyText: string): Deviation[] {
  const out: Deviation[] = [];
  const { hash, ...body } = p;
  if (hashOf(body) !== hash) {
    out.push({
      kind: 'edited',
      text: `${PREREGISTRATION_FILE} was edited after it was written (its content no longer matches its hash ${hash.slice(0, 12)}…): the frozen plan below cannot be vouched for`,
    });
  }
  const now = frozenPlan(study);
  const before = new Map(p.plan.hypotheses.map((h) => [h.id, h]));
  for (const h of now.hypotheses) {
    const was = before.get(h.id);
    if (!was) out.push({ kind: 'hypothesis', text: `hypothesis ${h.id} was added after preregistration` });
    else if (canonical(was) !== canonical(h)) {
      const what = (['text', 'metric', 'effect', 'expect', 'smallest_effect'] as const).filter(
        (k) => canonical(was[k]) !== canonical(h[k]),
      );
      out.push({ kind: 'hypothesis', text: `hypothesis ${h.id} changed after preregistration (${what.join(', ')})` });
    }
  }
  for (const id of before.keys()) {
    if (!now.hypotheses.some((h) => h.id === id)) {
      out.push({ kind: 'hypothesis', text: `hypothesis ${id} was dropped after preregistration` });
    }
  }
  if (canonical(p.plan.models) !== canonical(now.models)) {
    out.push({
      kind: 'models',
      text: `models changed after preregistration: ${p.plan.models.join(', ') || 'the scenario’s'} → ${now.models.join(', ') || 'the scenario’s'}`,
    });
  }
  if (canonical(p.plan.seeds) !== canonical(now.seeds)) {
    out.push({
      kind: 'seeds',
      text: `the seed plan changed after preregistration: ${canonical(p.plan.seeds)} → ${canonical(now.seeds)}`,
    });
  }
  if (canonical(p.plan.conditions) !== canonical(now.conditions)) {
    out.push({
      kind: 'conditions',
      text: `conditions changed after preregistration: ${p.plan.conditions.join('; ')} → ${now.conditions.join('; ')}`,
    });
  }
  if (p.plan.rounds !== now.rounds) {
    out.push({
      kind: 'rounds',
      text: `rounds changed after preregistration: ${p.plan.rounds ?? 'each condition’s'} → ${now.rounds ?? 'each condition’s'}`,
    });
  }
  if (!out.length && p.study_text !== studyText) {
    out.push({ kind: 'study_text', text: 'the study file’s wording changed after preregistration (its plan did not)' });
  }
  return out;
}
