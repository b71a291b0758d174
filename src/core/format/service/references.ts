// Persona ids across files: where each id is defined and referenced, and the edits that rename
// one. Ids are looked up within a scope (SocietyProject.scope): the files one scenario brings
// together, so two unrelated examples may both have a `maya` without a rename touching both.
import { isMap, isSeq, isScalar, isPair, type Node } from 'yaml';
import type { FileAnalysis } from '../project/resolution';
import type { SocietyProject } from '../project/project';
import type { Range, SourceLocation } from '../model/model';
import type { ParsedDocument, PathSegment } from '../syntax/parse';
import { mayLeadTo, valueRole, type ValueRole } from '../schema/roles';
import { tokenAt } from './tokenAt';
import type { DocumentKind } from '../schema/schema';
import { pushAll } from '../../text/pushAll';

export interface PersonaSite extends SourceLocation {
  id: string;
  kind: 'definition' | 'reference';
  /** Offsets of the id scalar (quotes included). */
  span: [number, number];
  /** The persona mapping, for definitions. */
  value?: Record<string, unknown>;
}

const cache = new WeakMap<FileAnalysis, PersonaSite[]>();

/** Every persona id definition and reference in one file, in text order (cached per analysis, i.e. per text). */
export function personaSites(analysis: FileAnalysis): PersonaSite[] {
  let sites = cache.get(analysis);
  if (!sites) {
    sites = collectSites(analysis);
    cache.set(analysis, sites);
  }
  return sites;
}

function collectSites(analysis: FileAnalysis): PersonaSite[] {
  const out: PersonaSite[] = [];
  for (const doc of analysis.parsed.documents) {
    if (doc.kind !== 'persona' && doc.kind !== 'scenario') continue;
    const kind = doc.kind as DocumentKind;
    walk(
      doc.yaml.contents as Node | null,
      [],
      (path) => mayLeadTo(kind, path, ID_ROLES),
      (node, path) => {
        const role = valueRole(kind, path);
        if (
          (role !== 'persona-id' && role !== 'persona-ref') ||
          !isScalar(node) ||
          typeof node.value !== 'string' ||
          !node.range
        ) {
          return;
        }
        const span: [number, number] = [node.range[0], node.range[1]];
        const site: PersonaSite = {
          id: node.value,
          kind: role === 'persona-id' ? 'definition' : 'reference',
          file: analysis.parsed.file,
          range: analysis.parsed.lines.range(span[0], span[1]),
          span,
        };
        if (role === 'persona-id') site.value = valueAt(doc, path.slice(0, -1)) as Record<string, unknown>;
        out.push(site);
      },
    );
  }
  return out;
}

const ID_ROLES: readonly ValueRole[] = ['persona-id', 'persona-ref'];

/**
 * Visits scalars with their path, entering only the paths `enter` accepts; `path` is one array,
 * mutated while walking (copy it to keep it).
 */
function walk(
  node: Node | null,
  path: PathSegment[],
  enter: (path: PathSegment[]) => boolean,
  visit: (node: Node, path: PathSegment[]) => void,
): void {
  if (!node || !enter(path)) return;
  if (isScalar(node)) {
    visit(node, path);
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      path.push(String(pair.key.value));
      walk(pair.value as Node | null, path, enter, visit);
      path.pop();
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      path.push(i);
      walk(node.items[i] as Node | null, path, enter, visit);
      path.pop();
    }
  }
}

function valueAt(doc: ParsedDocument, path: PathSegment[]): unknown {
  let v = doc.value;
  for (const s of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

/** All persona sites in the scope of `file`. */
export async function sitesInScope(project: SocietyProject, file: string): Promise<PersonaSite[]> {
  const out: PersonaSite[] = [];
  for (const f of project.scope(file)) {
    const analysis = await project.workspace.analyze(f);
    if (analysis) pushAll(out, personaSites(analysis));
  }
  return out;
}

/** The persona id under an offset, if the offset is on an id definition or reference. */
export async function personaIdAt(
  project: SocietyProject,
  file: string,
  offset: number,
): Promise<PersonaSite | undefined> {
  const analysis = await project.workspace.analyze(file);
  if (!analysis) return undefined;
  const token = tokenAt(analysis.parsed, offset);
  if (!token || token.role !== 'value') return undefined;
  return personaSites(analysis).find((s) => s.span[0] === token.span[0]);
}

export async function definitionsOf(project: SocietyProject, file: string, id: string): Promise<PersonaSite[]> {
  return (await sitesInScope(project, file)).filter((s) => s.id === id && s.kind === 'definition');
}

export async function referencesAt(
  project: SocietyProject,
  file: string,
  offset: number,
  includeDeclaration: boolean,
): Promise<PersonaSite[]> {
  const at = await personaIdAt(project, file, offset);
  if (!at) return [];
  return (await sitesInScope(project, file)).filter(
    (s) => s.id === at.id && (includeDeclaration || s.kind === 'reference'),
  );
}

export interface TextEdit {
  range: Range;
  newText: string;
}
/** Edits by file: one change applied at once (a VS Code WorkspaceEdit, an LSP WorkspaceEdit). */
export type WorkspaceEdit = Map<string, TextEdit[]>;

const ID = /^[a-z][a-z0-9_-]*$/;
const YAML_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n']);

export type RenameResult = { edit: WorkspaceEdit } | { error: string };

/** Where a rename can start: the id under the offset and its range, or why not. */
export async function prepareRename(
  project: SocietyProject,
  file: string,
  offset: number,
): Promise<{ range: Range; placeholder: string } | { error: string }> {
  const at = await personaIdAt(project, file, offset);
  if (!at) {
    return {
      error:
        'Only persona ids can be renamed here: place the cursor on an `id`, a relationship `with`, a room member, a removed persona or the `author` of a timed post.',
    };
  }
  return { range: at.range, placeholder: at.id };
}

export async function renamePersona(
  project: SocietyProject,
  file: string,
  offset: number,
  newId: string,
): Promise<RenameResult> {
  const at = await personaIdAt(project, file, offset);
  if (!at) return { error: 'Not a persona id' };
  if (!ID.test(newId)) {
    return {
      error: `'${newId}' is not a valid persona id: use lowercase letters, digits, '_' and '-', starting with a letter`,
    };
  }
  if (YAML_WORDS.has(newId)) return { error: `'${newId}' would be read by YAML as a boolean or null, not an id` };
  const sites = await sitesInScope(project, file);
  if (newId !== at.id && sites.some((s) => s.id === newId && s.kind === 'definition')) {
    return { error: `A persona with id '${newId}' already exists` };
  }
  const edit: WorkspaceEdit = new Map();
  for (const s of sites) {
    if (s.id !== at.id) continue;
    const list = edit.get(s.file) ?? [];
    list.push({ range: s.range, newText: newId });
    edit.set(s.file, list);
  }
  return { edit };
}
