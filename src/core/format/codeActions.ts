// Quick fixes for diagnostics: the fixes they carry (did-you-mean for keys, ids, kinds, models),
// plus structural ones built from the YAML AST: add a missing required property, remove an
// unknown key. Block and flow (`{ … }`) mappings are both edited in their own style.
import { isMap, isPair, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic } from './diagnostics';
import type { Range } from './model';
import type { FileAnalysis } from './workspace';
import type { ParsedDocument, PathSegment } from './parse';
import { nodeAtPath } from './parse';
import type { TextEdit, WorkspaceEdit } from './references';
import { documentAt } from './tokenAt';
import { schemasAt } from './completion';
import { deref, type DocumentKind, type SchemaNode } from './schema';

export interface CodeAction {
  title: string;
  kind: 'quickfix';
  diagnostic: Diagnostic;
  edit: WorkspaceEdit;
  isPreferred?: boolean;
}

/** Actions for the diagnostics of `analysis`'s file that touch `range`. */
export function codeActions(analysis: FileAnalysis, diagnostics: Diagnostic[], range: Range): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.file !== analysis.parsed.file || !overlaps(d.range, range)) continue;
    const fixes = d.fixes ?? [];
    for (const f of fixes) {
      out.push({ title: f.title, kind: 'quickfix', diagnostic: d, edit: new Map([[f.file, [{ range: f.range, newText: f.newText }]]]), isPreferred: fixes.length === 1 });
    }
    if (d.code === 'SOC010' && d.path) {
      const prop = /Missing required property '([^']+)'/.exec(d.message)?.[1];
      const edit = prop && addProperty(analysis, d, d.path, prop);
      if (edit) out.push({ title: `Add missing property '${prop}'`, kind: 'quickfix', diagnostic: d, edit: new Map([[d.file, [edit]]]), isPreferred: true });
    }
    if (d.code === 'SOC011' && d.path) {
      const edit = removeKey(analysis, d, d.path);
      if (edit) out.push({ title: `Remove unknown property '${d.path[d.path.length - 1]}'`, kind: 'quickfix', diagnostic: d, edit: new Map([[d.file, [edit]]]), isPreferred: fixes.length === 0 });
    }
  }
  return out;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
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
  const value = sampleValue(prop, schema);
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
  const end = trimEnd(text, pairs[pairs.length - 1].value?.range?.[1] ?? pairs[pairs.length - 1].key.range![1], first.range[0]);
  const lineEnd = lines.offsetAt({ line: lines.positionAt(end).line, character: Number.MAX_SAFE_INTEGER });
  return { range: lines.range(lineEnd, lineEnd), newText: `\n${' '.repeat(column)}${prop}: ${value}` };
}

/** A value that has the right type, taken from the schema (example, default, first choice). */
function sampleValue(prop: string, node: SchemaNode | undefined): string {
  const n = deref(node);
  const fromSchema = n?.enum?.[0] ?? n?.examples?.[0] ?? n?.default;
  if (fromSchema !== undefined && (typeof fromSchema !== 'object' || fromSchema === null)) return yamlScalar(fromSchema);
  const type = Array.isArray(n?.type) ? n?.type[0] : n?.type;
  if (type === 'object') return '{}';
  if (type === 'array') return '[]';
  if (type === 'number' || type === 'integer') return String(n?.minimum ?? 0);
  if (type === 'boolean') return 'false';
  return `"${prop}"`;
}

function yamlScalar(v: unknown): string {
  const s = String(v);
  return typeof v === 'string' && (/^[\s*&!%@`'"|>{\[\]#,-]|: | #|^(true|false|null|~|\d)/.test(s) || s === '') ? JSON.stringify(s) : s;
}

function removeKey(analysis: FileAnalysis, d: Diagnostic, path: PathSegment[]): TextEdit | undefined {
  const doc = docOf(analysis, d);
  const parent = doc && nodeAtPath(doc.yaml, path.slice(0, -1))?.value;
  if (!isMap(parent)) return undefined;
  const pairs = (parent as YAMLMap).items.filter(isPair) as Pair<Node, Node | null>[];
  const index = pairs.findIndex((p) => isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]));
  const pair = pairs[index];
  if (!pair?.key.range) return undefined;
  const { lines, text } = analysis.parsed;
  const start = pair.key.range[0];
  const valueEnd = trimEnd(text, pair.value?.range?.[1] ?? pair.key.range[1], start);
  if (parent.flow) {
    const next = pairs[index + 1]?.key.range?.[0];
    if (next !== undefined) return { range: lines.range(start, next), newText: '' };
    const prevEnd = index > 0 ? trimEnd(text, pairs[index - 1].value?.range?.[1] ?? pairs[index - 1].key.range![1], 0) : undefined;
    return prevEnd !== undefined ? { range: lines.range(prevEnd, valueEnd), newText: '' } : { range: lines.range(start, valueEnd), newText: '' };
  }
  const startPos = lines.positionAt(start);
  const ownLine = lines.lineText(startPos.line).slice(0, startPos.character).trim() === '';
  if (!ownLine) {
    // `- bad: 1` opening a list item: the next key moves up after the dash.
    const next = pairs[index + 1]?.key.range?.[0];
    return next !== undefined ? { range: lines.range(start, next), newText: '' } : { range: lines.range(start, valueEnd), newText: '{}' };
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
