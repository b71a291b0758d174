// Completion of places and parts of the day (issue 44 point 7): the declared places where a value
// names one (a plan's part, a place's `overflow`, a room's `place`, an action's `move`), and the
// parts of the day (`day:`) as the keys of a plan.
import type { PathSegment } from '../syntax/parse';
import { WHOLE_DAY } from '../model/places';
import type { CursorContext } from './cursor';
import type { CompletionItem, CompletionSources } from './types';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The path's plan, if it is one: the scenario's, a group's or an inline persona's. */
function isPlan(path: readonly PathSegment[]): boolean {
  const n = path.length;
  if (n === 1) return path[0] === 'plan';
  return n === 3 && (path[0] === 'population' || path[0] === 'personas') && path[2] === 'plan';
}

/** What the value or key at `path` names: a place, a part of the day, or neither. */
function slotAt(ctx: CursorContext): 'place' | 'part' | undefined {
  const p = ctx.path;
  if (ctx.role === 'key') return isPlan(p) ? 'part' : undefined;
  if (isPlan(p.slice(0, -1))) return 'place';
  if (p.length === 3 && p[0] === 'places' && p[2] === 'overflow') return 'place';
  if (p.length === 4 && p[0] === 'world' && p[1] === 'rooms' && p[3] === 'place') return 'place';
  if (p[0] === 'actions' && p[2] === 'move' && (p.length === 3 || (p.length === 4 && p[3] === 'to'))) return 'place';
  return undefined;
}

/** The completions at a place or a part of the day, else undefined. */
export function placeCompletions(ctx: CursorContext, sources: CompletionSources): CompletionItem[] | undefined {
  if (ctx.kind !== 'scenario') return undefined;
  const slot = slotAt(ctx);
  if (!slot) return undefined;
  const v = sources.scenarioValue?.();
  if (!isObj(v) || !isObj(v.places)) return undefined;
  const out: CompletionItem[] = [];
  const add = (label: string, detail: string, documentation?: string): void => {
    const sortText = `${String(out.length).padStart(3, '0')}${label}`;
    const insertText = slot === 'part' ? `${label}: ` : label;
    out.push({ label, kind: 'value', detail, documentation, insertText, snippet: false, range: ctx.replace, sortText });
  };
  if (slot === 'place') {
    for (const [id, raw] of Object.entries(v.places)) {
      const p = isObj(raw) ? raw : {};
      const label = typeof p.label === 'string' ? p.label : id;
      const cap = typeof p.capacity === 'number' ? ` · holds ${p.capacity}` : '';
      add(
        id,
        `place${label !== id ? ` · ${label}` : ''}${cap}`,
        typeof p.description === 'string' ? p.description : undefined,
      );
    }
  } else {
    const parts = Array.isArray(v.day) ? v.day.map(String) : [WHOLE_DAY];
    for (const part of parts) if (!ctx.existingKeys.includes(part)) add(part, 'part of the day');
  }
  return out;
}
