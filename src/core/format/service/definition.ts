// Go to definition: a persona id to where the persona is defined, an include to the files it
// matches, a model name to its entry in the scenario's `models`.
import * as path from 'node:path';
import type { SourceLocation } from '../model/model';
import type { SocietyProject } from '../project/project';
import { SOCIETY_EXTENSION } from '../project/resolution';
import { includeMatcher } from '../io/includeGlob';
import { tokenAt } from './tokenAt';
import { valueRole } from '../schema/roles';
import { definitionsOf } from './references';
import { nodeAtPath } from '../syntax/nodePath';
import type { DocumentKind } from '../schema/schema';

export async function definitionAt(project: SocietyProject, file: string, offset: number): Promise<SourceLocation[]> {
  const analysis = await project.workspace.analyze(file);
  const token = analysis && tokenAt(analysis.parsed, offset);
  if (!token || token.role !== 'value' || typeof token.value !== 'string') return [];
  const role = valueRole(token.doc.kind as DocumentKind | undefined, token.path);
  if (role === 'persona-ref' || role === 'persona-id') {
    return (await definitionsOf(project, file, token.value)).map((d) => ({ file: d.file, range: d.range }));
  }
  if (role === 'include') {
    const start = { line: 0, character: 0 };
    return (await includeTargets(project, file, token.value)).map((f) => ({ file: f, range: { start, end: start } }));
  }
  if (role === 'model-ref') return modelDefinitions(project, file, token.doc.index, token.value);
  return [];
}

/** The files an include glob written in `file` matches (the same rule as scenario resolution). */
export async function includeTargets(project: SocietyProject, file: string, glob: string): Promise<string[]> {
  const dir = path.dirname(file);
  const match = includeMatcher(glob);
  if (!match) return [];
  const files = await project.workspace.fs.listFiles(dir);
  return files.filter(
    (f) => f !== file && f.endsWith(SOCIETY_EXTENSION) && match(path.relative(dir, f).split(path.sep).join('/')),
  );
}

async function modelDefinitions(
  project: SocietyProject,
  file: string,
  docIndex: number,
  name: string,
): Promise<SourceLocation[]> {
  const own = await project.workspace.analyze(file);
  const scenarios =
    own?.parsed.documents[docIndex]?.kind === 'scenario'
      ? [{ file, docIndex }]
      : project.resolutionsInvolving(file).map((r) => ({ file: r.file, docIndex: r.docIndex }));
  const out: SourceLocation[] = [];
  for (const s of scenarios) {
    const a = await project.workspace.analyze(s.file);
    const doc = a?.parsed.documents[s.docIndex];
    const found = doc && nodeAtPath(doc.yaml, ['models', name]);
    const key = found?.key;
    if (a && key?.range) out.push({ file: s.file, range: a.parsed.lines.range(key.range[0], key.range[1]) });
  }
  return out;
}
