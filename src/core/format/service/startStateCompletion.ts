// Completion of the keys of a persona's or population group's `state:` (issue 44: 2): the declared
// agent quantities not written yet, each with its bounds or labels in the detail, so the names
// offered are exactly those SOC085 accepts (a world quantity is never offered: SOC086).
import type { Mechanics, Quantity } from '../model/mechanics';
import type { PathSegment } from '../syntax/parse';
import type { CursorContext } from './cursor';
import { quantityCard } from './mechanicsText';
import type { CompletionItem, CompletionSources } from './types';
import { DETAIL_MAX, shortDetail } from './shortDetail';

/** Whose start values a `state:` at `path` sets: a persona's (a number) or a group's (a number or a distribution). */
export function startStateOwner(
  kind: CursorContext['kind'],
  path: readonly PathSegment[],
): 'persona' | 'group' | undefined {
  const num = (s: PathSegment | undefined): boolean => typeof s === 'number';
  const last = path[path.length - 1];
  if (last !== 'state') return undefined;
  if (kind === 'persona') return path.length === 1 ? 'persona' : undefined;
  if (kind !== 'scenario') return undefined;
  if (path.length === 3 && num(path[1])) {
    return path[0] === 'personas' ? 'persona' : path[0] === 'population' ? 'group' : undefined;
  }
  // A persona a timed event adds.
  return path.length === 5 && path[0] === 'events' && num(path[1]) && path[2] === 'add' && num(path[3])
    ? 'persona'
    : undefined;
}

/** What to write after the key: a label's number to choose, else a value to fill in. */
function valueSnippet(q: Quantity): string {
  if (q.labels?.length) return `\${1|${q.labels.map((_, k) => k).join(',')}|}`;
  return `\${1:${q.initial}}`;
}

/** The row's few words (every key here is an agent quantity): its labels, or its range and start. */
function detail(q: Quantity): string {
  if (q.labels?.length) {
    const named = q.labels.map((l, k) => `${k} ${l}`).join(', ');
    return shortDetail([named.length <= DETAIL_MAX ? named : `${q.labels.length} labels`]);
  }
  const range = q.min !== undefined || q.max !== undefined ? `${q.min ?? '-∞'}..${q.max ?? '∞'}` : undefined;
  return shortDetail([q.integer ? 'whole number' : 'number', range, `initial ${q.initial}`]);
}

/** A start value's quantity, and what the value does for a persona or a group (completion and hover). */
export function startStateDoc(q: Quantity, owner: 'persona' | 'group'): string {
  const how =
    owner === 'group'
      ? 'Each member of the group starts at this value, or at a draw from a distribution (`{ normal: { mean, sd }, min, max }`), instead of the quantity’s `initial`; clamped to its bounds.'
      : 'This agent starts at this value instead of the quantity’s `initial`; clamped to its bounds.';
  return `${quantityCard(q, 'agent', q.name)}\n\n${how}`;
}

/** The completions at a key of a start `state:`, else undefined (other completions apply). */
export function startStateCompletions(ctx: CursorContext, sources: CompletionSources): CompletionItem[] | undefined {
  const owner = ctx.role === 'key' ? startStateOwner(ctx.kind, ctx.path) : undefined;
  if (!owner) return undefined;
  const m: Mechanics | undefined = sources.mechanics?.();
  return (m?.agents ?? [])
    .filter((q) => !ctx.existingKeys.includes(q.name))
    .map((q, i) => ({
      label: q.name,
      kind: 'property' as const,
      detail: detail(q),
      documentation: startStateDoc(q, owner),
      insertText: `${q.name}: ${valueSnippet(q)}`,
      snippet: true,
      range: ctx.replace,
      sortText: `${String(i).padStart(3, '0')}${q.name}`,
    }));
}
