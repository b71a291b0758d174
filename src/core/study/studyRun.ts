// A study from its file to its write-up: the plan frozen (or compared with its frozen form), the
// runs made or read back, the anchored human figures scored, and study.json, study.md, study.html
// and study.tex written beside preregistration.json. Shared by `society study`, the editor's Run
// Study and the assistants' society_study (through the CLI).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scenario, Study } from '../format';
import { fileSha256 } from '../files/fileSha256';
import { modelPath } from '../llm/local/modelFile';
import { currentProvenance } from '../trace/provenance';
import {
  PREREGISTRATION_FILE,
  changedFiles,
  deviationsFrom,
  makePreregistration,
  readPreregistration,
  type Deviation,
  type Preregistration,
} from './preregistration';
import { runStudyModels, type StudyRunOptions } from './runStudy';
import {
  hypothesisResults,
  statisticsText,
  worldMethods,
  type StudyModelMethods,
  type StudyResult,
} from './studyResult';
import { studyValidity } from './validity';
import { sumUsage } from '../validation/validate';
import { studyMarkdown } from './studyMarkdown';
import { studyHtml } from './studyHtml';
import { studyLatex } from './studyLatex';
import { writeOwnFile } from './ownFile';

/** What a study leaves in its folder, besides runs/ and validity/. */
export const STUDY_FILES = {
  json: 'study.json',
  markdown: 'study.md',
  html: 'study.html',
  latex: 'study.tex',
  preregistration: PREREGISTRATION_FILE,
} as const;

export interface StudyInput {
  study: Study;
  scenario: Scenario;
  studyFile: string;
  /** Every file the study uses (study, scenario, includes). */
  files: string[];
  /** The validation library (human figures). */
  libraryDir: string;
  /** The command that reproduces it, as the write-up states it. */
  command: string;
  /** Relative paths in the write-up are relative to this folder. */
  cwd: string;
}

/** Why the study cannot go on from what its folder holds (a sentence), or its preregistration and deviations. */
export function preregister(
  input: StudyInput,
  outDir: string,
  now: Date,
): { prereg: Preregistration; deviations: Deviation[]; fresh: boolean } | { refused: string } {
  const file = path.join(outDir, PREREGISTRATION_FILE);
  const found = readPreregistration(file);
  if (found && 'why' in found) {
    return { refused: `${found.why}; move it away or run with --overwrite to start the study over` };
  }
  if (!found) {
    const prereg = makePreregistration(input.study, input.studyFile, input.files, now);
    fs.mkdirSync(outDir, { recursive: true });
    writeOwnFile(outDir, PREREGISTRATION_FILE, `${JSON.stringify(prereg, null, 2)}\n`);
    return { prereg, deviations: [], fresh: true };
  }
  const changed = changedFiles(found, input.studyFile, input.files);
  if (changed.length) {
    return {
      refused:
        `the world changed since the study was preregistered (${changed.join(', ')}): runs made before and after would mix two worlds. ` +
        `Restore the files, or run with --overwrite to start the study over under a new preregistration`,
    };
  }
  const text = fs.readFileSync(input.studyFile, 'utf8');
  return { prereg: found, deviations: deviationsFrom(found, input.study, text), fresh: false };
}

export interface StudyOutcome {
  result: StudyResult;
  files: string[];
  stopped: boolean;
}

export async function runStudy(
  input: StudyInput,
  o: StudyRunOptions & { now?: Date },
): Promise<StudyOutcome | { refused: string }> {
  const now = o.now ?? new Date();
  const pre = preregister(input, o.outDir, now);
  if ('refused' in pre) return pre;
  const { study, scenario } = input;
  const { looks, models, stopped } = await runStudyModels(study, scenario, o);
  const validity = await studyValidity(
    study,
    models.map((m) => ({ name: m.name, config: m.config })),
    { libraryDir: input.libraryDir, outDir: path.join(o.outDir, 'validity'), ...(o.jobs ? { jobs: o.jobs } : {}) },
  );
  const rel = (f: string): string => path.relative(input.cwd, f).split(path.sep).join('/') || '.';
  const modelMethods: StudyModelMethods[] = models.map((m) => {
    const usage = sumUsage(m.runs);
    const c = m.config ?? scenario.models.default;
    // A local model's path is relative to the file that names it (modelPath).
    const weights = c?.provider === 'local' && c.model ? localSha(modelPath(c)) : undefined;
    return {
      name: m.name,
      provider: c?.provider ?? 'offline',
      ...(c?.model ? { model: c.model } : {}),
      ...(c?.base_url ? { base_url: c.base_url } : {}),
      ...(c?.temperature !== undefined ? { temperature: c.temperature } : {}),
      ...(c?.seed !== undefined ? { seed: c.seed } : {}),
      ...(weights ? { sha256: weights } : {}),
      seeds_run: m.seeds,
      looks_run: m.looksRun,
      looks_reused: m.looksReused,
      stopped_early: m.stoppedEarly,
      partial: m.partial,
      runs: m.runs.length,
      usage: { ...usage, calls: m.runs.filter((r) => r.usage.calls > 0).length ? usage.calls : 0 },
    };
  });
  const result: StudyResult = {
    format: 'society-study',
    version: 1,
    name: study.name,
    question: study.question,
    study_file: rel(input.studyFile),
    scenario_file: rel(study.scenarioFile),
    partial: stopped || models.some((m) => m.partial),
    preregistration: {
      file: rel(path.join(o.outDir, PREREGISTRATION_FILE)),
      hash: pre.prereg.hash,
      written_at: pre.prereg.written_at,
      deviations: pre.deviations,
    },
    methods: {
      world: worldMethods(scenario, study),
      conditions: (scenario.experiment?.conditions ?? []).filter((c) => study.conditions.includes(c.name)),
      models: modelMethods,
      seeds: { plan: study.seeds, rule: looks.rule, alpha_per_look: looks.alpha },
      statistics: statisticsText(looks),
    },
    hypotheses: hypothesisResults(study, models, validity),
    validity,
    provenance: {
      product: currentProvenance().product.split(' ')[0],
      version: currentProvenance().product.split(' ').slice(1).join(' '),
      node: currentProvenance().node,
      files: input.files.map((f) => ({ path: rel(f), sha256: fileSha256(f) })),
      command: input.command,
      written_at: now.toISOString(),
    },
  };
  const files = writeStudyFiles(o.outDir, result);
  return { result, files, stopped };
}

/** A local model file's sha256 (the weights' provenance); undefined when it cannot be read here. */
function localSha(file: string): string | undefined {
  try {
    return fs.statSync(file).isFile() ? fileSha256(file) : undefined;
  } catch {
    return undefined;
  }
}

export function writeStudyFiles(outDir: string, r: StudyResult): string[] {
  const files: [string, string][] = [
    [STUDY_FILES.html, studyHtml(r)],
    [STUDY_FILES.markdown, studyMarkdown(r)],
    [STUDY_FILES.json, `${JSON.stringify(r, null, 2)}\n`],
    [STUDY_FILES.latex, studyLatex(r)],
  ];
  for (const [name, text] of files) writeOwnFile(outDir, name, text);
  return files.map(([name]) => path.join(outDir, name));
}
