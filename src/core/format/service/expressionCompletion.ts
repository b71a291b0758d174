// Completion inside the expressions of a scenario's mechanics (issue 34) and of effect targets:
// after `world.` the world quantities, after `me.` or an agent argument's `target.` the agents',
// after `traits.` the five traits, after `args.` the action's arguments, after a post argument's
// `post.` its likes, replies and age; on its own, the names the
// expression's scope reads and the functions min, max and clamp; in `x.group == '…'` the groups.
// Works on one-line values (plain, quoted, in a flow mapping) and in block scalars (`when: |`).
import type { Position, Range } from '../model/model';
import type { LineIndex } from '../syntax/lines';
import type { PathSegment } from '../syntax/parse';
import type { Action, Mechanics } from '../model/mechanics';
import type { Scope } from '../expressions/expressions';
import { siteKind } from '../assemble/mechanicsSource';
import { namespaceMembers, rowMembers, scopeNames } from '../checks/mechanicsMessages';
import { agentVariables } from '../expressions/aggregates';
import { cursorContext, type CursorContext } from './cursor';
import type { CompletionItem } from './types';
import {
  argShortDetail,
  FUNCTIONS,
  memberCard,
  nameCard,
  postArg,
  postFieldDetail,
  quantityCard,
  quantityShortDetail,
} from './mechanicsText';
import { groupLiteralItems } from './groupLiteralCompletion';
import { candidateMemberCard, candidateMemberDetail, candidateNameCard } from './candidateText';

const NO_MECHANICS: Mechanics = { world: [], agents: [], actions: [] };

/** The scope an expression at `path` is read in (an action being written has no arguments yet). */
export function scopeAt(path: readonly PathSegment[], m: Mechanics): Scope | undefined {
  const kind = siteKind(path);
  if (!kind) return undefined;
  if (kind === 'world' || kind === 'phase') return { kind: 'world' };
  if (kind === 'where') {
    const action = actionNamed(m, String(path[1]));
    const arg = action.args.find((a) => a.name === path[3]) ?? { name: String(path[3]), type: 'agent' as const };
    return { kind: 'candidate', action, arg };
  }
  if (kind !== 'effect') return { kind: 'agent' };
  return { kind: 'action', action: actionNamed(m, String(path[1])) };
}

export function actionNamed(m: Mechanics, name: string): Action {
  return m.actions.find((a) => a.name === name) ?? { name, description: '', args: [], effects: [] };
}

const isEffects = (path: readonly PathSegment[]): boolean =>
  path.length === 3 && path[0] === 'actions' && path[2] === 'effects';

/**
 * Completions at an expression or an effect target, or undefined when the cursor is at neither
 * (other completions apply). `ctx` is the cursor's context, when the cursor is not in a block scalar.
 */
export function expressionCompletions(
  lines: LineIndex,
  position: Position,
  ctx: CursorContext | undefined,
  mechanics?: () => Mechanics | undefined,
  groups?: () => string[],
): CompletionItem[] | undefined {
  const read = (): Mechanics => mechanics?.() ?? NO_MECHANICS;
  const items = (before: string, path: readonly PathSegment[], m: Mechanics): CompletionItem[] =>
    groupLiteralItems(lines, position, before, groups?.() ?? []) ??
    expressionItems(lines, position, before, scopeAt(path, m)!, m);
  const block = blockExpression(lines, position);
  if (block) {
    if (!siteKind(block.path)) return undefined;
    const m = read();
    return items(block.before, block.path, m);
  }
  if (ctx) {
    if (ctx.kind !== 'scenario') return undefined;
    if (ctx.role === 'key' && isEffects(ctx.path)) return targetItems(lines, position, ctx, read());
    if (ctx.role !== 'value' || !siteKind(ctx.path)) return undefined;
    const m = read();
    const before = typedExpression(lines, ctx);
    return before === undefined ? [] : items(before, ctx.path, m);
  }
  return undefined;
}

/** The expression typed before the cursor in a one-line value; undefined past its closing quote or in a comment. */
function typedExpression(lines: LineIndex, ctx: CursorContext): string | undefined {
  const quote = lines.lineText(ctx.replace.start.line)[ctx.replace.start.character - 1];
  const text = ctx.prefix;
  if (quote === '"') return /(^|[^\\])"/.test(text) ? undefined : text;
  if (quote === "'") {
    const unescaped = text.replace(/''/g, "'");
    return text.replace(/''/g, '').includes("'") ? undefined : unescaped;
  }
  return /(^|\s)#/.test(text) ? undefined : text;
}

/**
 * In a block scalar (`when: |`): the path of the key that owns it and the text before the cursor.
 * The owner is the first line above less indented than every line between (the scalar's lines may
 * be indented more than its first: `|` keeps them).
 */
function blockExpression(lines: LineIndex, position: Position): { path: PathSegment[]; before: string } | undefined {
  const own = lines.lineText(position.line);
  let indent = own.trim() === '' ? position.character : own.length - own.trimStart().length;
  for (let l = position.line - 1; l >= 0 && l >= position.line - 200 && indent > 0; l--) {
    const t = lines.lineText(l);
    const i = t.length - t.trimStart().length;
    if (t.trim() === '' || i >= indent) continue;
    if (!/:\s*[|>][1-9+-]*\s*(#.*)?$/.test(t)) {
      indent = i;
      continue;
    }
    const owner = cursorContext(lines, { line: l, character: t.search(/:\s*[|>]/) + 1 });
    if (!owner || owner.role !== 'value' || owner.kind !== 'scenario') return undefined;
    const from = lines.offsetAt({ line: l + 1, character: 0 });
    return { path: owner.path, before: lines.text.slice(from, lines.offsetAt(position)) };
  }
  return undefined;
}

/** What replaces the word being typed: from its start to the end of the word under the cursor. */
function wordRange(lines: LineIndex, position: Position, typed: string): Range {
  const rest = /^\w*/.exec(lines.lineText(position.line).slice(position.character))?.[0].length ?? 0;
  return {
    start: { line: position.line, character: position.character - typed.length },
    end: { line: position.line, character: position.character + rest },
  };
}

function item(
  label: string,
  range: Range,
  sort: string,
  extra: Partial<CompletionItem> & Pick<CompletionItem, 'kind'>,
): CompletionItem {
  return { label, insertText: label, snippet: false, range, sortText: `${sort}${label}`, ...extra };
}

/** After `ns.` the members of the namespace; otherwise the names of the scope and the functions. */
function expressionItems(
  lines: LineIndex,
  position: Position,
  before: string,
  scope: Scope,
  m: Mechanics,
): CompletionItem[] {
  const member = /([A-Za-z_]\w*)\s*\.\s*(\w*)$/.exec(before);
  if (member) {
    const [, ns, typed] = member;
    // `a.` inside `agents.map(a, …)`: an agent's quantities, id and group.
    const members = agentVariables(before).has(ns) ? rowMembers(m, ns) : namespaceMembers(ns, scope, m);
    if (!members) return [];
    const range = wordRange(lines, position, typed);
    return members.names.map((name) =>
      item(name, range, '0', {
        kind: 'property',
        detail: candidateMemberDetail(ns, name, scope, m) ?? memberDetail(ns, name, scope, m),
        documentation: candidateMemberCard(ns, name, scope, m) ?? memberCard(ns, name, scope, m),
      }),
    );
  }
  const word = /(?:^|[^\w.])([A-Za-z_]\w*|)$/.exec(before);
  if (!word) return [];
  const range = wordRange(lines, position, word[1]);
  const names = scopeNames(scope, m).map((name) => {
    const namespace = name !== 'n' && name !== 'round' && name !== 'agents' && name !== 'matched';
    return item(name, range, namespace ? '0' : '1', {
      kind: 'value',
      documentation: candidateNameCard(name, scope) ?? nameCard(name, scope, m),
      ...(namespace ? { insertText: `${name}.`, retrigger: true } : {}),
    });
  });
  const functions = Object.entries(FUNCTIONS).map(([name, f]) =>
    item(name, range, '2', {
      kind: 'snippet',
      detail: f.signature,
      documentation: f.doc,
      insertText: f.snippet,
      snippet: true,
    }),
  );
  return [...names, ...functions];
}

function memberDetail(ns: string, name: string, scope: Scope, m: Mechanics): string | undefined {
  if (ns === 'traits') return 'trait · number 0..1';
  if (ns === 'args' && scope.kind === 'action') {
    const a = scope.action.args.find((x) => x.name === name);
    return a && argShortDetail(a);
  }
  if (postArg(scope, ns)) return postFieldDetail(name);
  const q = (ns === 'world' ? m.world : m.agents).find((x) => x.name === name);
  return q && quantityShortDetail(q, ns === 'world' ? 'world' : 'agent');
}

/** Effect targets of the action: `world.<q>`, `me.<q>` and `<agent arg>.<q>`, those not written yet. */
function targetItems(lines: LineIndex, position: Position, ctx: CursorContext, m: Mechanics): CompletionItem[] {
  const action = actionNamed(m, String(ctx.path[1]));
  const agentArgs = action.args.filter((a) => a.type === 'agent');
  const targets: { target: string; detail: string; doc: string }[] = [
    ...m.world.map((q) => ({
      target: `world.${q.name}`,
      detail: quantityShortDetail(q, 'world'),
      doc: quantityCard(q, 'world'),
    })),
    ...['me', ...agentArgs.map((a) => a.name)].flatMap((ns) =>
      m.agents.map((q) => ({
        target: `${ns}.${q.name}`,
        detail: quantityShortDetail(q, 'agent'),
        doc: quantityCard(q, 'agent', `${ns}.${q.name}`),
      })),
    ),
  ];
  // Replacing the key of an entry that has its value already: the key alone.
  const rest = lines.lineText(position.line).slice(ctx.replace.end.character);
  const hasValue = /^\s*:/.test(rest);
  return targets
    .filter((t) => !ctx.existingKeys.includes(t.target))
    .map((t, i) =>
      item(t.target, ctx.replace, String(i).padStart(3, '0'), {
        kind: 'property',
        detail: t.detail,
        documentation: t.doc,
        insertText: hasValue ? t.target : `${t.target}: "${t.target}$1"`,
        snippet: !hasValue,
      }),
    );
}
