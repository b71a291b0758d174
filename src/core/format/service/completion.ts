// Completions at the cursor, from the schema: keys (with docs, and snippets that fill in required
// fields), enum values and booleans, persona ids where an id is expected, model names, include
// paths. Editor-neutral: items carry a range and insert text (snippet syntax when `snippet`).
import type { Position } from '../model/model';
import type { LineIndex } from '../syntax/lines';
import type { PathSegment } from '../syntax/parse';
import { cursorContext, type CursorContext } from './cursor';
import { branch, deref, documentSchema, ownProperty, societySchema, type SchemaNode } from '../schema/schema';
import { schemaMarkdown, show, typeSummary } from './schemaText';
import { fitDetail, shortDetail, typeDetail } from './shortDetail';
import { valueRole } from '../schema/roles';
import { personaCard } from './personaCard';
import { generatedAgentCard } from '../assemble/generatedIds';
import { expressionCompletions } from './expressionCompletion';
import { rememberCompletions } from './rememberCompletion';
import { roundCompletions } from './roundCompletion';
import { placeCompletions } from './placeCompletion';
import { parameterPathCompletions } from './parameterCompletion';
import { startStateCompletions } from './startStateCompletion';
import { metricCompletions } from './metricCompletion';
import { seriesCompletions } from './seriesCompletion';
import { keyInsertText, schemaTypes } from './keyInsertText';
import type { CompletionItem, CompletionSources } from './types';
import { flowItems, blockItems } from './writtenItems';

/** Generated agent ids offered per population group (a group may count thousands). */
const GENERATED_OFFERED = 50;

/** The completions at `position`, each with a detail short enough to show whole (shortDetail.ts). */
export function completionsAt(lines: LineIndex, position: Position, sources: CompletionSources): CompletionItem[] {
  return itemsAt(lines, position, sources).map(fitDetail);
}

function itemsAt(lines: LineIndex, position: Position, sources: CompletionSources): CompletionItem[] {
  const ctx = cursorContext(lines, position);
  const expression = expressionCompletions(lines, position, ctx, sources.mechanics, sources.groupNames);
  if (expression) return expression;
  const remembered = rememberCompletions(lines, position, ctx, sources.mechanics);
  if (remembered) return remembered;
  if (!ctx) return [];
  // An item of a list: what the list already holds is not offered again, as written keys are not.
  const inList = typeof ctx.path[ctx.path.length - 1] === 'number';
  let listed: ReadonlySet<string> | undefined;
  const written = (): ReadonlySet<string> =>
    (listed ??= new Set(
      !inList ? [] : ctx.flow ? flowItems(lines, lines.offsetAt(position)) : blockItems(lines, position),
    ));
  const named =
    roundCompletions(ctx, sources, written) ??
    placeCompletions(ctx, sources) ??
    parameterPathCompletions(ctx, sources) ??
    startStateCompletions(ctx, sources) ??
    metricCompletions(ctx, sources, written) ??
    seriesCompletions(ctx, sources);
  if (named) return named;
  const nodes = schemasAt(ctx.kind, ctx.path, ctx.partial);
  if (ctx.role === 'key' && nodes.some(isObjectSchema)) return keyItems(ctx, nodes);
  if (ctx.role === 'key' && nodes.length === 0 && ctx.path.length > 0) return [];
  const arrayOfObjects = ctx.role === 'key' && nodes.length === 1 && isArrayOfObjects(nodes[0]);
  if (arrayOfObjects) return itemKeyItems(ctx, deref(nodes[0])!);
  const values = valueItems(ctx, nodes[0], sources, written());
  // Right after `key:` with no space yet, a value needs one (`mode:random` is a single string).
  const before = lines.lineText(ctx.replace.start.line).slice(0, ctx.replace.start.character);
  return before.endsWith(':') ? values.map((v) => ({ ...v, insertText: ` ${v.insertText}` })) : values;
}

/** The schema(s) at a path: both branches of an if/then/else when the value does not decide yet. */
export function schemasAt(kind: CursorContext['kind'], path: readonly PathSegment[], partial: unknown): SchemaNode[] {
  let node: SchemaNode | undefined = kind ? documentSchema(kind) : societySchema;
  let value: unknown = partial;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[seg] : undefined;
    const raw = deref(rawChild(node, seg));
    if (!raw) return [];
    if (i === path.length - 1 && raw.if && (!value || (typeof value === 'object' && Object.keys(value).length === 0))) {
      return [deref(raw.then), deref(raw.else)].filter((n): n is SchemaNode => !!n);
    }
    node = branch(raw, value);
    if (!node) return [];
  }
  return node ? [node] : [];
}

function rawChild(parent: SchemaNode | undefined, seg: PathSegment): SchemaNode | undefined {
  const p = deref(parent);
  if (!p) return undefined;
  if (typeof seg === 'number') return p.items;
  return ownProperty(p, seg) ?? (typeof p.additionalProperties === 'object' ? p.additionalProperties : undefined);
}

const isObjectSchema = (node: SchemaNode): boolean => {
  const n = deref(node);
  return !!n && (schemaTypes(n).includes('object') || !!n.properties) && !!n.properties;
};
const isArrayOfObjects = (node: SchemaNode): boolean => {
  const n = deref(node);
  return !!n && schemaTypes(n).includes('array') && !!n.items && (isObjectSchema(n.items) || !!deref(n.items)?.if);
};

function keyItems(ctx: CursorContext, nodes: SchemaNode[]): CompletionItem[] {
  const out: CompletionItem[] = [];
  const seen = new Set(ctx.existingKeys);
  nodes.forEach((raw) => {
    const n = deref(raw)!;
    Object.entries(n.properties ?? {}).forEach(([key, prop], order) => {
      if (seen.has(key)) return;
      seen.add(key);
      const required = n.required?.includes(key) ?? false;
      const { text, retrigger } = keyInsertText(key, prop, ctx.flow);
      const detail = typeDetail(prop, required ? 'required' : undefined);
      out.push({
        label: key,
        kind: 'property',
        detail,
        // The summary line too when the detail could not say all of it.
        documentation: schemaMarkdown(key, prop, required, !sayAll(detail, prop, required)) || undefined,
        insertText: text,
        snippet: true,
        range: ctx.replace,
        sortText: `${required ? 0 : 1}${String(order).padStart(3, '0')}${key}`,
        ...(retrigger ? { retrigger } : {}),
      });
    });
  });
  return out;
}

/** Whether a key's detail says all its summary line would (then the documentation need not repeat it). */
const sayAll = (detail: string, prop: SchemaNode, required: boolean): boolean =>
  detail.endsWith([required ? 'required' : '', typeSummary(prop)].filter(Boolean).join(' · '));

/** `relationships:⏎  |` — a new item of a list of mappings: offer its keys after `- `. */
function itemKeyItems(ctx: CursorContext, array: SchemaNode): CompletionItem[] {
  const items = deref(array.items);
  const candidates = items?.if ? [deref(items.then), deref(items.else)] : [items];
  const out: CompletionItem[] = [];
  for (const n of candidates) {
    if (!n?.properties) continue;
    Object.entries(n.properties).forEach(([key, prop], order) => {
      const required = n.required?.includes(key) ?? false;
      const { text, retrigger } = keyInsertText(key, prop, false);
      const detail = typeDetail(prop, required ? 'required' : undefined);
      out.push({
        label: `- ${key}`,
        kind: 'property',
        detail,
        documentation: schemaMarkdown(key, prop, required, !sayAll(detail, prop, required)) || undefined,
        insertText: `- ${text.replace(/\n/g, '\n  ')}`,
        snippet: true,
        range: ctx.replace,
        sortText: `${required ? 0 : 1}${String(order).padStart(3, '0')}${key}`,
        ...(retrigger ? { retrigger } : {}),
      });
    });
  }
  return out;
}

/** Value items being collected for a cursor; `written` (values already in the list) are left out. */
interface ValueCollector {
  ctx: CursorContext;
  written: ReadonlySet<string>;
  out: CompletionItem[];
}

function addValue(
  c: ValueCollector,
  label: string,
  kind: CompletionItem['kind'],
  detail?: string,
  documentation?: string,
  insert = label,
  sort = '1',
): void {
  if (c.written.has(label)) return;
  c.out.push({
    label,
    kind,
    detail,
    documentation,
    insertText: insert,
    snippet: false,
    range: c.ctx.replace,
    sortText: `${sort}${label}`,
  });
}

/**
 * A persona or generated agent id. Who is not in the society at this point of the run comes last,
 * saying why: what is written is still the user's choice (events may yet be reordered), but the
 * checks would flag it.
 */
function addAgent(
  c: ValueCollector,
  sources: CompletionSources,
  id: string,
  detail: string,
  card: string,
  sort: string,
): void {
  // One the timeline has a word for (a removal's `already listed`) stays, last, saying so.
  const absent = sources.absence?.(id);
  if (!absent) {
    addValue(c, id, 'persona', detail, card, id, sort);
    return;
  }
  const consequence = c.ctx.path.includes('remove')
    ? 'removing them here can never apply (SOC059)'
    : 'a relationship with them here would be dropped (SOC060)';
  c.out.push({
    label: id,
    kind: 'persona',
    detail: 'not in the society here',
    description: absent.short,
    documentation: `**Not in the society here:** \`${id}\` ${absent.reason}, so ${consequence}.\n\n${card}`,
    insertText: id,
    snippet: false,
    range: c.ctx.replace,
    sortText: `3${sort}${id}`,
  });
}

/** Persona ids, then generated agents in numeric order (a large group offers its first ones). */
function agentItems(c: ValueCollector, sources: CompletionSources): void {
  for (const p of sources.personas()) {
    addAgent(c, sources, p.id, shortDetail([p.name, p.occupation]), personaCard(p), '1');
  }
  for (const g of sources.generated?.() ?? []) {
    const width = String(g.count).length;
    for (let i = 1; i <= Math.min(g.count, GENERATED_OFFERED); i++) {
      const id = `${g.prefix}${i}`;
      addAgent(
        c,
        sources,
        id,
        shortDetail([`group ${g.group}`, `${i} of ${g.count}`]),
        generatedAgentCard(g, i),
        `2${g.prefix}${String(i).padStart(width, '0')}`,
      );
    }
  }
}

/** Include paths: folders (every .society file in them) first. */
function includeItems(c: ValueCollector, sources: CompletionSources): void {
  for (const f of sources.includes()) {
    addValue(
      c,
      f.path,
      f.kind,
      f.kind === 'folder' ? 'all .society files in it' : 'file',
      undefined,
      plainOrQuoted(f.path, c.ctx.flow),
      f.kind === 'folder' ? '0' : '1',
    );
  }
}

/** What the schema allows or suggests: enum values, a const, booleans, or the default. */
function schemaValueItems(c: ValueCollector, n: SchemaNode): void {
  const path = c.ctx.path;
  const doc = schemaMarkdown(String(path[path.length - 1] ?? ''), n);
  if (n.enum) {
    for (const v of n.enum) {
      addValue(
        c,
        String(v),
        'enum',
        typeDetail(n),
        schemaMarkdown(String(path[path.length - 1] ?? ''), n) || undefined,
      );
    }
  } else if (n.const !== undefined) addValue(c, String(n.const), 'enum', undefined, doc);
  else if (schemaTypes(n)[0] === 'boolean') {
    for (const v of ['true', 'false']) addValue(c, v, 'enum', v === String(n.default) ? 'default' : undefined, doc);
  } else if (n.default !== undefined && typeof n.default !== 'object') {
    addValue(c, show(n.default), 'value', 'default', doc);
  }
}

/** `written`: values already in the list the cursor is an item of, left out. */
function valueItems(
  ctx: CursorContext,
  node: SchemaNode | undefined,
  sources: CompletionSources,
  written: ReadonlySet<string>,
): CompletionItem[] {
  const c: ValueCollector = { ctx, written, out: [] };
  const n = deref(node);
  const role = valueRole(ctx.kind, ctx.path);
  if (role === 'persona-ref') agentItems(c, sources);
  else if (role === 'model-ref') {
    // a judge may also be the offline rule, which no `models` entry declares (docs/judges.md)
    if (ctx.path[0] === 'judges') addValue(c, 'offline', 'model', 'the offline rule (docs/judges.md)');
    for (const m of sources.models()) addValue(c, m, 'model', 'declared in `models`');
  } else if (role === 'include') includeItems(c, sources);
  else if (n) schemaValueItems(c, n);
  return c.out;
}

/** A plain YAML scalar unless it would be read as something else (`*.society` is an alias). */
function plainOrQuoted(s: string, flow: boolean): string {
  return /^[*&!%@`'"|>{[]/.test(s) || /: | #/.test(s) || (flow && /[,[\]{}]/.test(s)) ? JSON.stringify(s) : s;
}
