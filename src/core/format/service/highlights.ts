// Occurrences of the name under the cursor, where it is used as a name (issue 42: word highlighting
// marked "place" inside description text): keys and their dotted segments (`me.place:`,
// `state.agents.place.initial`), identifiers in the expressions the engine reads (not in their
// string literals), `{me.place}` placeholders in a template, and values that are one name
// (`with: maya`, `actions: [go]`). Words of prose — a description, a bio, a memory, a remember
// text — are no name: the cursor on one highlights nothing, and a name highlights none of them.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedFile, PathSegment } from '../syntax/parse';
import type { Range } from '../model/model';
import { siteKind } from '../assemble/mechanicsSource';
import { setSiteOf } from '../schema/parameterPaths';
import { STATE_PATH } from '../schema/worldPaths';
import type { SocietyProject } from '../project/project';

export interface Highlight {
  range: Range;
  /** A key (a declaration, an effect's target, a setting) is written; every other use is read. */
  kind: 'read' | 'write';
}

/** One use of a name: its word, where it is, and whether it calls a function (`min(`) or names a thing. */
interface NameUse {
  word: string;
  start: number;
  end: number;
  kind: Highlight['kind'];
  call: boolean;
}

const IDENTIFIER = /(?<![\w$])[A-Za-z_]\w*/g;
/** A key's or a one-word value's name: persona ids may hold `-`. */
const NAME = /[A-Za-z_][\w-]*/g;
const PLACEHOLDER = /\{\{?\s*([A-Za-z_][\w.]*)\s*\}?\}/g;

/** Whether the value at `path` is an expression the engine reads (as mechanicsSource.ts's sites, and a condition's updates). */
function isExpression(path: readonly PathSegment[]): boolean {
  if (siteKind(path)) return true;
  const key = path[path.length - 1];
  return (
    setSiteOf(path.slice(0, -1)) === 'condition' && typeof key === 'string' && STATE_PATH.exec(key)?.[3] === 'update'
  );
}

/** `text` with CEL's own string literals (inside the scalar's quotes) blanked out, same length. */
function withoutLiterals(text: string): string {
  const quote = text[0] === '"' || text[0] === "'" ? text[0] : '';
  const inner = quote ? text.slice(1, text.endsWith(quote) ? -1 : undefined) : text;
  const blanked = inner.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\\"(?:[^"\\]|\\[^"])*\\"/g, (s) =>
    ' '.repeat(s.length),
  );
  return quote ? `${quote}${blanked}${text.slice(1 + inner.length)}` : blanked;
}

/** The uses of names in one scalar written at `from` as `text`. */
function usesIn(text: string, from: number, role: 'key' | 'expression' | 'value', out: NameUse[]): void {
  if (role === 'expression') {
    const code = withoutLiterals(text);
    for (const m of code.matchAll(IDENTIFIER)) {
      const end = m.index + m[0].length;
      out.push({
        word: m[0],
        start: from + m.index,
        end: from + end,
        kind: 'read',
        call: /^\s*\(/.test(code.slice(end)),
      });
    }
    return;
  }
  const plain = text.replace(/^(["'])(.*)\1$/s, '$2');
  const at = from + (plain.length < text.length ? 1 : 0);
  const kind = role === 'key' ? 'write' : 'read';
  // A key, or a value that is one dotted name: each segment is a name.
  if (role === 'key' || /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(plain)) {
    for (const m of plain.matchAll(NAME)) {
      out.push({ word: m[0], start: at + m.index, end: at + m.index + m[0].length, kind, call: false });
    }
    return;
  }
  // Prose: only its placeholders name something.
  for (const p of text.matchAll(PLACEHOLDER)) {
    const inner = p.index + p[0].indexOf(p[1]);
    for (const m of p[1].matchAll(NAME)) {
      out.push({
        word: m[0],
        start: from + inner + m.index,
        end: from + inner + m.index + m[0].length,
        kind: 'read',
        call: false,
      });
    }
  }
}

/** Every use of a name in a document's tree. `path` is mutated while walking. */
function walk(node: Node | null, path: PathSegment[], text: string, out: NameUse[]): void {
  if (!node) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      if (!isScalar(key) || !key.range) continue;
      usesIn(text.slice(key.range[0], key.range[1]), key.range[0], 'key', out);
      path.push(String(key.value));
      walk(pair.value as Node | null, path, text, out);
      path.pop();
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      path.push(i);
      walk(item as Node | null, path, text, out);
      path.pop();
    });
  } else if (isScalar(node) && node.range && typeof node.value === 'string') {
    usesIn(text.slice(node.range[0], node.range[1]), node.range[0], isExpression(path) ? 'expression' : 'value', out);
  }
}

const cache = new WeakMap<ParsedFile, NameUse[]>();

function usesOf(file: ParsedFile): NameUse[] {
  let uses = cache.get(file);
  if (!uses) {
    uses = [];
    for (const doc of file.documents) walk(doc.yaml.contents as Node | null, [], file.text, uses);
    cache.set(file, uses);
  }
  return uses;
}

/**
 * The highlights of the name under `offset`: its uses as a name in the file, or none when the
 * offset is on no name (prose, a comment, a number): never the textual matches an editor falls
 * back to.
 */
export function documentHighlights(file: ParsedFile, offset: number): Highlight[] {
  const uses = usesOf(file);
  const at = uses.find((u) => u.start <= offset && offset <= u.end);
  if (!at) return [];
  return uses
    .filter((u) => u.word === at.word && u.call === at.call)
    .map((u) => ({ range: file.lines.range(u.start, u.end), kind: u.kind }));
}

/** documentHighlights in a project's file, as the editor has it. */
export async function highlightsAt(project: SocietyProject, file: string, offset: number): Promise<Highlight[]> {
  const analysis = await project.workspace.analyze(file);
  return analysis ? documentHighlights(analysis.parsed, offset) : [];
}
