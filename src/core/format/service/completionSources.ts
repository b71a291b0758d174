// Completion backed by a SocietyProject: the persona ids, model names and include paths visible
// from a file, fetched only for the kind of value the cursor is on.
import * as path from 'node:path';
import type { Position } from '../model/model';
import type { SocietyProject } from '../project/project';
import { SOCIETY_EXTENSION } from '../project/resolution';
import { completionsAt } from './completion';
import type { CompletionItem, CompletionSources } from './types';
import { cursorContext } from './cursor';
import { personaScope, valueRole } from '../schema/roles';
import { sitesInScope } from './references';
import { summarizePersona, type PersonaSummary } from './personaCard';
import { populationGroups, type GeneratedIds } from '../assemble/generatedIds';
import { absenceAtReference, type AbsenceCheck } from './absence';
import { readMechanics, siteKind } from '../assemble/mechanicsSource';
import type { Mechanics } from '../model/mechanics';
import { startStateOwner } from './startStateCompletion';
import { pushAll } from '../../text/pushAll';

export async function complete(project: SocietyProject, file: string, position: Position): Promise<CompletionItem[]> {
  const analysis = await project.workspace.analyze(file);
  if (!analysis) return [];
  const lines = analysis.parsed.lines;
  const ctx = cursorContext(lines, position);
  if (!ctx) return [];
  const role = valueRole(ctx.kind, ctx.path);
  let personas: PersonaSummary[] = [];
  let models: string[] = [];
  let includes: { path: string; kind: 'file' | 'folder' }[] = [];
  let groups: GeneratedIds[] = [];
  let absence: AbsenceCheck | undefined;
  if (role === 'persona-ref') {
    personas = await personasVisibleFrom(project, file);
    groups = await populationGroupsVisibleFrom(project, file, ctx.docIndex);
    absence = await absenceAtReference(project, file, ctx.docIndex, ctx.kind, ctx.path);
    // A relationship with oneself is an error (SOC022): the enclosing persona's own id is not offered.
    const self = relationshipOwner(analysis.parsed.documents[ctx.docIndex]?.value, ctx.kind, ctx.path);
    if (self !== undefined) personas = personas.filter((p) => p.id !== self);
  }
  if (role === 'model-ref') models = await modelNames(project, file, ctx.docIndex);
  if (role === 'include') includes = await includeCandidates(project, file);
  // A phase's `who`, and an expression comparing a `.group` with a name (looked up only then: the
  // groups come from every persona in scope, too much to gather at every keystroke of an expression).
  const groupNames =
    isWho(ctx.path) || (ctx.kind === 'scenario' && siteKind(ctx.path) && /\.\s*group\b/.test(ctx.prefix))
      ? await groupsVisibleFrom(project, file, ctx.docIndex)
      : [];
  // A persona file's `state:` names the quantities of the scenarios that include it.
  const included =
    ctx.kind === 'persona' && startStateOwner(ctx.kind, ctx.path) ? await includingMechanics(project, file) : undefined;
  const sources: CompletionSources = {
    personas: () => personas,
    models: () => models,
    includes: () => includes,
    generated: () => groups,
    absence: (id) => absence?.(id),
    groupNames: () => groupNames,
    scenarioValue: () => analysis.parsed.documents[ctx.docIndex]?.value,
    mechanics: () => {
      const doc = analysis.parsed.documents[ctx.docIndex];
      const at = analysis.locators[ctx.docIndex];
      return doc?.kind === 'scenario' && at ? readMechanics(doc.value, at) : included;
    },
  };
  return completionsAt(lines, position, sources);
}

/** The mechanics of the first scenario that includes `file` and declares agent quantities. */
async function includingMechanics(project: SocietyProject, file: string): Promise<Mechanics | undefined> {
  for (const r of project.resolutionsInvolving(file)) {
    if (r.file === file) continue;
    const analysis = await project.workspace.analyze(r.file);
    const doc = analysis?.parsed.documents[r.docIndex];
    const at = analysis?.locators[r.docIndex];
    const m = doc?.kind === 'scenario' && at ? readMechanics(doc.value, at) : undefined;
    if (m?.agents.length) return m;
  }
  return undefined;
}

/** The id of the persona whose `relationships[].with` is at `path`, when written. */
export function relationshipOwner(
  value: unknown,
  kind: Parameters<typeof personaScope>[0],
  path: readonly (string | number)[],
): string | undefined {
  const scope = personaScope(kind, path);
  if (!scope || scope.rest[0] !== 'relationships') return undefined;
  let node: unknown = value;
  for (const seg of scope.base) {
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
  }
  const id =
    node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export async function personasVisibleFrom(project: SocietyProject, file: string): Promise<PersonaSummary[]> {
  const seen = new Set<string>();
  const out: PersonaSummary[] = [];
  const relative = new Map<string, string>();
  for (const s of await sitesInScope(project, file)) {
    if (s.kind !== 'definition' || seen.has(s.id)) continue;
    seen.add(s.id);
    let rel = relative.get(s.file);
    if (rel === undefined) {
      rel = path.relative(project.root, s.file);
      relative.set(s.file, rel);
    }
    out.push(summarizePersona(s.id, s.value, rel));
  }
  return out;
}

/** `default` plus the `models` of the scenario the cursor is in, or of the scenarios including the file. */
export async function modelNames(project: SocietyProject, file: string, docIndex: number): Promise<string[]> {
  const names = new Set(['default']);
  for (const value of await scenariosAround(project, file, docIndex)) {
    const models = value && typeof value === 'object' ? (value as Record<string, unknown>).models : undefined;
    if (models && typeof models === 'object' && !Array.isArray(models)) {
      Object.keys(models).forEach((k) => names.add(k));
    }
  }
  return [...names];
}

/** The population groups (their generated agent ids) of the scenario the cursor is in, or of the scenarios including the file. */
export async function populationGroupsVisibleFrom(
  project: SocietyProject,
  file: string,
  docIndex: number,
): Promise<GeneratedIds[]> {
  const groups: GeneratedIds[] = [];
  for (const value of await scenariosAround(project, file, docIndex)) {
    pushAll(
      groups,
      populationGroups(value && typeof value === 'object' ? (value as Record<string, unknown>).population : undefined),
    );
  }
  return groups;
}

const isWho = (p: readonly (string | number)[]): boolean => p[0] === 'round' && p[2] === 'who';

/** The groups a phase's `who` may name: the scenario's population groups, and every persona's `group` in scope. */
export async function groupsVisibleFrom(project: SocietyProject, file: string, docIndex: number): Promise<string[]> {
  const names = new Set<string>();
  for (const g of await populationGroupsVisibleFrom(project, file, docIndex)) names.add(g.group);
  for (const s of await sitesInScope(project, file)) {
    const group =
      s.kind === 'definition' && s.value && typeof s.value === 'object'
        ? (s.value as { group?: unknown }).group
        : undefined;
    if (typeof group === 'string' && group) names.add(group);
  }
  return [...names];
}

/** The scenario document the cursor is in, or else the scenario documents that include the file. */
async function scenariosAround(project: SocietyProject, file: string, docIndex: number): Promise<unknown[]> {
  const own = (await project.workspace.analyze(file))?.parsed.documents[docIndex];
  if (own?.kind === 'scenario') return [own.value];
  return Promise.all(
    project
      .resolutionsInvolving(file)
      .map(async (r) => (await project.workspace.analyze(r.file))?.parsed.documents[r.docIndex]?.value),
  );
}

/** .society files below the scenario's folder, and a `folder/*.society` glob for each folder holding some. */
export async function includeCandidates(
  project: SocietyProject,
  file: string,
): Promise<{ path: string; kind: 'file' | 'folder' }[]> {
  const dir = path.dirname(file);
  const files = (await project.workspace.fs.listFiles(dir)).filter((f) => f.endsWith(SOCIETY_EXTENSION) && f !== file);
  const rel = files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
  const folders = [...new Set(rel.map((r) => path.posix.dirname(r)).filter((d) => d !== '.'))].sort();
  return [
    ...folders.map((d) => ({ path: `${d}/*${SOCIETY_EXTENSION}`, kind: 'folder' as const })),
    ...rel.map((r) => ({ path: r, kind: 'file' as const })),
  ];
}
