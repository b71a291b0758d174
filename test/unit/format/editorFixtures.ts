// Helpers for the editor-feature tests: a `|` marks the cursor in a text; small trees of files on disk.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  LineIndex,
  NodeFileSystem,
  OverlayFileSystem,
  SocietyProject,
  SocietyWorkspace,
  type Diagnostic,
  type Range,
} from '../../../src/core/format';
import { scratchDir } from '../../support/scratch';

export function cursorIn(marked: string): {
  text: string;
  offset: number;
  lines: LineIndex;
  position: { line: number; character: number };
} {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor mark');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const lines = new LineIndex(text);
  return { text, offset, lines, position: lines.positionAt(offset) };
}

export function tempTree(files: Record<string, string>): string {
  const root = scratchDir('society-editor-');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** A loaded project over a temp tree, with an overlay for "unsaved" edits. */
export async function projectOf(
  files: Record<string, string>,
): Promise<{ root: string; project: SocietyProject; overlay: OverlayFileSystem; file: (rel: string) => string }> {
  const root = tempTree(files);
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  const project = new SocietyProject(overlay, root);
  await project.load();
  return { root, project, overlay, file: (rel) => path.join(root, rel) };
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) {
    out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  }
  return out;
}

export const MAYA =
  'kind: persona\nid: maya\nname: Maya Chen\nage: 27\noccupation: data journalist\nmotivations: { social: 0.3, information: 0.9 }\ninterests: [climbing, open data]\nrelationships:\n  - { with: leo, tie: 0.7 }\n';
export const LEO =
  'kind: persona\nid: leo\nname: Leo Martin\noccupation: teacher\nrelationships:\n  - with: maya\n    tie: 0.4\n';
export const SCENARIO =
  'kind: scenario\nname: Small\nseed: 1\npersonas:\n  - include: personas/*.society\n  - id: sam\n    name: Sam\n    relationships:\n      - { with: maya }\nworld:\n  rounds: 5\n  rooms:\n    - { name: lobby, members: [maya, leo] }\nevents:\n  - { at: 3, remove: [leo] }\n';

/**
 * A scenario `text` at `file` (in memory), resolved and built as the editor does: each diagnostic
 * said as `line:column <<marked text>> code severity message [fix: first fix]`, and the model.
 */
export async function resolveText(file: string, text: string) {
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: true });
  const said = r.diagnostics.map(
    (d: Diagnostic) =>
      `${d.range.start.line + 1}:${d.range.start.character + 1} <<${textAt(text, d.range)}>> ${d.code} ${d.severity} ${d.message}${d.fixes?.length ? ` [fix: ${d.fixes[0].newText}]` : ''}`,
  );
  return { said, scenario: r.scenario };
}

/** A scenario's `lines` at `file` (in memory), resolved as the editor does before building: its text and diagnostics. */
export async function linesDiagnostics(file: string, lines: string[]): Promise<{ text: string; all: Diagnostic[] }> {
  const text = [...lines, ''].join('\n');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return { text, all: r.diagnostics };
}

/** Each diagnostic as `line:col CODE <<the text its range covers>>`, and its message unless `bare`; 1-based, in the file's order. */
export function marked(text: string, all: readonly Diagnostic[], o: { bare?: boolean } = {}): string[] {
  return [...all]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} <<${textAt(text, d.range)}>>${o.bare ? '' : ` ${d.message}`}`,
    );
}
