// Completion inside an action's `remember:` text (issue 61): after `{args.` the action's
// arguments, after `{world.` the world quantities, after `{me.` the agent's quantities; right after
// `{` the three namespaces. The engine fills exactly these (engine/phases/act/resolve.ts).
import type { Position, Range } from '../model/model';
import type { LineIndex } from '../syntax/lines';
import type { Mechanics } from '../model/mechanics';
import type { CursorContext } from './cursor';
import type { CompletionItem } from './types';
import { argCard, argShortDetail, quantityCard, quantityShortDetail } from './mechanicsText';
import { actionNamed } from './expressionCompletion';

const NAMESPACES: readonly { name: string; doc: string }[] = [
  { name: 'args', doc: "The action's arguments, as the agent chose them (an agent by name)." },
  { name: 'world', doc: 'The world quantities after the action.' },
  { name: 'me', doc: "The acting agent's quantities after the action." },
];

// A plain text's `{` reads to the cursor as a flow mapping's key: a remember text is a string, so
// it is the text's placeholder all the same.
const isRemember = (ctx: CursorContext): boolean =>
  ctx.kind === 'scenario' &&
  (ctx.role === 'value' || ctx.flow) &&
  ctx.path.length === 3 &&
  ctx.path[0] === 'actions' &&
  ctx.path[2] === 'remember';

/**
 * Items at a `{` placeholder being typed in a `remember:` text, or undefined when the cursor is
 * not in one (other completions apply; in a remember text's prose nothing is offered).
 */
export function rememberCompletions(
  lines: LineIndex,
  position: Position,
  ctx: CursorContext | undefined,
  mechanics?: () => Mechanics | undefined,
): CompletionItem[] | undefined {
  if (!ctx || !isRemember(ctx)) return undefined;
  const before = lines.lineText(position.line).slice(0, position.character);
  const open = /\{([A-Za-z_]\w*\.)?(\w*)$/.exec(before);
  if (!open) return [];
  const rest = /^\w*/.exec(lines.lineText(position.line).slice(position.character))![0].length;
  const typed = open[2];
  const range: Range = {
    start: { line: position.line, character: position.character - typed.length },
    end: { line: position.line, character: position.character + rest },
  };
  const m = mechanics?.() ?? { world: [], agents: [], actions: [] };
  const action = actionNamed(m, String(ctx.path[1]));
  const item = (label: string, detail: string, documentation: string | undefined): CompletionItem => ({
    label,
    kind: 'property',
    insertText: label,
    snippet: false,
    range,
    sortText: `0${label}`,
    detail,
    ...(documentation ? { documentation } : {}),
  });
  switch (open[1]) {
    case undefined:
      return NAMESPACES.map((n) => ({
        ...item(n.name, 'placeholder', n.doc),
        kind: 'value',
        insertText: `${n.name}.`,
        retrigger: true,
      }));
    case 'args.':
      return action.args.map((a) => item(a.name, argShortDetail(a), argCard(a, action)));
    case 'world.':
      return m.world.map((q) => item(q.name, quantityShortDetail(q, 'world'), quantityCard(q, 'world')));
    case 'me.':
      return m.agents.map((q) =>
        item(q.name, quantityShortDetail(q, 'agent'), quantityCard(q, 'agent', `me.${q.name}`)),
      );
    default:
      return [];
  }
}
