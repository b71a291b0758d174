// Quick fixes for diagnostics: the fixes they carry (did-you-mean for keys, ids, kinds, models),
// plus structural ones built from the YAML AST: add a missing required property, remove an
// unknown key, remove one copy of a duplicated key. Block and flow (`{ … }`) mappings are both
// edited in their own style.
import { isMap, isPair, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../model/diagnostics';
import type { Range } from '../model/model';
import type { FileAnalysis } from '../project/resolution';
import type { ParsedDocument, PathSegment } from '../syntax/parse';
import { nodeAtPath } from '../syntax/nodePath';
import type { TextEdit, WorkspaceEdit } from './references';
import { documentAt } from './tokenAt';
import { schemasAt } from './completion';
import { deref, type DocumentKind, type SchemaNode } from '../schema/schema';
import { valueRole, type ValueRole } from '../schema/roles';

export interface CodeAction {
  title: string;
  kind: 'quickfix';
  diagnostic: Diagnostic;
  edit: WorkspaceEdit;
  isPreferred?: boolean;
  /**
   * The edit's new text is snippet syntax (`${1:Fixme}`): an editor inserts it with placeholders to
   * tab through; `expandSnippet` gives the text with every placeholder at its default.
   */
  snippet?: boolean;
}

/** Actions for the diagnostics of `analysis`'s file that touch `range`. */
export function codeActions(analysis: FileAnalysis, diagnostics: Diagnostic[], range: Range): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.file !== analysis.parsed.file || !overlaps(d.range, range)) continue;
    const fixes = d.fixes ?? [];
    for (const f of fixes) {
      out.push({
        title: f.title,
        kind: 'quickfix',
        diagnostic: d,
        edit: new Map([[f.file, [{ range: f.range, newText: f.newText }]]]),
        isPreferred: fixes.length === 1,
      });
    }
    if (d.code === 'SOC010' && d.path) {
      const prop = /Missing required property '([^']+)'/.exec(d.message)?.[1];
      const edit = prop && addProperty(analysis, d, d.path, prop);
      if (edit) {
        out.push({
          title: `Add missing property '${prop}'`,
          kind: 'quickfix',
          diagnostic: d,
          edit: new Map([[d.file, [edit]]]),
          isPreferred: true,
          snippet: true,
        });
      }
    }
    if (d.code === 'SOC011' && d.path) {
      const edit = removeKey(analysis, d, d.path);
      if (edit) {
        out.push({
          title: `Remove unknown property '${d.path[d.path.length - 1]}'`,
          kind: 'quickfix',
          diagnostic: d,
          edit: new Map([[d.file, [edit]]]),
          isPreferred: fixes.length === 0,
        });
      }
    }
    if (d.code === 'SOC002') {
      const copy = removeCopy(analysis, d);
      if (copy) {
        out.push({
          title: `Remove this copy of ${copy.key}`,
          kind: 'quickfix',
          diagnostic: d,
          edit: new Map([[d.file, [copy.edit]]]),
        });
      }
    }
  }
  return out;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function docOf(analysis: FileAnalysis, d: Diagnostic): ParsedDocument | undefined {
  return documentAt(analysis.parsed, analysis.parsed.lines.offsetAt(d.range.start));
}

function addProperty(analysis: FileAnalysis, d: Diagnostic, path: PathSegment[], prop: string): TextEdit | undefined {
  const doc = docOf(analysis, d);
  const map = doc && nodeAtPath(doc.yaml, path)?.value;
  if (!doc || !isMap(map) || !map.range) return undefined;
  const schema = schemasAt(doc.kind as DocumentKind, [...path, prop], doc.value)[0];
  const siblings = nodeAtPath(doc.yaml, path)?.value;
  const value = placeholderValue(
    prop,
    schema,
    valueRole(doc.kind as DocumentKind, [...path, prop]),
    isMap(siblings) ? (siblings.toJSON() as Record<string, unknown>) : {},
  );
  const { lines, text } = analysis.parsed;
  const pairs = map.items.filter(isPair) as Pair<Node, Node | null>[];
  if (map.flow) {
    const close = text.lastIndexOf('}', map.range[1]);
    if (close < 0) return undefined;
    let at = close;
    while (at > map.range[0] + 1 && text[at - 1] === ' ') at--;
    const sep = pairs.length ? ', ' : ' ';
    return { range: lines.range(at, at), newText: `${sep}${prop}: ${value}${pairs.length ? '' : ' '}` };
  }
  const first = pairs[0]?.key;
  if (!first?.range) return undefined;
  const column = lines.positionAt(first.range[0]).character;
  const end = trimEnd(
    text,
    pairs[pairs.length - 1].value?.range?.[1] ?? pairs[pairs.length - 1].key.range![1],
    first.range[0],
  );
  const lineEnd = lines.offsetAt({ line: lines.positionAt(end).line, character: Number.MAX_SAFE_INTEGER });
  return { range: lines.range(lineEnd, lineEnd), newText: `\n${' '.repeat(column)}${prop}: ${value}` };
}

/**
 * A snippet for the missing value: a placeholder to tab through, of the right type. Never the
 * schema's `examples` (they name the example's people: "Maya Chen" in every persona). A persona's
 * `name` comes from its `id` (`fixme` → Fixme) and an `id` from its `name`; choices are offered as
 * such; other values get their default, their minimum, or a placeholder naming what goes there.
 */
function placeholderValue(
  prop: string,
  node: SchemaNode | undefined,
  role: ValueRole | undefined,
  siblings: Record<string, unknown>,
): string {
  const n = deref(node);
  const tabStop = (text: string): string => `\${1:${escapeSnippet(text)}}`;
  if (n?.enum?.length) return `\${1|${n.enum.map((v) => escapeChoice(yamlScalar(v))).join(',')}|}`;
  if (n?.const !== undefined && (typeof n.const !== 'object' || n.const === null)) {
    return escapeSnippet(yamlScalar(n.const));
  }
  const type = Array.isArray(n?.type) ? n?.type[0] : n?.type;
  if (type === 'boolean') return n?.default === true ? '${1|true,false|}' : '${1|false,true|}';
  if (n?.default !== undefined && (typeof n.default !== 'object' || n.default === null)) {
    return tabStop(yamlScalar(n.default));
  }
  if (type === 'object') return '{ $1 }';
  if (type === 'array') return '[$1]';
  if (type === 'number' || type === 'integer') return tabStop(String(n?.minimum ?? 0));
  if (role === 'persona-id' && typeof siblings.name === 'string' && idFromName(siblings.name)) {
    return tabStop(idFromName(siblings.name));
  }
  if (prop === 'name' && (typeof siblings.id === 'string' || typeof siblings.id === 'number')) {
    return tabStop(yamlScalar(nameFromId(String(siblings.id))));
  }
  if (role === 'persona-ref' || role === 'persona-id') return tabStop('persona_id');
  return tabStop(prop);
}

/** `maya_chen` → Maya Chen, `fixme` → Fixme. */
export function nameFromId(id: string): string {
  const words = id.split(/[_\-.\s]+/).filter(Boolean);
  return (words.length ? words : [id]).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** Maya Chen → maya_chen. */
function idFromName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}
function escapeChoice(s: string): string {
  return s.replace(/[$}\\|,]/g, (c) => `\\${c}`);
}

/** Snippet text with every placeholder at its default (the first choice), escapes undone. */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)?\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\|,])/g, '$1');
}

function yamlScalar(v: unknown): string {
  const s = String(v);
  return typeof v === 'string' && (/^[\s*&!%@`'"|>{[\]#,-]|: | #|^(true|false|null|~|\d)/.test(s) || s === '')
    ? JSON.stringify(s)
    : s;
}

function removeKey(analysis: FileAnalysis, d: Diagnostic, path: PathSegment[]): TextEdit | undefined {
  const doc = docOf(analysis, d);
  const parent = doc && nodeAtPath(doc.yaml, path.slice(0, -1))?.value;
  if (!isMap(parent)) return undefined;
  return removePair(
    analysis,
    parent as YAMLMap,
    (p) => isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]),
  );
}

/** The copy of a duplicated key a SOC002 diagnostic marks (its key starts where the diagnostic does), removed. */
function removeCopy(analysis: FileAnalysis, d: Diagnostic): { key: string; edit: TextEdit } | undefined {
  const offset = analysis.parsed.lines.offsetAt(d.range.start);
  for (const { map, copies } of docOf(analysis, d)?.duplicates ?? []) {
    const copy = copies.find((p) => p.key.range?.[0] === offset);
    const edit = copy && removePair(analysis, map, (p) => p === copy);
    if (edit) return { key: /^Duplicate key ('[^']*'|"[^"]*"|\S+):/.exec(d.message)?.[1] ?? 'the key', edit };
  }
  return undefined;
}

/** Removes the first entry of `parent` that `which` picks, with its line(s) in a block mapping. */
function removePair(
  analysis: FileAnalysis,
  parent: YAMLMap,
  which: (p: Pair<Node, Node | null>) => boolean,
): TextEdit | undefined {
  const pairs = parent.items.filter(isPair) as Pair<Node, Node | null>[];
  const index = pairs.findIndex(which);
  const pair = pairs[index];
  if (!pair?.key.range) return undefined;
  const { lines, text } = analysis.parsed;
  const start = pair.key.range[0];
  const valueEnd = trimEnd(text, pair.value?.range?.[1] ?? pair.key.range[1], start);
  if (parent.flow) {
    const next = pairs[index + 1]?.key.range?.[0];
    if (next !== undefined) return { range: lines.range(start, next), newText: '' };
    const prevEnd =
      index > 0 ? trimEnd(text, pairs[index - 1].value?.range?.[1] ?? pairs[index - 1].key.range![1], 0) : undefined;
    return prevEnd !== undefined
      ? { range: lines.range(prevEnd, valueEnd), newText: '' }
      : { range: lines.range(start, valueEnd), newText: '' };
  }
  const startPos = lines.positionAt(start);
  const ownLine = lines.lineText(startPos.line).slice(0, startPos.character).trim() === '';
  if (!ownLine) {
    // `- bad: 1` opening a list item: the next key moves up after the dash.
    const next = pairs[index + 1]?.key.range?.[0];
    return next !== undefined
      ? { range: lines.range(start, next), newText: '' }
      : { range: lines.range(start, valueEnd), newText: '{}' };
  }
  const lastLine = lines.positionAt(valueEnd).line;
  const from = lines.offsetAt({ line: startPos.line, character: 0 });
  const to = lastLine + 1 < lines.lineCount ? lines.offsetAt({ line: lastLine + 1, character: 0 }) : text.length;
  return { range: lines.range(from, to), newText: '' };
}

/** `end` moved back over trailing whitespace and newlines (block nodes' ranges include them). */
function trimEnd(text: string, end: number, floor: number): number {
  let e = end;
  while (e > floor && /\s/.test(text[e - 1])) e--;
  return e;
}
