// A study document resolved: its scenario found (confined, as every path a file names) and
// checked, and every name it uses checked against that scenario — conditions, metrics, anchors —
// where the study writes them (SOC160–SOC164). `society check`, the editor and `society study`
// all see these diagnostics, so a study that passes check is the study that runs.
import * as path from 'node:path';
import type { Diagnostic } from '../model/diagnostics';
import type { Range, Scenario } from '../model/model';
import { type Study, effectWeights } from '../model/study';
import { didYouMean } from '../model/suggest';
import type { Locator } from '../syntax/locate';
import { buildStudy, writtenEffect } from '../assemble/buildStudy';
import { confinedPath } from '../io/dataFile';
import { metricChecker } from '../checks/claimCheck';
import { type Obj, isObj, list } from '../checks/checkKit';
import type { SocietyFileSystem } from '../io/fileSystem';
import type { FileAnalysis, ScenarioResolution } from './resolution';
import { pushAll } from '../../text/pushAll';

/** What a study needs of a workspace (workspace.ts, which calls this: an interface, not an import circle). */
export interface StudyWorkspace {
  readonly fs: SocietyFileSystem;
  readonly root: string;
  analyze(file: string): Promise<FileAnalysis | undefined>;
  resolveScenario(file: string): Promise<ScenarioResolution>;
}

export interface StudyResolution {
  file: string;
  diagnostics: Diagnostic[];
  /** The study's file, its scenario's and every file the scenario includes: what a preregistration hashes. */
  files: string[];
  study?: Study;
  scenario?: Scenario;
}

type Code = 'SOC160' | 'SOC161' | 'SOC162' | 'SOC163' | 'SOC164';

export async function resolveStudy(ws: StudyWorkspace, file: string, docIndex?: number): Promise<StudyResolution> {
  const out: StudyResolution = { file, diagnostics: [], files: [file] };
  const analysis = await ws.analyze(file);
  if (!analysis) {
    out.diagnostics.push({
      code: 'SOC160',
      severity: 'error',
      message: `${path.basename(file)} cannot be read`,
      file,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
    return out;
  }
  pushAll(out.diagnostics, analysis.diagnostics);
  const index = docIndex ?? analysis.parsed.documents.findIndex((d) => d.kind === 'study');
  const doc = analysis.parsed.documents[index];
  if (!doc || doc.kind !== 'study' || doc.hasErrors || !isObj(doc.value)) return out;
  const at = analysis.locators[index];
  const v = doc.value;
  const mk = (code: Code, message: string, range: Range, severity: Diagnostic['severity'] = 'error'): void =>
    void out.diagnostics.push({ code, severity, message, file, range });
  // The schema passed or reported already; names are checked only where its shapes hold.
  if (analysis.diagnostics.some((d) => d.severity === 'error' && d.file === file)) return out;
  if (typeof v.scenario !== 'string') return out;
  const where = await confinedPath(ws.fs, v.scenario, file, ws.root);
  const scenarioRange = at.valueRange(['scenario']);
  if ('why' in where) {
    mk('SOC160', `Scenario '${v.scenario}' ${where.why}`, scenarioRange);
    return out;
  }
  const resolved = await ws.resolveScenario(where.file);
  pushAll(out.files, resolved.files);
  const errors = resolved.diagnostics.filter((d) => d.severity === 'error');
  if (!resolved.scenario || errors.length) {
    const first = errors[0];
    const why = first
      ? `has ${errors.length} error${errors.length === 1 ? '' : 's'} (first: ${path.basename(first.file)}:${first.range.start.line + 1}: ${first.message})`
      : 'holds no scenario';
    // The scenario's own errors are shown in its files: here a warning, so none is counted twice.
    mk(
      'SOC160',
      `Scenario '${v.scenario}' ${why}: the study runs once they are fixed`,
      scenarioRange,
      first ? 'warning' : 'error',
    );
    return out;
  }
  const scenarioDoc = await scenarioValue(ws, where.file, resolved.docIndex);
  checkHypotheses(v, at, file, resolved.scenario, scenarioDoc, mk, out.diagnostics);
  checkSeeds(v, at, mk);
  checkModels(v, at, mk);
  checkAnchors(v, at, conditionsRun(v, resolved.scenario), mk);
  if (!out.diagnostics.some((d) => d.severity === 'error')) {
    out.study = buildStudy(v, at, file);
    out.scenario = resolved.scenario;
  }
  return out;
}

async function scenarioValue(
  ws: StudyWorkspace,
  file: string,
  index: number,
): Promise<{ v: Obj; at: Locator } | undefined> {
  const a = await ws.analyze(file);
  const doc = a?.parsed.documents[index];
  return a && doc && isObj(doc.value) ? { v: doc.value, at: a.locators[index] } : undefined;
}

/** The scenario's condition names (`as written` when it has no experiment). */
function scenarioConditions(s: Scenario): string[] {
  return s.experiment?.conditions.length ? s.experiment.conditions.map((c) => c.name) : ['as written'];
}

/** The conditions the study runs: those it lists, else every one its hypotheses name. */
function conditionsRun(v: Obj, s: Scenario): string[] {
  if (Array.isArray(v.conditions)) return v.conditions.filter((c): c is string => typeof c === 'string');
  const named = list(v.hypotheses).flatMap(
    (h) => (isObj(h) ? (writtenEffect(h) ?? { of: [] as string[] }) : { of: [] }).of,
  );
  const minus = list(v.hypotheses).flatMap((h) => (isObj(h) ? (writtenEffect(h)?.minus ?? []) : []));
  return [...new Set([...named, ...minus])].filter((c) => scenarioConditions(s).includes(c));
}

function checkHypotheses(
  v: Obj,
  at: Locator,
  file: string,
  scenario: Scenario,
  scenarioDoc: { v: Obj; at: Locator } | undefined,
  mk: (code: Code, message: string, range: Range) => void,
  out: Diagnostic[],
): void {
  const known = scenarioConditions(scenario);
  const listed = Array.isArray(v.conditions)
    ? v.conditions.filter((c): c is string => typeof c === 'string')
    : undefined;
  list(v.conditions).forEach((c, i) => {
    if (typeof c === 'string' && !known.includes(c)) unknownCondition(c, known, at.valueRange(['conditions', i]), mk);
  });
  const metricOut: Diagnostic[] = [];
  const checkMetric = scenarioDoc ? metricChecker(scenarioDoc.v, scenarioDoc.at, false, metricOut) : undefined;
  const ids = new Set<string>();
  list(v.hypotheses).forEach((h, i) => {
    if (!isObj(h)) return;
    const hp = ['hypotheses', i];
    if (typeof h.id === 'string') {
      if (ids.has(h.id)) mk('SOC161', `Hypothesis id '${h.id}' is used twice`, at.valueRange([...hp, 'id']));
      ids.add(h.id);
    }
    const simple = h.higher !== undefined || h.than !== undefined;
    if (simple === (h.effect !== undefined) || (simple && (h.higher === undefined || h.than === undefined))) {
      mk(
        'SOC161',
        'A hypothesis names its effect with `higher` and `than`, or with `effect: { of, minus }`: one of the two, whole',
        at.keyRange(hp.length ? [...hp, 'id'] : hp),
      );
      return;
    }
    if (simple && h.expect === 'lower') {
      mk(
        'SOC161',
        '`expect: lower` with `higher`/`than` contradicts itself: swap the conditions, or write `effect: { of: [...] }`',
        at.valueRange([...hp, 'expect']),
      );
    }
    const sides: [unknown, (string | number)[]][] = simple
      ? [
          [h.higher, [...hp, 'higher']],
          [h.than, [...hp, 'than']],
        ]
      : [
          ...list(isObj(h.effect) ? h.effect.of : []).map((c, k): [unknown, (string | number)[]] => [
            c,
            [...hp, 'effect', 'of', k],
          ]),
          ...list(isObj(h.effect) ? h.effect.minus : []).map((c, k): [unknown, (string | number)[]] => [
            c,
            [...hp, 'effect', 'minus', k],
          ]),
        ];
    for (const [c, p] of sides) {
      if (typeof c !== 'string') continue;
      if (!known.includes(c)) unknownCondition(c, known, at.valueRange(p), mk);
      else if (listed && !listed.includes(c)) {
        mk(
          'SOC161',
          `Condition '${c}' is not among the study's \`conditions:\` (${listed.join(', ')})`,
          at.valueRange(p),
        );
      }
    }
    const effect = writtenEffect(h);
    if (effect && identicallyZero(effect)) {
      mk(
        'SOC161',
        `The effect ${effectWords(effect)} is 0 in every run (a condition against itself): it can never hold`,
        at.keyRange([...hp, simple ? 'than' : 'effect']),
      );
    }
    if (checkMetric) {
      metricOut.length = 0;
      checkMetric(h.metric, at.valueRange([...hp, 'metric']), 'in a hypothesis');
      // Worded against the scenario, placed in the study: the quick fixes' ranges were the scenario's.
      for (const d of metricOut) out.push({ ...d, code: 'SOC161', file, fixes: undefined });
    }
  });
}

function unknownCondition(
  c: string,
  known: readonly string[],
  range: Range,
  mk: (code: Code, m: string, r: Range) => void,
): void {
  const meant = didYouMean(c, known);
  mk(
    'SOC161',
    `Unknown condition '${c}'${meant ? `. Did you mean '${meant}'?` : ''} (the scenario's conditions: ${known.join(', ')})`,
    range,
  );
}

function identicallyZero(e: { of: string[]; minus?: string[] }): boolean {
  const w = effectWeights({ of: [e.of[0], e.of[1]], ...(e.minus ? { minus: [e.minus[0], e.minus[1]] } : {}) });
  return [...w.values()].every((k) => k === 0);
}

function effectWords(e: { of: string[]; minus?: string[] }): string {
  const pair = (p: string[]): string => `'${p[0]}' − '${p[1]}'`;
  return e.minus ? `(${pair(e.of)}) − (${pair(e.minus)})` : pair(e.of);
}

function checkSeeds(v: Obj, at: Locator, mk: (code: Code, m: string, r: Range) => void): void {
  const s = isObj(v.seeds) ? v.seeds : undefined;
  if (!s) return;
  if (s.fixed !== undefined && s.sequential !== undefined) {
    mk('SOC162', 'A seed plan is `fixed` or `sequential`, not both', at.keyRange(['seeds']));
  } else if (s.fixed === undefined && s.sequential === undefined) {
    mk('SOC162', 'A seed plan names `fixed` seeds or a `sequential` plan with a cap (`max`)', at.keyRange(['seeds']));
  }
  const q = isObj(s.sequential) ? s.sequential : undefined;
  if (q && typeof q.max === 'number' && typeof q.start === 'number' && q.max < q.start) {
    mk(
      'SOC162',
      `The cap (max: ${q.max}) is below the first batch (start: ${q.start}): no look could run`,
      at.valueRange(['seeds', 'sequential', 'max']),
    );
  }
}

function checkModels(
  v: Obj,
  at: Locator,
  mk: (code: Code, m: string, r: Range, s?: Diagnostic['severity']) => void,
): void {
  if (!isObj(v.models)) return;
  for (const [name, m] of Object.entries(v.models)) {
    if (isObj(m) && m.provider === 'vscode') {
      mk(
        'SOC163',
        `Model '${name}' is a VS Code language model: it runs only from the editor (Run Study), not from \`society study\``,
        at.valueRange(['models', name, 'provider']),
        'warning',
      );
    }
  }
}

function checkAnchors(
  v: Obj,
  at: Locator,
  run: readonly string[],
  mk: (code: Code, m: string, r: Range) => void,
): void {
  const seen = new Set<string>();
  list(isObj(v.validity) ? v.validity.anchors : []).forEach((a, i) => {
    if (!isObj(a) || typeof a.condition !== 'string') return;
    const range = at.valueRange(['validity', 'anchors', i, 'condition']);
    if (!run.includes(a.condition)) {
      mk(
        'SOC164',
        `Anchor on '${a.condition}', which the study does not run (it runs: ${run.join(', ') || 'none'})`,
        range,
      );
    } else if (seen.has(a.condition)) {
      mk('SOC164', `Condition '${a.condition}' is anchored twice`, range);
    }
    seen.add(a.condition);
  });
}
