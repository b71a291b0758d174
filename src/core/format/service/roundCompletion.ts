// Completion of the names a declared round and an action's platform fields refer to (issue 34,
// `round:`, `feeds:`): the built-in phases in `round:` and `phase:`, the actions in a phase's
// `actions`, the groups in `who`, the feeds in `reads`, a post argument's and a timed post's `feed:`,
// and in each platform verb what the verb table says it names (language/verbs.ts): a feed (`post:`),
// the action's post (and agent) arguments (`reply_to`, `like`, `follow`), or them as keys (`ties`).
import { BUILTIN_PHASES, type Action, type Mechanics } from '../model/mechanics';
import type { PathSegment } from '../syntax/parse';
import { verbTarget } from '../model/verbs';
import type { CursorContext } from './cursor';
import type { CompletionItem, CompletionSources } from './types';
import { builtinCard, feedCard } from './roundText';
import { argCard, argShortDetail } from './mechanicsText';
import { shortDetail } from './shortDetail';

const NO_MECHANICS: Mechanics = { world: [], agents: [], actions: [] };

/** What a value at `path` names, or undefined when it names nothing of the round or the feeds. */
function slotAt(path: readonly PathSegment[]): 'phase' | 'action' | 'group' | 'feed' | 'post' | 'party' | undefined {
  const [top, i, field, j] = path;
  if (top === 'round' && typeof i === 'number') {
    if (path.length === 2 || (path.length === 3 && field === 'phase')) return 'phase';
    if (path.length !== 4 || typeof j !== 'number') return undefined;
    return field === 'actions' ? 'action' : field === 'who' ? 'group' : field === 'reads' ? 'feed' : undefined;
  }
  // A timed post's feed (`events: - { at, post: { feed } }`).
  if (top === 'events' && typeof i === 'number') {
    return path.length === 4 && field === 'post' && j === 'feed' ? 'feed' : undefined;
  }
  if (top !== 'actions' || typeof i !== 'string') return undefined;
  const names = verbTarget(field);
  if (path.length === 3 && names && names !== 'deltas') return names;
  if (path.length === 5 && field === 'args' && path[4] === 'feed') return 'feed';
  return undefined;
}

/**
 * The completions at the cursor when it is at a name of the round or the feeds, else undefined.
 * `written`: the items of the list the cursor is in, not offered again.
 */
export function roundCompletions(
  ctx: CursorContext,
  sources: CompletionSources,
  written: () => ReadonlySet<string>,
): CompletionItem[] | undefined {
  if (ctx.kind !== 'scenario') return undefined;
  const m = (): Mechanics => sources.mechanics?.() ?? NO_MECHANICS;
  if (
    ctx.role === 'key' &&
    ctx.path.length === 3 &&
    ctx.path[0] === 'actions' &&
    verbTarget(ctx.path[2]) === 'deltas'
  ) {
    return tieKeys(ctx, action(m(), ctx.path[1]));
  }
  const slot = slotAt(ctx.path);
  // A key is being typed at a new list item (`- |`): a name, or (in `round:`) the phase's first key.
  const newItem = typeof ctx.path[ctx.path.length - 1] === 'number' && ctx.existingKeys.length === 0;
  if (!slot || (ctx.role === 'key' && !newItem)) return undefined;
  const out: CompletionItem[] = [];
  const add = (label: string, kind: CompletionItem['kind'], detail?: string, documentation?: string): void => {
    if (written().has(label)) return;
    const sortText = `${String(out.length).padStart(3, '0')}${label}`;
    out.push({ label, kind, detail, documentation, insertText: label, snippet: false, range: ctx.replace, sortText });
  };
  if (slot === 'phase') {
    for (const p of BUILTIN_PHASES) add(p, 'enum', 'built-in phase', builtinCard(p));
    if (ctx.role === 'key' && ctx.path.length === 2) out.push(ownPhase(ctx));
  } else if (slot === 'action') {
    for (const a of m().actions) add(a.name, 'value', 'action', a.description || undefined);
  } else if (slot === 'group') {
    for (const g of sources.groupNames?.() ?? []) add(g, 'value', 'group');
  } else if (slot === 'feed') {
    for (const f of m().feeds ?? []) add(f.name, 'value', shortDetail(['feed', `shows ${f.shows}`]), feedCard(f));
  } else {
    const a = action(m(), ctx.path[1]);
    for (const arg of a.args.filter((x) => x.type === 'post' || (slot === 'party' && x.type === 'agent'))) {
      add(arg.name, 'value', argShortDetail(arg), argCard(arg, a, arg.name));
    }
  }
  return out;
}

/** `- phase: <name>`: a phase of actions of one's own, at a new item of `round:`. */
function ownPhase(ctx: CursorContext): CompletionItem {
  return {
    label: 'phase',
    kind: 'property',
    detail: 'your own phase of actions',
    documentation:
      'A phase in which agents take some of the declared actions (`actions`, `order`, `who`, `when`, `reads`).',
    insertText: 'phase: ${1:act}',
    snippet: true,
    range: ctx.replace,
    sortText: '100phase',
  };
}

function action(m: Mechanics, name: PathSegment): Action {
  return m.actions.find((a) => a.name === name) ?? { name: String(name), description: '', args: [], effects: [] };
}

/** The keys of `ties` (a verb naming tie changes): the agent and post arguments not written yet, with a weight to fill in. */
function tieKeys(ctx: CursorContext, a: Action): CompletionItem[] {
  return a.args
    .filter((x) => x.type !== 'number' && !ctx.existingKeys.includes(x.name))
    .map((x, i) => ({
      label: x.name,
      kind: 'property' as const,
      detail: argShortDetail(x),
      documentation: argCard(x, a, x.name),
      insertText: `${x.name}: \${1:0.1}`,
      snippet: true,
      range: ctx.replace,
      sortText: `${String(i).padStart(3, '0')}${x.name}`,
    }));
}
