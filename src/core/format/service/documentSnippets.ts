// The snippets of snippets/society.json, offered only where they fit. A static `contributes.snippets`
// entry has no context: VS Code offered the whole `persona` document after `gender: ` and inside
// `traits: { … }`. Here the cursor's schema context decides:
// - `persona`, `scenario` (whole documents): on an unindented line of a document that has no keys yet;
// - `experiment` (a top-level block): at the top level of a scenario that has none;
// - `relationship`, `memory` (persona lists), `event`, `population` (scenario lists): as a new item of
//   that list: on an empty line at the item indentation, or right after a lone `- `.
// Works from the text alone (no workspace), so it serves every document scheme.
import snippetFile from '../../../../snippets/society.json';
import type { Position } from '../model/model';
import type { LineIndex } from '../syntax/lines';
import type { PathSegment } from '../syntax/parse';
import { shortDetail } from './shortDetail';
import { cursorContext, type CursorContext } from './cursor';
import { personaScope } from '../schema/roles';
import type { CompletionItem } from './types';

export interface DocumentSnippet {
  prefix: string;
  description: string;
  /** Snippet syntax; lines after the first are indented relative to the first. */
  body: string;
}

type Place = 'document' | 'scenario-top' | 'relationships' | 'memories' | 'events' | 'population';

/** Where each snippet belongs (by prefix); a snippet missing here is never offered. */
const PLACES: Record<string, Place> = {
  persona: 'document',
  scenario: 'document',
  experiment: 'scenario-top',
  relationship: 'relationships',
  memory: 'memories',
  event: 'events',
  population: 'population',
};

export const DOCUMENT_SNIPPETS: readonly DocumentSnippet[] = Object.values(
  snippetFile as Record<string, { prefix: string; description: string; body: string[] }>,
).map((s) => ({ prefix: s.prefix, description: s.description, body: s.body.join('\n') }));

/** The snippets that fit at a position, as completion items (kind `snippet`). */
export function snippetsAt(lines: LineIndex, position: Position): CompletionItem[] {
  const ctx = cursorContext(lines, position);
  if (!ctx || ctx.role !== 'key' || ctx.flow) return [];
  const lineText = lines.lineText(ctx.replace.start.line);
  const before = lineText.slice(0, ctx.replace.start.character);
  // Only where a whole line (or a whole new list item) is being written.
  if (lineText.slice(ctx.replace.end.character).trim() !== '') return [];
  const places = placesAt(ctx, before);
  const out: CompletionItem[] = [];
  for (const s of DOCUMENT_SNIPPETS) {
    const place = PLACES[s.prefix];
    const where = place && places.get(place);
    if (!where) continue;
    // After `- ` the item's dash is already written.
    const body = where === 'after-dash' ? s.body.replace(/^- /, '') : s.body;
    out.push({
      label: s.prefix,
      kind: 'snippet',
      // What it is in a few words (`A persona document`); the whole description above the preview.
      detail: shortDetail([s.description.split(/[:.]| with /)[0]]),
      documentation: `${s.description}\n\n${preview(body)}`,
      insertText: body,
      snippet: true,
      range: ctx.replace,
      sortText: `2${s.prefix}`,
    });
  }
  return out;
}

function placesAt(ctx: CursorContext, before: string): Map<Place, 'line' | 'after-dash'> {
  const places = new Map<Place, 'line' | 'after-dash'>();
  const path = ctx.path;
  if (path.length === 0) {
    if (before !== '') return places;
    if (!ctx.kind && ctx.existingKeys.length === 0) places.set('document', 'line');
    if (ctx.kind === 'scenario' && !ctx.existingKeys.includes('experiment')) places.set('scenario-top', 'line');
    return places;
  }
  // `list:⏎  |` (path ends at the list) or `list:⏎  - |` (path ends at a new, empty item).
  const last = path[path.length - 1];
  const afterDash = typeof last === 'number';
  if (afterDash && !(/^\s*-\s+$/.test(before) && ctx.existingKeys.length === 0)) return places;
  if (!afterDash && before.trim() !== '') return places;
  const list = afterDash ? path.slice(0, -1) : path;
  const place = listPlace(ctx.kind, list);
  if (place) places.set(place, afterDash ? 'after-dash' : 'line');
  return places;
}

function listPlace(kind: CursorContext['kind'], list: readonly PathSegment[]): Place | undefined {
  const persona = personaScope(kind, list);
  if (persona?.rest.length === 1 && (persona.rest[0] === 'relationships' || persona.rest[0] === 'memories')) {
    return persona.rest[0];
  }
  if (kind === 'scenario' && list.length === 1 && (list[0] === 'events' || list[0] === 'population')) return list[0];
  return undefined;
}

/** The snippet with every placeholder at its default, as a YAML code block. */
function preview(body: string): string {
  const text = body
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .trimEnd();
  return `\`\`\`yaml\n${text}\n\`\`\``;
}
