// A set of .society files seen together: parses and validates each file once per text, resolves
// a scenario's includes (globs, cycles, workspace boundary), runs the semantic checks it is handed
// and builds the typed Scenario the engine runs. The checks are handed in (societyWorkspace.ts)
// rather than imported: the checker reads the workspace's personas, so importing it back would
// close a circle.
import { checkObserved } from '../checks/observedCheck';
import { resolveStudy } from './studyResolve';
import { checkModule } from '../checks/moduleCheck';
import { checkLocalModels } from '../checks/localModelCheck';
import type { FileCheck } from '../checks/fileCheck';
import * as path from 'node:path';
import type { Diagnostic } from '../model/diagnostics';
import type { Persona, Range } from '../model/model';
import { parseSociety, type ParsedDocument } from '../syntax/parse';
import { ChunkCache } from '../syntax/chunked';
import { validateDocument } from '../schema/validate';
import { Locator } from '../syntax/locate';
import { buildPersona, buildScenario } from '../assemble/build';
import type { PersonaEntry } from '../assemble/personaEntry';

export type { PersonaEntry };
import type { SocietyFileSystem } from '../io/fileSystem';
import { attachCensus, loadCensus } from '../assemble/census/censusLoad';
import {
  SOCIETY_EXTENSION,
  NO_SCENARIO_TO_RUN,
  type FileAnalysis,
  type WorkspaceChecks,
  type ScenarioResolution,
} from './resolution';
import { unreadable, dedupe } from './fileProblems';
import { pushAll } from '../../text/pushAll';
import { includeMatches } from './includeMatches';

/** The checks that read files a scenario names, in the order their diagnostics are listed. */
const FILE_CHECKS: readonly FileCheck[] = [checkModule, checkObserved, checkLocalModels];

/** The file set with the checks it is handed; hosts open a SocietyWorkspace (societyWorkspace.ts). */
export class Workspace {
  private readonly cache = new Map<string, { text: string; analysis: FileAnalysis }>();
  private readonly chunks = new Map<string, ChunkCache>();

  /** `root`: includes may not leave this folder. */
  constructor(
    readonly fs: SocietyFileSystem,
    readonly root: string,
    private readonly checks: WorkspaceChecks,
  ) {}

  /** Parses and validates a file; cached while its text is unchanged. */
  async analyze(file: string): Promise<FileAnalysis | undefined> {
    const text = await this.fs.readFile(file);
    if (text === undefined) {
      this.forget(file);
      return undefined;
    }
    return this.analyzeText(file, text);
  }

  analyzeText(file: string, text: string): FileAnalysis {
    const hit = this.cache.get(file);
    if (hit && hit.text === text) return hit.analysis;
    let chunks = this.chunks.get(file);
    if (!chunks) {
      chunks = new ChunkCache();
      this.chunks.set(file, chunks);
    }
    const parsed = parseSociety(text, file, chunks);
    const locators = parsed.documents.map((d) => new Locator(parsed, d));
    const diagnostics = [...parsed.diagnostics];
    for (const doc of parsed.documents) pushAll(diagnostics, validateDocument(parsed, doc));
    pushAll(diagnostics, this.checks.file(parsed, locators));
    const analysis = { parsed, diagnostics, locators };
    this.cache.set(file, { text, analysis });
    return analysis;
  }

  forget(file: string): void {
    this.cache.delete(file);
    this.chunks.delete(file);
  }

  /**
   * Resolves the scenario document `docIndex` (default: the first scenario) of a file.
   * `build: false` skips building the typed Scenario when only diagnostics are wanted (editor).
   */
  async resolveScenario(
    file: string,
    docIndex?: number,
    options: { build?: boolean } = {},
  ): Promise<ScenarioResolution> {
    const result: ScenarioResolution = { file, docIndex: docIndex ?? -1, diagnostics: [], files: [file], personas: [] };
    const analysis = await this.analyze(file);
    if (!analysis) {
      result.diagnostics.push(unreadable(file));
      return result;
    }
    const index = docIndex ?? analysis.parsed.documents.findIndex((d) => d.kind === 'scenario');
    const doc = analysis.parsed.documents[index];
    if (!doc || doc.kind !== 'scenario') {
      // A document YAML could not read (an alias bomb, a broken anchor) may be the scenario: its
      // errors are the cause to show, not "no scenario".
      const unread = analysis.diagnostics.filter((d) => d.code === 'SOC001' && d.severity === 'error');
      if (unread.length) {
        pushAll(result.diagnostics, unread);
        return result;
      }
      // At the start of the (first) document, usually its `kind:` line.
      const range = (analysis.locators[index] ?? analysis.locators[0])?.documentStart() ?? {
        start: { line: 0, character: 0 },
        end: { line: 0, character: 0 },
      };
      result.diagnostics.push({ code: 'SOC003', severity: 'error', message: NO_SCENARIO_TO_RUN, file, range });
      return result;
    }
    result.docIndex = index;
    const involved = new Map<string, FileAnalysis>([[file, analysis]]);
    await this.collectPersonas(analysis, doc, [file], involved, result);
    const at = analysis.locators[index];
    for (const [f, a] of involved) {
      if (f !== file) result.files.push(f);
      pushAll(result.diagnostics, a.diagnostics);
    }
    pushAll(
      result.diagnostics,
      this.checks.scenario({ value: doc.value, at, hasErrors: doc.hasErrors }, result.personas),
    );
    if (doc.value && typeof doc.value === 'object') {
      for (const check of FILE_CHECKS) {
        pushAll(result.diagnostics, await check(doc.value as Record<string, unknown>, at, file, this.fs, this.root));
      }
    }
    const census = await loadCensus(doc.value, at, this.fs, this.root);
    pushAll(result.diagnostics, census.diagnostics);
    result.diagnostics = dedupe(result.diagnostics);
    if (options.build !== false && !result.diagnostics.some((d) => d.severity === 'error')) {
      const initial: Persona[] = result.personas
        .filter((p) => p.addedAt === undefined)
        .map((p) => buildPersona(p.raw, p.site));
      result.scenario = attachCensus(buildScenario(doc.value, at, initial), census.data);
    }
    return result;
  }

  private async collectPersonas(
    analysis: FileAnalysis,
    doc: ParsedDocument,
    stack: string[],
    involved: Map<string, FileAnalysis>,
    out: ScenarioResolution,
  ): Promise<void> {
    const at = analysis.locators[doc.index];
    const value = doc.value as Record<string, unknown> | null;
    const items = value && Array.isArray(value.personas) ? value.personas : [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item && typeof item === 'object' && !Array.isArray(item) && 'include' in item) {
        const glob = (item as { include: unknown }).include;
        if (typeof glob === 'string' && glob) {
          await this.include(glob, at, ['personas', i, 'include'], stack, involved, out);
        }
      } else if (item && typeof item === 'object') {
        out.personas.push({ raw: item, site: { at, path: ['personas', i] }, valid: !doc.hasErrors });
      }
    }
    const events = value && Array.isArray(value.events) ? value.events : [];
    events.forEach((e, j) => {
      const add = e && typeof e === 'object' ? (e as { add?: unknown; at?: unknown }).add : undefined;
      if (Array.isArray(add)) {
        add.forEach((p, k) =>
          out.personas.push({
            raw: p,
            site: { at, path: ['events', j, 'add', k] },
            valid: !doc.hasErrors,
            addedAt: Number((e as { at: unknown }).at) || 0,
          }),
        );
      }
    });
  }

  private async include(
    glob: string,
    at: Locator,
    valuePath: (string | number)[],
    stack: string[],
    involved: Map<string, FileAnalysis>,
    out: ScenarioResolution,
  ): Promise<void> {
    const from = at.file.file;
    const range = at.valueRange(valuePath);
    const matches = await includeMatches(this, glob, from, range, out.diagnostics);
    if (!Array.isArray(matches)) {
      out.diagnostics.push(matches);
      return;
    }
    for (const file of matches) await this.includeFile(file, from, range, stack, involved, out);
  }

  /** One file an include matched: its personas, and those of a scenario in it, unless it closes a cycle. */
  private async includeFile(
    file: string,
    from: string,
    range: Range,
    stack: string[],
    involved: Map<string, FileAnalysis>,
    out: ScenarioResolution,
  ): Promise<void> {
    if (stack.includes(file)) {
      const cycle = [...stack.slice(stack.indexOf(file)), file]
        .map((f) => path.relative(this.root, f) || f)
        .join(' → ');
      out.diagnostics.push({
        code: 'SOC031',
        severity: 'error',
        message: `Include cycle: ${cycle}`,
        file: from,
        range,
      });
      return;
    }
    if (involved.has(file)) return; // included twice (e.g. by two globs): read once
    const analysis = await this.analyze(file);
    if (!analysis) {
      const why = this.fs.whyUnreadable?.(file);
      out.diagnostics.push({
        code: 'SOC004',
        severity: 'error',
        message: `Included file ${path.relative(this.root, file)} ${why ?? 'cannot be read'}`,
        file: from,
        range,
      });
      return;
    }
    involved.set(file, analysis);
    for (const doc of analysis.parsed.documents) {
      if (doc.kind === 'persona') {
        out.personas.push({
          raw: doc.value,
          site: { at: analysis.locators[doc.index], path: [] },
          valid: !doc.hasErrors,
        });
      } else if (doc.kind === 'scenario') {
        out.diagnostics.push({
          code: 'SOC033',
          severity: 'info',
          message: `Only the personas of the scenario in ${path.relative(this.root, file)} are included; its settings are ignored`,
          file: from,
          range,
        });
        await this.collectPersonas(analysis, doc, [...stack, file], involved, out);
      }
    }
  }

  /** Diagnostics for files and folders, including cross-file checks of every scenario among them. */
  async check(targets: string[]): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
    const files = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    for (const t of targets) {
      const kind = await this.fs.kind(t);
      if (kind === 'directory') {
        (await this.fs.listFiles(t)).filter((f) => f.endsWith(SOCIETY_EXTENSION)).forEach((f) => files.add(f));
      } else if (kind === 'file') {
        files.add(t);
      } else {
        // Not a file or a folder (absent, or a pipe, a device): a read says which, without blocking.
        await this.fs.readFile(t);
        diagnostics.push(unreadable(t, this.fs.whyUnreadable?.(t)));
      }
    }
    for (const file of files) {
      const analysis = await this.analyze(file);
      if (!analysis) {
        diagnostics.push(unreadable(file, this.fs.whyUnreadable?.(file)));
        continue;
      }
      pushAll(diagnostics, analysis.diagnostics);
      for (const doc of analysis.parsed.documents) {
        if (doc.kind === 'scenario') {
          pushAll(diagnostics, (await this.resolveScenario(file, doc.index, { build: false })).diagnostics);
        } else if (doc.kind === 'study') {
          // Its own file's diagnostics are pushed above; the study's checks against its scenario here.
          const study = await resolveStudy(this, file, doc.index);
          pushAll(
            diagnostics,
            study.diagnostics.filter((d) => !analysis.diagnostics.includes(d)),
          );
        }
      }
    }
    return { files: [...files], diagnostics: dedupe(diagnostics) };
  }
}
